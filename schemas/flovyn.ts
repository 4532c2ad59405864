import { CONFIG_CRATE_BOOLEAN } from './booleans';
import { defineProduct } from './define';
import type { SettingSpec } from './types';

/*
 * Flovyn Server's source is not public: the schema is inferred from the configs and test
 * harnesses that run the real binary (../shared/products/flovyn-server.md, tier A) and the
 * deployment guide (seed 001, tier B). The server reads a TOML file named by `CONFIG_FILE`;
 * environment variables override it (`DATABASE_URL`, `SERVER_PORT`, and config-crate style
 * `SECTION__KEY` names for nested keys). This file lists the environment variables; the TOML
 * keys are added beside them.
 */

const envSettings: SettingSpec[] = [
  { key: 'CONFIG_FILE', type: 'path', description: 'Path of the server\'s TOML configuration (`/etc/flovyn/config.toml`).' },
  {
    key: 'DATABASE_URL',
    type: 'url',
    schemes: ['postgres', 'postgresql'],
    description: 'PostgreSQL URL of the server database (`postgres://user:password@host:5432/flovyn`); overrides `database_url` in the TOML file.',
  },
  { key: 'SERVER_PORT', type: 'port', default: '8000', description: 'HTTP port; overrides `server_port` in the TOML file.' },
  { key: 'GRPC_SERVER_PORT', type: 'port', default: '9090', description: 'gRPC port workers connect to; overrides `grpc_server_port` in the TOML file.' },
  { key: 'NATS__ENABLED', type: 'boolean', description: 'Overrides `[nats] enabled`: use NATS for events.' },
  { key: 'NATS__URL', type: 'url', schemes: ['nats', 'tls'], invalidEffect: 'fails-later', description: 'Overrides `[nats] url` (`nats://host:4222`).' },
  {
    key: 'AUTH__BETTER_AUTH__JWT__JWKS_URI',
    type: 'url',
    requiresTls: true,
    invalidEffect: 'fails-later',
    description: 'Overrides `[auth.better_auth.jwt] jwks_uri`: the Flovyn App key set (`https://app.example.com/.well-known/jwks.json`).',
  },
  {
    key: 'AUTH__BETTER_AUTH__JWT__ISSUER',
    type: 'url',
    requiresTls: true,
    invalidEffect: 'fails-later',
    description: 'Overrides `[auth.better_auth.jwt] issuer`: the Flovyn App URL that issues user tokens.',
  },
  {
    key: 'AUTH__BETTER_AUTH__VALIDATION_URL',
    type: 'url',
    requiresTls: true,
    invalidEffect: 'fails-later',
    description: 'Overrides `[auth.better_auth] validation_url`: the Flovyn App endpoint that validates API keys (`https://app.example.com/api/auth/validate-key`).',
  },
  {
    key: 'WORKER_TOKEN_SECRET',
    type: 'string',
    description: 'HMAC secret of worker tokens; required when the `worker_token` authenticator is listed (the server panics without it).',
    secret: { format: 'hex-32', minLength: 32, weakEffect: 'a short HMAC secret lets worker tokens be forged by brute force' },
  },
  { key: 'RUST_LOG', type: 'string', default: 'info', description: 'Log filter (tracing EnvFilter), e.g. `info,flovyn_server=debug`.' },
  {
    key: 'FLOVYN_API_KEY',
    type: 'string',
    description: 'API key the CLI and workers use (`flovyn_sk_…` for users, `flovyn_wk_…` for workers), created in Flovyn App.',
    secret: { format: 'token-urlsafe-32', issuedBy: 'Flovyn App' },
    placeholders: ['flovyn_wk_...', 'flovyn_sk_...'],
  },
  {
    key: 'SECTION__KEY',
    keyPattern: /^[A-Z][A-Z0-9_]*?__[A-Z0-9_]+$/,
    type: 'string',
    description: 'A config-crate override of a nested TOML key: `AUTH__JWT__SKIP_VERIFICATION` sets `[auth.jwt] skip_verification`.',
  },
  { key: 'NATS_URL', type: 'url', invalidEffect: 'ignored', description: 'Legacy name of NATS__URL (older harnesses); probably ignored by current servers.' },
  { key: 'FLOVYN_SECURITY_ENABLED', type: 'boolean', invalidEffect: 'ignored', description: 'Legacy switch of authentication (older harnesses); probably ignored by current servers, which read `[auth] enabled`.' },
  {
    key: 'JWT_SKIP_SIGNATURE_VERIFICATION',
    type: 'boolean',
    invalidEffect: 'ignored',
    description: 'Legacy switch that skips JWT signature checks (older harnesses). Never in production.',
    production: { value: 'false', reason: 'skipping signature verification accepts forged tokens' },
  },
];

export const flovyn = defineProduct({
  id: 'flovyn',
  name: 'Flovyn Server',
  version: 'inferred: flovyn/dev@432d5a7bb473f349c655ff1f1220b35fd05ea2ed, sdk-rust@36b0d50bad1e3e6f0f1e92f7ed3321d2442b0e69 (server source not public)',
  source: 'flovyn/dev configs/*.toml and dev.sh; SDK E2E harnesses; docs/guides/20251231_deployment.md',
  detect: { envPrefixes: ['FLOVYN_'], images: ['ghcr.io/flovyn/flovyn-server'], tomlKeys: ['database.url', 'server.http_port', 'server.grpc_port', 'database_url', 'server_port', 'grpc_server_port'] },
  envPrefixes: ['FLOVYN_'],
  booleans: CONFIG_CRATE_BOOLEAN,
  placeholders: ['flovyn_wk_...', 'flovyn_sk_...'],
  settings: [...envSettings],
});
