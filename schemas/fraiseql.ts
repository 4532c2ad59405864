import { CLAP_BOOLEAN } from './booleans';
import { defineProduct } from './define';
import type { ProductCheckFinding, SettingSpec, SettingsView } from './types';

/*
 * fraiseql-server reads a flat TOML file (`--config` / FRAISEQL_CONFIG, deny_unknown_fields)
 * and clap environment overrides; production is the default unless FRAISEQL_ENV says
 * development. The deployment guide (seed 002) uses env names the code does not read
 * (OAUTH_PROVIDER, JWT_ISSUER, …): they are accepted and their hover says what the server
 * reads instead. Facts from ../shared/products/fraiseql.md. This file lists the environment
 * variables; the TOML keys are added beside them.
 */

const GUIDE_ONLY = 'The deployment guide\'s name; fraiseql-server at the pinned commit does not read it';

/** A variable the server reads, typed from its name where the source table gives no type. */
const variable = (key: string, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({
  key,
  type: inferredType(key),
  invalidEffect: 'fails-later',
  description,
  ...extra,
});
const guide = (key: string, instead: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({
  key,
  type: 'string',
  invalidEffect: 'ignored',
  description: `${GUIDE_ONLY}; ${instead}.`,
  ...extra,
});

function inferredType(key: string): SettingSpec['type'] {
  if (/_URL$|_ENDPOINT$|^VAULT_ADDR$/.test(key)) return 'url';
  if (/(_SECS|_MS|_SIZE|_RETRIES|_MINUTES|_DAYS|_BYTES|_MSGS|_DELIVER|_CONCURRENCY|_ACTIONS|_TTL_SECS)$/.test(key)) return 'integer';
  if (/_ENABLED$|^FRAISEQL_ENABLE_|_REQUIRE_AUTH$|_RUN_EXECUTORS$|_ENABLE_BRIDGE$|_REQUIRE_PERSISTENT$|_WARN_SINGLE_NODE$/.test(key)) return 'boolean';
  if (/_PATH$|^GOOGLE_APPLICATION_CREDENTIALS$/.test(key)) return 'path';
  return 'string';
}

const observer = (keys: readonly string[], what: string): SettingSpec[] =>
  keys.map((key) => variable(key, `${what} (${key.replace(/^FRAISEQL_/, '').toLowerCase().replace(/_/g, ' ')}); read only when that subsystem is used.`));

const envSettings: SettingSpec[] = [
  {
    key: 'FRAISEQL_ENV',
    type: 'string',
    description: 'Deployment mode. Unset or any value other than `development`/`dev` means production: the playground and CORS refusals, PKCE state encryption and proxy-trust checks apply.',
    production: { value: 'production', reason: 'development mode turns off FraiseQL\'s production refusals (playground, CORS, PKCE, proxy trust)', developmentValues: ['development', 'dev'] },
  },
  { key: 'FRAISEQL_PROFILE', type: 'string', description: '`production`/`prod` forces production mode; it can never force development.' },
  {
    key: 'DATABASE_URL',
    type: 'url',
    schemes: ['postgres', 'postgresql'],
    default: 'postgresql://localhost/fraiseql',
    description: 'PostgreSQL URL; overrides `database_url`. Only `postgres://` and `postgresql://` are accepted: mysql, sqlite, sqlserver or no scheme stop the server.',
    required: 'production',
    requiredReason: 'the default points at a database on localhost',
  },
  {
    key: 'FRAISEQL_BIND_ADDR',
    type: 'socket-address',
    default: '127.0.0.1:8000',
    description: 'Listen address as IP:port; overrides `bind_addr`. The default is loopback: in a container set `0.0.0.0:8000`. A malformed value is a fatal argument error.',
  },
  { key: 'FRAISEQL_FLIGHT_BIND_ADDR', type: 'socket-address', default: '127.0.0.1:50051', description: 'Arrow Flight listen address as IP:port; a malformed value is a fatal error.' },
  {
    key: 'FRAISEQL_SCHEMA_PATH',
    type: 'path',
    default: 'schema.compiled.json',
    description: 'Compiled schema (`fraiseql compile`); overrides `schema_path`. A missing file stops the server ("Schema file not found").',
    required: 'production',
    requiredReason: 'the server refuses to start without a compiled schema, and the default path is relative to the working directory',
  },
  { key: 'FRAISEQL_CONFIG', type: 'path', description: 'Path of the server TOML (flat keys, unknown keys refused).' },
  { key: 'FRAISEQL_METRICS_ENABLED', type: 'boolean', default: 'false', description: 'Expose Prometheus metrics; then FRAISEQL_METRICS_TOKEN (≥ 16 characters) is required.' },
  {
    key: 'FRAISEQL_METRICS_TOKEN',
    type: 'string',
    description: 'Bearer token for the metrics endpoint, at least 16 characters; required when metrics are enabled, or the server refuses to start.',
    secret: { format: 'hex-32', minLength: 16, weakRefusesStart: true, weakEffect: 'fraiseql-server refuses to start: metrics_token must be at least 16 characters' },
    required: { when: 'FRAISEQL_METRICS_ENABLED', equals: true },
    requiredReason: 'fraiseql-server refuses to start: metrics_enabled requires metrics_token',
  },
  { key: 'FRAISEQL_ADMIN_API_ENABLED', type: 'boolean', default: 'false', description: 'Enable the admin API; then FRAISEQL_ADMIN_TOKEN (≥ 32 characters) is required.' },
  {
    key: 'FRAISEQL_ADMIN_TOKEN',
    type: 'string',
    description: 'Bearer token of the admin API, at least 32 characters; required when the admin API is enabled, or the server refuses to start.',
    secret: { format: 'hex-32', minLength: 32, weakRefusesStart: true, weakEffect: 'fraiseql-server refuses to start: admin_token must be at least 32 characters' },
    required: { when: 'FRAISEQL_ADMIN_API_ENABLED', equals: true },
    requiredReason: 'fraiseql-server refuses to start: admin_api_enabled requires admin_token',
  },
  { key: 'FRAISEQL_INTROSPECTION_ENABLED', type: 'boolean', default: 'false', description: 'Enable GraphQL introspection.' },
  { key: 'FRAISEQL_INTROSPECTION_REQUIRE_AUTH', type: 'boolean', default: 'true', description: 'Require authentication for introspection.' },
  { key: 'FRAISEQL_METADATA_REQUIRE_AUTH', type: 'boolean', description: 'Require authentication for metadata endpoints.' },
  { key: 'FRAISEQL_SCHEMA_EXPORT_REQUIRE_AUTH', type: 'boolean', description: 'Require authentication for schema export.' },
  { key: 'FRAISEQL_PLAYGROUND_REQUIRE_AUTH', type: 'boolean', description: 'Require authentication for the playground.' },
  { key: 'FRAISEQL_SUBSCRIPTION_REQUIRE_AUTH', type: 'boolean', description: 'Require authentication for subscriptions.' },
  { key: 'FRAISEQL_VALIDATE_SQL_SOURCES', type: 'boolean', default: 'false', description: 'Check at start-up that the schema\'s SQL sources exist.' },
  { key: 'FRAISEQL_RATE_LIMITING_ENABLED', type: 'boolean', description: 'Override `[rate_limiting] enabled`.' },
  { key: 'FRAISEQL_RATE_LIMIT_RPS_PER_IP', type: 'integer', min: 1, description: 'Override `[rate_limiting] rps_per_ip`; 0 with rate limiting on stops the server.' },
  { key: 'FRAISEQL_RATE_LIMIT_RPS_PER_USER', type: 'integer', min: 0, description: 'Override `[rate_limiting] rps_per_user`.' },
  { key: 'FRAISEQL_RATE_LIMIT_BURST_SIZE', type: 'integer', min: 1, description: 'Override `[rate_limiting] burst_size`; 0 with rate limiting on stops the server.' },
  { key: 'FRAISEQL_RATE_LIMIT_BACKEND', type: 'string', invalidEffect: 'fails-later', description: 'Rate-limit state backend.' },
  variable('FRAISEQL_RATE_LIMIT_WARN_SINGLE_NODE', 'Warn when rate limits are kept per process.'),
  { key: 'FRAISEQL_LOG_FORMAT', type: 'string', invalidEffect: 'ignored', description: '`json` (case-insensitive) for JSON logs; anything else is text.' },
  { key: 'FRAISEQL_SHUTDOWN_TIMEOUT_SECS', type: 'integer', min: 0, default: '30', description: 'Graceful shutdown timeout, in seconds.' },
  variable('FRAISEQL_MCP_STDIO', 'Serve MCP over stdio; needs `[mcp] enabled`, or the server refuses to start.'),
  {
    key: 'FRAISEQL_SECRETS_BACKEND',
    type: 'enum',
    enum: ['env', 'file', 'vault'],
    description: 'Where secrets are read from. Any other value, or setting it on a build without the `secrets` feature, stops the server.',
  },
  {
    key: 'FRAISEQL_SECRETS_FILE_PATH',
    type: 'path',
    description: 'Secrets file; required when FRAISEQL_SECRETS_BACKEND=file.',
    required: { when: 'FRAISEQL_SECRETS_BACKEND', equals: 'file' },
    requiredReason: 'fraiseql-server refuses to start with the file secrets backend and no file path',
  },
  {
    key: 'VAULT_ADDR',
    type: 'url',
    description: 'Vault address; required when FRAISEQL_SECRETS_BACKEND=vault.',
    required: { when: 'FRAISEQL_SECRETS_BACKEND', equals: 'vault' },
    requiredReason: 'fraiseql-server refuses to start with the vault secrets backend and no VAULT_ADDR',
  },
  { key: 'VAULT_TOKEN', type: 'string', description: 'Vault token (or VAULT_ROLE_ID and VAULT_SECRET_ID) for the vault secrets backend.', secret: { format: 'token-urlsafe-32', issuedBy: 'Vault' } },
  { key: 'VAULT_ROLE_ID', type: 'string', description: 'Vault AppRole role id.' },
  { key: 'VAULT_SECRET_ID', type: 'string', description: 'Vault AppRole secret id.', secret: { format: 'uuid-v4', issuedBy: 'Vault' } },
  { key: 'VAULT_NAMESPACE', type: 'string', description: 'Vault namespace.' },
  { key: 'VAULT_TLS_VERIFY', type: 'string', description: 'Only the literal `false` disables Vault TLS verification, and that is refused in production.' },
  variable('FRAISEQL_REQUIRE_REDIS', 'When set, the server refuses to start if any subsystem keeps per-process state.'),
  { key: 'FRAISEQL_HS256_SECRET', type: 'string', description: 'Conventional name of the HS256 signing secret named by `[auth_hs256] secret_env`.', secret: { format: 'base64-32', minLength: 32 } },
  { key: 'FRAISEQL_HMAC_SECRET', type: 'string', description: 'Conventional name of the shared HMAC secret named by `hmac_secret_env`.', secret: { format: 'base64-32', minLength: 32 } },
  { key: 'FRAISEQL_JWT_SECRET', type: 'string', description: 'Checked by `fraiseql doctor` only.', secret: { format: 'base64-32', minLength: 32 } },
  { key: 'FRAISEQL_SA_GHOST_SECRET', type: 'string', description: 'Service-account ghost secret (fraiseql CLI security config).', secret: { format: 'base64-32', minLength: 32 } },
  { key: 'FRAISEQL_SA_RECONCILER_SECRET', type: 'string', description: 'Service-account reconciler secret (fraiseql CLI security config).', secret: { format: 'base64-32', minLength: 32 } },
  { key: 'FRAISEQL_HOST', type: 'host', description: '`fraiseql run` (CLI) only: listen host.' },
  { key: 'FRAISEQL_PORT', type: 'port', description: '`fraiseql run` (CLI) only, not fraiseql-server: listen port.' },
  variable('FRAISEQL_CHANGELOG_ENABLED', 'Enable the changelog.'),
  variable('FRAISEQL_MAX_PAGE_SIZE', 'Largest page size of list queries.', { type: 'integer' }),
  ...observer(['FRAISEQL_BRIDGE_BATCH_SIZE', 'FRAISEQL_BRIDGE_NOTIFY_CHANNEL', 'FRAISEQL_BRIDGE_POLL_INTERVAL_SECS', 'FRAISEQL_BRIDGE_TRANSPORT_NAME', 'FRAISEQL_CHECKPOINT_REQUIRE_PERSISTENT', 'FRAISEQL_CONCURRENT_TIMEOUT_MS', 'FRAISEQL_ENABLE_CACHING', 'FRAISEQL_ENABLE_CONCURRENT', 'FRAISEQL_ENABLE_DEDUP', 'FRAISEQL_MAX_CONCURRENT_ACTIONS', 'FRAISEQL_OBSERVER_TRANSPORT'], 'Observer setting'),
  ...observer(['FRAISEQL_CLICKHOUSE_BATCH_SIZE', 'FRAISEQL_CLICKHOUSE_BATCH_TIMEOUT_SECS', 'FRAISEQL_CLICKHOUSE_DATABASE', 'FRAISEQL_CLICKHOUSE_MAX_RETRIES', 'FRAISEQL_CLICKHOUSE_TABLE', 'FRAISEQL_CLICKHOUSE_URL'], 'ClickHouse sink setting'),
  ...observer(['FRAISEQL_ELASTICSEARCH_BULK_SIZE', 'FRAISEQL_ELASTICSEARCH_FLUSH_INTERVAL_SECS', 'FRAISEQL_ELASTICSEARCH_INDEX_PREFIX', 'FRAISEQL_ELASTICSEARCH_MAX_RETRIES', 'FRAISEQL_ELASTICSEARCH_URL'], 'Elasticsearch sink setting'),
  ...observer(['FRAISEQL_JOB_QUEUE_BATCH_SIZE', 'FRAISEQL_JOB_QUEUE_BATCH_TIMEOUT_SECS', 'FRAISEQL_JOB_QUEUE_INITIAL_DELAY_MS', 'FRAISEQL_JOB_QUEUE_MAX_DELAY_MS', 'FRAISEQL_JOB_QUEUE_MAX_RETRIES', 'FRAISEQL_JOB_QUEUE_POLL_INTERVAL_MS', 'FRAISEQL_JOB_QUEUE_URL', 'FRAISEQL_JOB_QUEUE_WORKER_CONCURRENCY'], 'Job queue setting'),
  ...observer(['FRAISEQL_NATS_ACK_WAIT_SECS', 'FRAISEQL_NATS_CONSUMER_NAME', 'FRAISEQL_NATS_DEDUP_WINDOW_MINUTES', 'FRAISEQL_NATS_ENABLE_BRIDGE', 'FRAISEQL_NATS_MAX_AGE_DAYS', 'FRAISEQL_NATS_MAX_BYTES', 'FRAISEQL_NATS_MAX_DELIVER', 'FRAISEQL_NATS_MAX_MSGS', 'FRAISEQL_NATS_RUN_EXECUTORS', 'FRAISEQL_NATS_STREAM_NAME', 'FRAISEQL_NATS_SUBJECT_PREFIX', 'FRAISEQL_NATS_URL'], 'NATS transport setting'),
  ...observer(['FRAISEQL_REDIS_CACHE_TTL_SECS', 'FRAISEQL_REDIS_COMMAND_TIMEOUT_SECS', 'FRAISEQL_REDIS_CONNECT_TIMEOUT_SECS', 'FRAISEQL_REDIS_DEDUP_WINDOW_SECS', 'FRAISEQL_REDIS_POOL_SIZE', 'FRAISEQL_REDIS_URL'], 'Observer Redis setting'),
  variable('FRAISEQL_SMTP_USERNAME', 'SMTP user name of the email observer action.'),
  { key: 'FRAISEQL_SMTP_PASSWORD', type: 'string', description: 'SMTP password of the email observer action.', secret: { format: 'password', issuedBy: 'the SMTP provider' } },
  { key: 'AUDIT_CHAIN_SEED', type: 'string', description: 'Seed of the tamper-evident audit chain.', secret: { format: 'hex-32', minLength: 32 } },
  variable('AUDIT_LOG_LEVEL', 'Audit log level.'),
  { key: 'AZURE_STORAGE_KEY', type: 'string', description: 'Azure storage account key (Azure storage backend).', secret: { format: 'base64-32', issuedBy: 'Azure' } },
  { key: 'FLIGHT_SESSION_SECRET', type: 'string', description: 'Signs Arrow Flight sessions.', secret: { format: 'hex-32', minLength: 32 } },
  variable('GOOGLE_APPLICATION_CREDENTIALS', 'Service-account JSON file of the GCS storage backend.'),
  { key: 'GOOGLE_CLOUD_TOKEN', type: 'string', description: 'OAuth token of the GCS storage backend.', secret: { format: 'token-urlsafe-32', issuedBy: 'Google Cloud' } },
  variable('JAEGER_ENDPOINT', 'Jaeger collector endpoint (observer tracing).'),
  variable('JAEGER_SAMPLE_RATE', 'Jaeger sampling rate (observer tracing).', { type: 'number' }),
  variable('KUBERNETES_SERVICE_HOST', 'Set by Kubernetes; its presence forces production mode.', { type: 'string' }),
  variable('OTEL_EXPORTER_OTLP_ENDPOINT', 'OTLP endpoint used when `otlp_endpoint` is unset.'),
  variable('REDIS_URL', 'Checked by `fraiseql doctor` only; the server reads each section\'s own `redis_url`.', { schemes: ['redis', 'rediss'] }),
  variable('TRACING_ENABLED', 'Observer tracing switch.'),
  variable('TRACING_SERVICE_NAME', 'Observer tracing service name.'),
  { key: 'RUST_LOG', type: 'string', default: 'fraiseql_server=info,tower_http=info,axum=info', description: 'Log filter (tracing EnvFilter).' },
  guide('OAUTH_PROVIDER', 'the server authenticates with `[auth]` (OIDC issuer) or `[auth_hs256]` in its TOML', {
    type: 'enum',
    enum: ['google', 'keycloak', 'auth0', 'okta', 'github', 'azure', 'cognito'],
    enumCaseInsensitive: false,
  }),
  guide('GOOGLE_CLIENT_ID', 'social providers are configured under `[auth.social.google]`'),
  guide('GOOGLE_CLIENT_SECRET', 'social providers read their secret from the variable named by `[auth.social.google] client_secret_env`', {
    secret: { format: 'token-urlsafe-32', issuedBy: 'Google' },
    placeholders: ['<prod-secret>'],
  }),
  guide('OAUTH_REDIRECT_URI', 'the PKCE group of `[auth]` in fraiseql.toml has `server_redirect_uri`', { type: 'url', requiresTls: true }),
  guide('KEYCLOAK_URL', 'the server reads the OIDC issuer from `[auth] issuer`', { type: 'url', requiresTls: true }),
  guide('KEYCLOAK_REALM', 'the realm is part of `[auth] issuer`'),
  guide('KEYCLOAK_CLIENT_ID', 'the client id lives in fraiseql.toml `[auth]`'),
  guide('KEYCLOAK_CLIENT_SECRET', 'fraiseql.toml `[auth] client_secret_env` names the variable that holds it', {
    secret: { format: 'token-urlsafe-32', issuedBy: 'Keycloak' },
    placeholders: ['<secret>'],
  }),
  guide('JWT_ISSUER', 'the real setting is `[auth] issuer` (https, or http://localhost) in the server TOML', { type: 'url', requiresTls: true }),
  guide('JWT_ALGORITHM', 'the real setting is `[auth] allowed_algorithms` (default `["RS256"]`)', {
    type: 'enum',
    enum: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256', 'PS384', 'PS512', 'EdDSA', 'HS256', 'HS384', 'HS512'],
  }),
  guide('JWT_AUDIENCE', 'the real setting is `[auth] audience`'),
  guide('JWT_SECRET', 'HS256 secrets are read from the variable named by `[auth_hs256] secret_env`', { secret: { format: 'base64-32', minLength: 32 } }),
  guide('DATABASE_POOL_SIZE', 'the real settings are `pool_max_size` and `pool_min_size`', { type: 'integer', min: 1 }),
  guide('DATABASE_MAX_LIFETIME', 'connection lifetime is not configurable by this name', { type: 'integer', min: 0 }),
  guide('SESSION_TIMEOUT_MINUTES', 'session lifetimes come from the identity provider\'s tokens', { type: 'integer', min: 1 }),
  guide('SESSION_CACHE_TTL', 'session caching is not configurable by this name', { type: 'integer', min: 0 }),
  guide('PORT', 'the listen address is FRAISEQL_BIND_ADDR (`0.0.0.0:8000`)', { type: 'port' }),
  guide('SERVER_HOST', 'the listen address is FRAISEQL_BIND_ADDR (`0.0.0.0:8000`)', { type: 'host' }),
  guide('TLS_CERT_PATH', 'the server refuses to terminate TLS (`[tls] enabled = true` stops it): terminate TLS in the reverse proxy', { type: 'path' }),
  guide('TLS_KEY_PATH', 'the server refuses to terminate TLS (`[tls] enabled = true` stops it): terminate TLS in the reverse proxy', { type: 'path' }),
  guide('PROMETHEUS_PORT', 'metrics are served on the main port when FRAISEQL_METRICS_ENABLED is on', { type: 'port' }),
];

/** Production refusals that depend on two variables. */
function checks(view: SettingsView): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const production = !/^(development|dev)$/i.test((view.get('FRAISEQL_ENV')?.value ?? '').trim());
  if (view.mode === 'production' && production && view.get('VAULT_TLS_VERIFY')?.value?.trim() === 'false') {
    findings.push({ rule: 'schema/invalid-value', key: 'VAULT_TLS_VERIFY', message: 'fraiseql-server refuses to start in production with VAULT_TLS_VERIFY=false: Vault TLS verification cannot be disabled there.' });
  }
  return findings;
}

export const fraiseql = defineProduct({
  id: 'fraiseql',
  name: 'FraiseQL',
  version: 'fraiseql/fraiseql@4388c7130a60d8be477cef2f5ce01b4c0f3042cb (fraiseql-server 2.15.x)',
  source: 'crates/fraiseql-server/src/{cli.rs,main.rs,server_config/}, crates/fraiseql-guard/src/deployment.rs; guide docs (authentication deployment)',
  detect: {
    envPrefixes: ['FRAISEQL_'],
    images: ['fraiseql'],
    signatureKeys: ['OAUTH_PROVIDER', 'OAUTH_REDIRECT_URI', 'JWT_ISSUER', 'JWT_ALGORITHM', 'DATABASE_POOL_SIZE', 'DATABASE_MAX_LIFETIME', 'SESSION_TIMEOUT_MINUTES', 'TLS_CERT_PATH'],
    minSignatureKeys: 3,
  },
  envPrefixes: ['FRAISEQL_'],
  booleans: CLAP_BOOLEAN,
  unknownKeys: {
    scope: 'prefixed',
    effect: 'ignored',
    reason: 'fraiseql-server reads its variables by name; a misspelt FRAISEQL_ variable is silently ignored.',
  },
  placeholders: ['<prod-secret>', '<secret>', '<prod-client-id>', 'strong_password', 'strong_password_here'],
  checks,
  settings: [...envSettings],
});
