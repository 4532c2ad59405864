import { quoteToken } from '../server/src/engine/quote';
import { CONFIG_CRATE_BOOLEAN } from './booleans';
import { defineProduct, toml } from './define';
import type { ProductCheckFinding, SettingSpec, SettingsView, SettingValue } from './types';

/*
 * Flovyn Server's source is not public: the schema is inferred from the configs and test
 * harnesses that run the real binary (../shared/products/flovyn-server.md, tier A) and the
 * deployment guide (seed 001, tier B). The server reads a TOML file named by `CONFIG_FILE`;
 * environment variables override it (`DATABASE_URL`, `SERVER_PORT`, and config-crate style
 * `SECTION__KEY` names for nested keys). Below: the environment variables, the server's TOML keys
 * (in both layouts: the one its own configs use and the deployment guide's), the CLI's
 * `~/.flovyn/credentials` profiles, and the checks no single setting explains.
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
    pattern: { regex: /^flovyn_(sk|wk)_/, description: 'an API key from Flovyn App, starting `flovyn_sk_` (personal) or `flovyn_wk_` (worker)' },
    invalidEffect: 'fails-later',
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


const SOURCE_FORM = 'Flovyn\'s own configs (flovyn/dev `configs/server-*.toml`, the SDK test harnesses) write';
const GUIDE_FORM = 'the deployment guide (seed 001) writes';
const BOTH_ACCEPTED = 'Both forms are accepted here: the server source is not public, so which one the binary reads is inferred.';

const table = (key: string, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => toml(key, 'table', description, extra);

/** The authenticator names the server knows; any other name makes it deny every request. */
export const FLOVYN_AUTHENTICATORS = ['static_api_key', 'better_auth_jwt', 'better_auth_api_key', 'worker_token', 'jwt', 'session'] as const;
const AUTHORIZERS = ['cedar', 'tenant_scope', 'none', 'script'];

/** `[auth.endpoints.http]` and `[auth.endpoints.grpc]` have the same keys. */
const endpointSettings = (endpoint: 'http' | 'grpc'): SettingSpec[] => [
  table(`auth.endpoints.${endpoint}`, `Authentication of the ${endpoint === 'http' ? 'HTTP API' : 'gRPC API workers use'}.`),
  toml(
    `auth.endpoints.${endpoint}.authenticators`,
    'list',
    `Authenticators tried in order for ${endpoint === 'http' ? 'HTTP' : 'gRPC'} requests: ${FLOVYN_AUTHENTICATORS.map((name) => `\`${name}\``).join(', ')}. An empty list allows every request (no-op authenticator); an unknown name makes the server deny every request (fail-closed).`,
    { default: '[]' },
  ),
  toml(`auth.endpoints.${endpoint}.authorizer`, 'enum', 'What a request may do once authenticated: `cedar` (policies; what production configs use), `tenant_scope` (own org only), `none` (anything), `script`.', {
    enum: AUTHORIZERS,
    default: 'tenant_scope',
    production: { value: 'cedar', reason: 'with `authorizer = "none"` every authenticated caller may do anything in any org', developmentValues: ['none'] },
  }),
  toml(`auth.endpoints.${endpoint}.exclude_paths`, 'list', 'Paths served without authentication, e.g. `["/_/health", "/api/docs", "/api/docs/openapi.json"]`. Keep the health path `/_/health` here, or health checks get 401.', {
    default: '[]',
  }),
];

const serverSettings: SettingSpec[] = [
  toml('database_url', 'url', `PostgreSQL URL of the server database (\`postgres://user:password@host:5432/flovyn\`). ${SOURCE_FORM} top-level \`database_url\`; ${GUIDE_FORM} \`[database] url\`. ${BOTH_ACCEPTED} \`DATABASE_URL\` in the environment overrides it: keep the password there rather than in a file under version control.`, {
    aliases: ['database.url'],
    schemes: ['postgres', 'postgresql'],
  }),
  table('database', `The deployment guide's \`[database]\` table (\`url\`); ${SOURCE_FORM} top-level \`database_url\` instead. ${BOTH_ACCEPTED}`),
  toml('server_port', 'port', `HTTP port (default 8000). ${SOURCE_FORM} top-level \`server_port\`; ${GUIDE_FORM} \`[server] http_port\`. ${BOTH_ACCEPTED} \`SERVER_PORT\` overrides it.`, {
    aliases: ['server.http_port'],
    default: '8000',
  }),
  toml('grpc_server_port', 'port', `gRPC port workers connect to (default 9090). ${SOURCE_FORM} top-level \`grpc_server_port\`; ${GUIDE_FORM} \`[server] grpc_port\`. ${BOTH_ACCEPTED} \`GRPC_SERVER_PORT\` overrides it.`, {
    aliases: ['server.grpc_port'],
    default: '9090',
  }),
  table('server', `The deployment guide's \`[server]\` table (\`http_port\`, \`grpc_port\`); ${SOURCE_FORM} top-level \`server_port\` and \`grpc_server_port\`. ${BOTH_ACCEPTED}`),

  table('nats', 'NATS event bus (`enabled`, `url`).'),
  toml('nats.enabled', 'boolean', 'Publish workflow events to NATS. `NATS__ENABLED` overrides it.'),
  toml('nats.url', 'url', 'NATS server (`nats://host:4222`); needed when `nats.enabled` is true. `NATS__URL` overrides it.', {
    schemes: ['nats', 'tls'],
    invalidEffect: 'fails-later',
    required: { when: 'nats.enabled', equals: true },
    requiredReason: 'NATS is enabled but the server has no URL to connect to',
  }),
  table('otel', 'OpenTelemetry tracing (`enabled`, `otlp_endpoint`, `service_name`).'),
  toml('otel.enabled', 'boolean', 'Export traces over OTLP.'),
  toml('otel.otlp_endpoint', 'url', 'OTLP gRPC endpoint, e.g. `http://localhost:4317` (a collector beside the server).', { invalidEffect: 'fails-later' }),
  toml('otel.service_name', 'string', 'Service name traces are reported under.'),
  table('metrics', 'Prometheus metrics (`enabled`, `port`).'),
  toml('metrics.enabled', 'boolean', 'Serve Prometheus metrics on `metrics.port`.'),
  toml('metrics.port', 'port', 'Port of the metrics endpoint (9093 in Flovyn\'s configs); must differ from the HTTP and gRPC ports.'),

  toml('orgs', 'list', 'Pre-configured organisations (self-hosted mode), one `[[orgs]]` table each with `id`, `name`, `slug` and optionally `tier`. SaaS deployments create orgs through the API instead.'),
  toml('orgs.id', 'uuid', 'The organisation\'s id: a UUID (the server\'s TenantConfig reads `id: Uuid`; anything else stops it loading the file). Unique across `[[orgs]]`.'),
  toml('orgs.name', 'string', 'Display name of the organisation.'),
  toml('orgs.slug', 'slug', 'The organisation\'s slug. It MUST equal the organisation\'s slug in Flovyn App: tokens carry the App\'s slug, and an unmatched slug gives "Unknown organization". Unique across `[[orgs]]`.'),
  toml('orgs.tier', 'enum', 'Plan of the organisation: `FREE` (default), `PRO` or `ENTERPRISE`.', { enum: ['FREE', 'PRO', 'ENTERPRISE'], default: 'FREE' }),
  toml('orgs.region', 'string', 'Region of the organisation (optional).'),

  table('auth', 'Authentication and authorisation: `enabled`, the authenticators\' sections and `[auth.endpoints.*]`.'),
  toml('auth.enabled', 'boolean', 'Turn authentication on (default false: every request is accepted unauthenticated). Production configs set `true`.', {
    default: 'false',
    production: { value: 'true', reason: 'with authentication disabled, every request is accepted without credentials' },
  }),
  table('auth.static_api_key', 'Fixed API keys for the `static_api_key` authenticator (`keys = [{ key, org_id, principal_type, principal_id, role }]`).'),
  toml('auth.static_api_key.keys', 'list', 'The static API keys: tables with `key`, `org_id` (UUID), `principal_type` (`User`, `Worker`, `Service`), `principal_id` and optionally `role` (`OWNER`, `ADMIN`, `MEMBER`). With none, the authenticator warns and accepts nothing.', { default: '[]' }),
  toml('auth.static_api_key.keys.key', 'string', 'The API key clients send as a bearer token.', {
    secret: { format: 'token-urlsafe-32', minLength: 32, weakEffect: 'a short static API key can be guessed: it grants its principal\'s access' },
  }),
  toml('auth.static_api_key.keys.org_id', 'uuid', 'The org the key acts in (a UUID, one of the `[[orgs]]` ids).'),
  toml('auth.static_api_key.keys.principal_type', 'enum', 'Who the key stands for: `User`, `Worker` or `Service`; any other value is read as `User`.', {
    enum: ['User', 'Worker', 'Service'],
    invalidEffect: 'ignored',
  }),
  toml('auth.static_api_key.keys.principal_id', 'string', 'Id of the principal the key stands for.'),
  toml('auth.static_api_key.keys.role', 'enum', 'Role of the key in its org: `OWNER`, `ADMIN` or `MEMBER` (optional).', { enum: ['OWNER', 'ADMIN', 'MEMBER'] }),

  table('auth.jwt', 'Generic JWT authenticator (`jwt`): `jwks_uri`, `issuer`, `audience`, `clock_skew`, `skip_verification`.'),
  toml('auth.jwt.skip_verification', 'boolean', 'Accept JWTs without checking their signature. Flovyn\'s development configs set `true`; production must not.', {
    default: 'false',
    production: { value: 'false', reason: 'tokens are accepted without checking their signature, so anyone can forge one' },
  }),
  toml('auth.jwt.jwks_uri', 'url', 'Key set the `jwt` authenticator verifies signatures with.', { requiresTls: true, invalidEffect: 'fails-later' }),
  toml('auth.jwt.issuer', 'url', 'Expected `iss` of tokens for the `jwt` authenticator.', { requiresTls: true, invalidEffect: 'fails-later' }),
  toml('auth.jwt.audience', 'string', 'Expected `aud` of tokens for the `jwt` authenticator.'),
  toml('auth.jwt.clock_skew', 'duration', 'Clock skew tolerated when checking `exp`/`nbf` (humantime, default `60s`).', { default: '60s' }),

  table('auth.better_auth', 'Flovyn App (Better Auth) integration: `validation_url`, `timeout_secs` and the `[auth.better_auth.jwt]` key set.'),
  toml('auth.better_auth.validation_url', 'url', 'Flovyn App endpoint that validates API keys (`https://app.example.com/api/auth/validate-key`), used by the `better_auth_api_key` authenticator. When empty the authenticator is skipped with a warning. `AUTH__BETTER_AUTH__VALIDATION_URL` overrides it.', {
    requiresTls: true,
    invalidEffect: 'fails-later',
    default: '',
  }),
  toml('auth.better_auth.timeout_secs', 'integer', 'Timeout of a key validation request, in seconds (default 5).', { min: 1, default: '5' }),
  table('auth.better_auth.jwt', `Flovyn App's JWT key set for the \`better_auth_jwt\` authenticator. ${SOURCE_FORM} the nested \`[auth.better_auth.jwt]\`; ${GUIDE_FORM} \`[auth.better_auth_jwt]\`. ${BOTH_ACCEPTED}`, {
    aliases: ['auth.better_auth_jwt'],
  }),
  toml('auth.better_auth.jwt.jwks_uri', 'url', `Flovyn App key set (\`https://app.example.com/.well-known/jwks.json\`), needed by the \`better_auth_jwt\` authenticator. ${SOURCE_FORM} \`[auth.better_auth.jwt] jwks_uri\`; ${GUIDE_FORM} \`[auth.better_auth_jwt] jwks_uri\`. ${BOTH_ACCEPTED}`, {
    aliases: ['auth.better_auth_jwt.jwks_uri'],
    requiresTls: true,
    invalidEffect: 'fails-later',
  }),
  toml('auth.better_auth.jwt.issuer', 'url', `Expected \`iss\` of user tokens: the Flovyn App URL (\`APP_URL\`). ${SOURCE_FORM} \`[auth.better_auth.jwt] issuer\`; ${GUIDE_FORM} \`[auth.better_auth_jwt] issuer\`. ${BOTH_ACCEPTED}`, {
    aliases: ['auth.better_auth_jwt.issuer'],
    requiresTls: true,
    invalidEffect: 'fails-later',
  }),
  toml('auth.better_auth.jwt.audience', 'string', `Expected \`aud\` of user tokens (\`flovyn-server\` in the SaaS config; the self-hosted config omits it). ${SOURCE_FORM} \`[auth.better_auth.jwt] audience\`; ${GUIDE_FORM} \`[auth.better_auth_jwt] audience\`.`, {
    aliases: ['auth.better_auth_jwt.audience'],
  }),
  toml('auth.better_auth.jwt.skip_verification', 'boolean', 'Accept Flovyn App tokens without checking their signature. Never in production.', {
    aliases: ['auth.better_auth_jwt.skip_verification'],
    default: 'false',
    production: { value: 'false', reason: 'tokens are accepted without checking their signature, so anyone can forge one' },
  }),

  table('auth.worker_token', 'Worker tokens (`worker_token` authenticator): `prefix` and `secret`.'),
  toml('auth.worker_token.prefix', 'string', 'Prefix of worker tokens (default `fwt_`).', { default: 'fwt_' }),
  toml('auth.worker_token.secret', 'string', 'HMAC secret worker tokens are signed with; usually given as `WORKER_TOKEN_SECRET` in the environment instead, which keeps it out of the file.', {
    secret: { format: 'hex-32', minLength: 32, weakEffect: 'a short HMAC secret lets worker tokens be forged by brute force' },
  }),
  table('auth.attr_resolver', 'Attribute resolver for authorisation (`resolver_type`, `script`, `mappings`).'),
  toml('auth.attr_resolver.resolver_type', 'enum', 'How principal attributes are resolved: `noop`, `script` or `claims`.', { enum: ['noop', 'script', 'claims'] }),
  table('auth.attr_resolver.script', 'Script resolver settings (`path`).'),
  toml('auth.attr_resolver.script.path', 'path', 'Script of the `script` resolver.'),
  toml('auth.attr_resolver.mappings', 'list', 'Claims resolver mappings: tables with `attribute`, `claims_path` and `value_type`.'),
  toml('auth.attr_resolver.mappings.attribute', 'string', 'Attribute a claim is mapped to.'),
  toml('auth.attr_resolver.mappings.claims_path', 'string', 'Path of the claim in the token.'),
  toml('auth.attr_resolver.mappings.value_type', 'string', 'Type of the mapped value.'),
  table('auth.endpoints', 'Per-endpoint authentication: `[auth.endpoints.http]`, `[auth.endpoints.grpc]`.'),
  ...endpointSettings('http'),
  ...endpointSettings('grpc'),
  table('auth.org_resolver', 'How orgs are found from tokens in SaaS mode (`cache_ttl_secs`, `auto_create`). The deployment guide\'s name; an older plan calls it `[auth.tenant_resolver]`.', {
    aliases: ['auth.tenant_resolver'],
  }),
  toml('auth.org_resolver.cache_ttl_secs', 'integer', 'How long resolved orgs are cached, in seconds (default 300: changes to orgs show after up to 5 minutes).', {
    aliases: ['auth.tenant_resolver.cache_ttl_secs'],
    min: 0,
    default: '300',
  }),
  toml('auth.org_resolver.auto_create', 'boolean', 'Create an org on its first authenticated request instead of answering "Unknown organization".', {
    aliases: ['auth.tenant_resolver.auto_create'],
    default: 'false',
  }),
  toml('auth.<design section>', 'any', 'A section of the pluggable-auth design (`[auth.endpoints.public]`, `[auth.session]`, `[auth.cedar]`, `[auth.oauth2]`); their keys are not published, so they are accepted as written.', {
    keyPattern: /^auth\.(endpoints\.public|session|cedar|oauth2)(\.|$)/,
  }),
];

/*
 * `~/.flovyn/credentials`: the CLI's profiles, `[default]` and `[profiles.<name>]`, written by
 * `flovyn auth login`. Same keys in every profile.
 */
const PROFILE_FIELDS: readonly { name: string; type: SettingSpec['type']; description: string; extra?: Partial<SettingSpec> }[] = [
  { name: 'type', type: 'enum', description: 'How the profile authenticates: `jwt` (device-flow login) or `api_key` (a `flovyn_sk_…` or `flovyn_wk_…` key).', extra: { enum: ['jwt', 'api_key'] } },
  {
    name: 'token',
    type: 'string',
    description: 'The profile\'s credential: a JWT for `type = "jwt"`, an API key starting `flovyn_sk_` (personal) or `flovyn_wk_` (worker) for `type = "api_key"`.',
    extra: { secret: { format: 'token-urlsafe-32', issuedBy: 'Flovyn App' }, placeholders: ['eyJhbG...', 'flovyn_sk_...', 'flovyn_wk_...'] },
  },
  { name: 'expires_at', type: 'string', description: 'When a JWT expires (RFC 3339, e.g. `2025-12-29T12:00:00Z`); after it, `flovyn auth login` again.' },
  { name: 'org_slug', type: 'slug', description: 'The org the profile acts in: its slug in Flovyn App.' },
  { name: 'server_url', type: 'url', description: 'Flovyn Server API the CLI talks to (`https://api.flovyn.ai`). Use https: the token travels in every request.', extra: { requiresTls: true, invalidEffect: 'fails-later' } },
];

const credentialSettings: SettingSpec[] = [
  table('default', 'The CLI\'s default profile in `~/.flovyn/credentials`.'),
  ...PROFILE_FIELDS.map((field) => toml(`default.${field.name}`, field.type, field.description, field.extra)),
  table('profiles', 'Named CLI profiles in `~/.flovyn/credentials` (`[profiles.staging]`), chosen with `flovyn --profile <name>`.'),
  toml('profiles.<name>', 'table', 'A named CLI profile, chosen with `flovyn --profile <name>`.', { keyPattern: /^profiles\.[^.]+$/ }),
  ...PROFILE_FIELDS.map((field) =>
    toml(`profiles.<name>.${field.name}`, field.type, field.description, { ...field.extra, keyPattern: new RegExp(`^profiles\\.[^.]+\\.${field.name}$`) }),
  ),
];

/** A finding on the occurrence of a (possibly patterned) key whose actual name is `setting.key`. */
function at(view: SettingsView, label: string, setting: SettingValue): Pick<ProductCheckFinding, 'key' | 'occurrence'> {
  const occurrence = view.all(label).findIndex((candidate) => candidate === setting || candidate.key === setting.key);
  return { key: label, occurrence: Math.max(0, occurrence) };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** What a config file needs beyond single settings (products file: start-up validation, production-required keys). */
function serverChecks(view: SettingsView): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const production = view.mode === 'production';

  // Ports: two listeners on one port make the second bind fail. Defaults count, so
  // `server_port = 9090` alone collides with gRPC's default.
  const ports = [
    { key: 'server_port', name: 'HTTP' },
    { key: 'grpc_server_port', name: 'gRPC' },
    { key: 'metrics.port', name: 'metrics' },
  ].map((port) => ({ ...port, written: view.get(port.key) !== undefined, value: view.valueOrDefault(port.key) }));
  ports.forEach((port, index) => {
    if (!port.written || port.value === undefined) return;
    const other = ports.find((candidate, otherIndex) => otherIndex !== index && candidate.value === port.value && (!candidate.written || otherIndex < index));
    if (!other) return;
    findings.push({
      rule: 'schema/conflict',
      key: port.key,
      message: `The ${port.name} port is the same as the ${other.name} port (${port.value}${other.written ? '' : ', its default'}): the server cannot listen twice on one port, so it fails to start.`,
    });
  });

  // Orgs: ids and slugs identify an org; a repeated one makes the orgs ambiguous.
  for (const [key, what] of [['orgs.id', 'id'], ['orgs.slug', 'slug']] as const) {
    const seen = new Map<string, number>();
    view.all(key).forEach((org, index) => {
      if (org.value === undefined) return;
      const first = seen.get(org.value);
      if (first === undefined) seen.set(org.value, index);
      else findings.push({ rule: 'schema/conflict', key, occurrence: index, message: `Two \`[[orgs]]\` have the ${what} \`${quoteToken(String(org.value))}\` (orgs ${first + 1} and ${index + 1}): each org needs its own ${what}.` });
    });
  }

  const authEnabled = view.bool('auth.enabled') === true;
  for (const endpoint of ['http', 'grpc'] as const) {
    const key = `auth.endpoints.${endpoint}.authenticators`;
    const setting = view.get(key);
    const listed = stringList(setting?.typedValue);
    if (authEnabled && (!setting || (listed && listed.length === 0))) {
      findings.push({
        rule: 'schema/conflict',
        ...(setting ? { key } : { key: 'auth.enabled' }),
        severity: production ? 'error' : 'warning',
        message: `Authentication is enabled but \`[auth.endpoints.${endpoint}]\` lists no authenticators: Flovyn then uses its no-op authenticator, which allows every ${endpoint === 'http' ? 'HTTP' : 'gRPC'} request.`,
      });
    }
    for (const name of listed ?? []) {
      if (!(FLOVYN_AUTHENTICATORS as readonly string[]).includes(name)) {
        findings.push({
          rule: 'schema/invalid-value',
          key,
          message: `Unknown authenticator \`${quoteToken(name)}\` in \`[auth.endpoints.${endpoint}]\` (known: ${FLOVYN_AUTHENTICATORS.join(', ')}): Flovyn fails closed and denies every ${endpoint === 'http' ? 'HTTP' : 'gRPC'} request.`,
        });
        continue;
      }
      const missing = missingSection(view, name);
      if (missing) findings.push({ rule: 'schema/conflict', key, severity: missing.severity, message: `\`${quoteToken(name)}\` is listed in \`[auth.endpoints.${endpoint}]\` but ${missing.why}.` });
    }
    if (endpoint === 'http' && authEnabled && listed && listed.length > 0) {
      const excluded = stringList(view.get('auth.endpoints.http.exclude_paths')?.typedValue) ?? [];
      if (!excluded.includes('/_/health')) {
        findings.push({
          rule: 'schema/invalid-value',
          key: view.get('auth.endpoints.http.exclude_paths') ? 'auth.endpoints.http.exclude_paths' : key,
          severity: 'warning',
          message: 'The health path `/_/health` is not in `[auth.endpoints.http] exclude_paths`: with authentication on, health checks get 401 and the server looks down.',
        });
      }
    }
  }
  if (production && !authEnabled && view.get('auth.enabled') === undefined && isServerConfig(view)) {
    findings.push({
      rule: 'security/dev-mode',
      message: 'No `[auth] enabled = true`: authentication is off by default, so in production every request is accepted without credentials.',
    });
  }
  return findings;
}

/** Why an authenticator cannot work with this file's sections, or undefined when it can. */
function missingSection(view: SettingsView, authenticator: string): { why: string; severity: 'error' | 'warning' } | undefined {
  const has = (key: string) => {
    const value = view.get(key)?.value;
    return value !== undefined && value.trim() !== '';
  };
  switch (authenticator) {
    case 'better_auth_jwt':
      return has('auth.better_auth.jwt.jwks_uri') ? undefined : { why: 'there is no `[auth.better_auth.jwt] jwks_uri` to verify Flovyn App tokens with, so it fails to initialise', severity: 'error' };
    case 'better_auth_api_key':
      return has('auth.better_auth.validation_url') ? undefined : { why: '`[auth.better_auth] validation_url` is not set, so it is skipped with a warning (alone, every request is denied)', severity: 'error' };
    case 'static_api_key': {
      const keys = view.get('auth.static_api_key.keys')?.typedValue;
      return Array.isArray(keys) && keys.length > 0 ? undefined : { why: '`[auth.static_api_key]` has no `keys`, so it accepts no key (the server warns)', severity: 'warning' };
    }
    case 'jwt':
      return has('auth.jwt.jwks_uri') || has('auth.jwt.issuer') || view.bool('auth.jwt.skip_verification') === true
        ? undefined
        : { why: 'there is no `[auth.jwt]` section with a `jwks_uri` or `issuer` to verify tokens with', severity: 'error' };
    default:
      // worker_token reads its secret from WORKER_TOKEN_SECRET in the environment; session has defaults.
      return undefined;
  }
}

/** True when the file configures the server (as opposed to being the CLI's credentials file). */
function isServerConfig(view: SettingsView): boolean {
  return view.keys().some((key) => !/^(default|profiles)(\.|$)/.test(key));
}

/** `~/.flovyn/credentials`: each profile's token must fit its type, be current, and travel over https. */
function credentialChecks(view: SettingsView, now: Date): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const profiles = new Map<string, { label: string; fields: Map<string, SettingValue> }>();
  for (const field of PROFILE_FIELDS) {
    for (const label of [`default.${field.name}`, `profiles.<name>.${field.name}`]) {
      for (const setting of view.all(label)) {
        const profile = setting.key.slice(0, setting.key.length - field.name.length - 1);
        const entry = profiles.get(profile) ?? { label: label.slice(0, label.length - field.name.length - 1), fields: new Map<string, SettingValue>() };
        entry.fields.set(field.name, setting);
        profiles.set(profile, entry);
      }
    }
  }
  for (const [profile, { label, fields }] of profiles) {
    const name = profile === 'default' ? '`[default]`' : `\`[${quoteToken(profile)}]\``;
    const type = fields.get('type')?.value;
    const token = fields.get('token');
    const tokenText = token?.value?.trim() ?? '';
    if (token && tokenText !== '' && !/\.\.\.$/.test(tokenText)) {
      const apiKey = /^flovyn_(sk|wk)_/.test(tokenText);
      if (type === 'api_key' && !apiKey) {
        findings.push({ rule: 'schema/invalid-value', ...at(view, `${label}.token`, token), message: `The token of profile ${name} has \`type = "api_key"\` but does not start with \`flovyn_sk_\` (personal key) or \`flovyn_wk_\` (worker key): Flovyn App did not issue it as an API key, and the server rejects it.` });
      } else if (type === 'jwt' && apiKey) {
        findings.push({ rule: 'schema/invalid-value', ...at(view, `${label}.type`, fields.get('type')!), fixValue: 'api_key', fixTitle: 'Set type to `api_key`', message: `Profile ${name} holds an API key (\`flovyn_…_\`) but says \`type = "jwt"\`: the CLI would send it as a JWT. Set \`type = "api_key"\`.` });
      }
    }
    const expires = fields.get('expires_at');
    if (type !== 'api_key' && expires?.value) {
      const when = new Date(expires.value.trim());
      if (Number.isNaN(when.getTime())) {
        findings.push({ rule: 'schema/invalid-value', ...at(view, `${label}.expires_at`, expires), message: `\`expires_at\` of profile ${name} is not an RFC 3339 date-time such as \`2025-12-29T12:00:00Z\`.` });
      } else if (when.getTime() <= now.getTime()) {
        findings.push({ rule: 'schema/invalid-value', ...at(view, `${label}.expires_at`, expires), severity: 'warning', message: `The JWT of profile ${name} expired on ${when.toISOString().slice(0, 10)}: requests with it get 401. Run \`flovyn auth login${profile === 'default' ? '' : ` --profile ${profile.slice('profiles.'.length)}`}\` again.` });
      }
    }
  }
  return findings;
}

function checks(view: SettingsView): ProductCheckFinding[] {
  if (view.format !== 'toml') return [];
  return [...serverChecks(view), ...credentialChecks(view, new Date())];
}

export const flovyn = defineProduct({
  id: 'flovyn',
  name: 'Flovyn Server',
  version: 'inferred: flovyn/dev@432d5a7bb473f349c655ff1f1220b35fd05ea2ed, sdk-rust@36b0d50bad1e3e6f0f1e92f7ed3321d2442b0e69 (server source not public)',
  source: 'flovyn/dev configs/*.toml and dev.sh; SDK E2E harnesses; docs/guides/20251231_deployment.md',
  detect: { envPrefixes: ['FLOVYN_'], images: ['ghcr.io/flovyn/flovyn-server'], tomlKeys: ['database.url', 'server.http_port', 'server.grpc_port', 'database_url', 'server_port', 'grpc_server_port', 'auth.enabled', 'orgs.slug', 'default.token', 'default.type', 'default.server_url', 'default.org_slug'], paths: ['**/.flovyn/credentials'], nginxBackends: ['flovyn'] },
  envPrefixes: ['FLOVYN_'],
  booleans: CONFIG_CRATE_BOOLEAN,
  unknownTomlKeys: {
    scope: 'all',
    effect: 'ignored',
    reason: 'Flovyn Server ignores TOML keys it does not read (inferred: its source is not public), so a misspelt key silently keeps its default',
  },
  placeholders: ['flovyn_wk_...', 'flovyn_sk_...'],
  checks,
  settings: [...envSettings, ...serverSettings, ...credentialSettings],
});
