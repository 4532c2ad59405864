import { CLAP_BOOLEAN } from './booleans';
import { defineProduct, toml } from './define';
import type { ProductCheckFinding, SettingSpec, SettingsView } from './types';

/*
 * fraiseql-server reads a flat TOML file (`--config` / FRAISEQL_CONFIG, deny_unknown_fields)
 * and clap environment overrides; production is the default unless FRAISEQL_ENV says
 * development. The deployment guide (seed 002) uses env names the code does not read
 * (OAUTH_PROVIDER, JWT_ISSUER, …): they are accepted and their hover says what the server
 * reads instead. Facts from ../shared/products/fraiseql.md. Below: the environment variables,
 * the server TOML's keys (all top-level; `fraiseql.toml`, the compile-time project file with
 * `[database]`/`[server]` tables, is a different file and not described here), and the
 * start-up refusals that depend on several settings.
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


const DENY_UNKNOWN = 'fraiseql-server reads its config with serde `deny_unknown_fields`';

const flag = (key: string, fallback: boolean, description: string, extra: Partial<SettingSpec> = {}): SettingSpec =>
  toml(key, 'boolean', description, { default: String(fallback), ...extra });
const count = (key: string, fallback: string | undefined, description: string, extra: Partial<SettingSpec> = {}): SettingSpec =>
  toml(key, 'integer', description, { min: 0, ...(fallback !== undefined ? { default: fallback } : {}), ...extra });
const route = (key: string, fallback: string): SettingSpec => toml(key, 'string', `URL path of the ${key.replace(/_path$/, '').replace(/_/g, ' ')} endpoint (default \`${fallback}\`).`, { default: fallback });
/** A table whose keys the products file does not enumerate: accepted as written, never unknown. */
const opaque = (key: string, description: string): SettingSpec[] => [
  toml(key, 'table', description),
  toml(`${key}.<key>`, 'any', `${description} Its keys are accepted as written.`, { keyPattern: new RegExp(`^${key}\\.`) }),
];

/**
 * Tables of `fraiseql.toml` (the project file) and grouping tables people expect, which the
 * server config must not have: declared so that one finding per table explains it, instead of
 * an unknown-key finding per key.
 */
const PROJECT_FILE_TABLES = ['server', 'database', 'cors', 'rate_limit', 'cache', 'collation', 'project', 'fraiseql', 'schema', 'security', 'caching'] as const;

const serverTomlSettings: SettingSpec[] = [
  toml('schema_path', 'path', 'Compiled schema (`fraiseql compile` output); a missing file stops the server ("Schema file not found"). FRAISEQL_SCHEMA_PATH overrides it.', { default: 'schema.compiled.json' }),
  flag('validate_sql_sources', false, 'Check at start-up that the SQL sources of the schema exist. FRAISEQL_VALIDATE_SQL_SOURCES overrides it.'),
  toml('database_url', 'url', 'PostgreSQL URL. Only `postgres://` and `postgresql://` are accepted: mysql, sqlite, sqlserver or no scheme stop the server. DATABASE_URL overrides it; keep the password there rather than in this file.', {
    schemes: ['postgres', 'postgresql'],
    default: 'postgresql://localhost/fraiseql',
  }),
  toml('bind_addr', 'socket-address', 'Listen address as IP:port (default `127.0.0.1:8000`, loopback: in a container set `0.0.0.0:8000`). FRAISEQL_BIND_ADDR overrides it.', { default: '127.0.0.1:8000' }),
  toml('flight_bind_addr', 'socket-address', 'Arrow Flight listen address as IP:port (feature `arrow`).', { default: '127.0.0.1:50051' }),
  toml('flight_upload_tables', 'list', 'Tables Arrow Flight clients may upload into (feature `arrow`).', { default: '[]' }),
  flag('cors_enabled', true, 'Answer CORS requests. On by default: in production it then needs `cors_origins`, or the server refuses to start; set `cors_enabled = false` behind a same-origin proxy.'),
  toml('cors_origins', 'list', 'Origins allowed to call the API (`["https://app.example.com"]`). TOML only, no environment variable. Empty with `cors_enabled` in production: the server refuses to start.', {
    default: '[]',
    cors: { list: 'toml-list', wildcardEffect: 'any web site can call the API from a visitor\'s browser' },
  }),
  flag('compression_enabled', false, 'Compress responses.'),
  flag('enable_http_query', false, 'Accept GraphQL queries over HTTP GET.'),
  flag('tracing_enabled', true, 'Emit tracing spans.'),
  toml('otlp_endpoint', 'url', 'OTLP endpoint traces are exported to; OTEL_EXPORTER_OTLP_ENDPOINT is used when unset.', { invalidEffect: 'fails-later' }),
  count('otlp_export_timeout_secs', '10', 'Timeout of an OTLP export, in seconds.'),
  toml('tracing_service_name', 'string', 'Service name of the traces (default `fraiseql`).', { default: 'fraiseql' }),
  flag('apq_enabled', true, 'Automatic persisted queries.'),
  flag('cache_enabled', true, 'Query result cache.'),
  route('graphql_path', '/graphql'),
  route('health_path', '/health'),
  route('readiness_path', '/readiness'),
  route('introspection_path', '/introspection'),
  route('metrics_path', '/metrics'),
  route('metrics_json_path', '/metrics/json'),
  route('playground_path', '/playground'),
  flag('playground_enabled', false, 'Serve the GraphQL playground. In production (FRAISEQL_ENV not `development`/`dev`) the server refuses to start with it on.', {
    production: { value: 'false', reason: 'fraiseql-server refuses to start in production with the playground enabled' },
  }),
  toml('playground_tool', 'enum', 'Playground UI: `graphi-q-l` (GraphiQL) or `apollo-sandbox`, the serde kebab-case names; the doc comment\'s `graphiql` does not parse.', { enum: ['graphi-q-l', 'apollo-sandbox'] }),
  route('subscription_path', '/ws'),
  flag('subscriptions_enabled', true, 'GraphQL subscriptions over WebSocket.'),
  flag('metrics_enabled', false, 'Serve Prometheus metrics; then `metrics_token` (at least 16 characters) is required. FRAISEQL_METRICS_ENABLED overrides it.'),
  toml('metrics_token', 'string', 'Bearer token of the metrics endpoint, at least 16 characters; required when metrics are enabled, or the server refuses to start. FRAISEQL_METRICS_TOKEN overrides it (and keeps it out of this file).', {
    secret: { format: 'hex-32', minLength: 16, weakRefusesStart: true, weakEffect: 'fraiseql-server refuses to start: metrics_token must be at least 16 characters' },
    required: { when: 'metrics_enabled', equals: true },
    requiredReason: 'fraiseql-server refuses to start: metrics_enabled requires metrics_token (or FRAISEQL_METRICS_TOKEN)',
  }),
  flag('admin_api_enabled', false, 'Enable the admin API; then `admin_token` (at least 32 characters) is required. FRAISEQL_ADMIN_API_ENABLED overrides it.'),
  toml('admin_token', 'string', 'Bearer token of the admin API, at least 32 characters; required when the admin API is enabled, or the server refuses to start. FRAISEQL_ADMIN_TOKEN overrides it (and keeps it out of this file).', {
    secret: { format: 'hex-32', minLength: 32, weakRefusesStart: true, weakEffect: 'fraiseql-server refuses to start: admin_token must be at least 32 characters' },
    required: { when: 'admin_api_enabled', equals: true },
    requiredReason: 'fraiseql-server refuses to start: admin_api_enabled requires admin_token (or FRAISEQL_ADMIN_TOKEN)',
  }),
  toml('admin_readonly_token', 'string', 'Read-only admin token, at least 32 characters and different from `admin_token`, or the server refuses to start.', {
    secret: { format: 'hex-32', minLength: 32, weakRefusesStart: true, weakEffect: 'fraiseql-server refuses to start: admin_readonly_token must be at least 32 characters' },
  }),
  flag('introspection_enabled', false, 'GraphQL introspection. FRAISEQL_INTROSPECTION_ENABLED overrides it.'),
  flag('introspection_require_auth', true, 'Require authentication for introspection.'),
  toml('metadata_require_auth', 'boolean', 'Require authentication for metadata endpoints.'),
  toml('schema_export_require_auth', 'boolean', 'Require authentication for schema export.'),
  toml('playground_require_auth', 'boolean', 'Require authentication for the playground.'),
  toml('subscription_require_auth', 'boolean', 'Require authentication for subscriptions.'),
  count('subscription_auth_recheck_secs', '30', 'How often a subscription\'s authentication is re-checked, in seconds.'),
  flag('design_api_require_auth', true, 'Require authentication for the design API.'),
  count('pool_min_size', '5', 'Smallest database pool; at most `pool_max_size`, or the server refuses to start.'),
  count('pool_max_size', '20', 'Largest database pool; at least 1, or the server refuses to start.', { min: 1 }),
  count('pool_timeout_secs', '30', 'Wait for a pooled connection, in seconds; 0 stops the server.', { min: 1 }),
  count('pool_max_streaming_reads', undefined, 'Connections streaming reads may hold.'),
  flag('enable_graphql_incremental', false, 'Incremental delivery (`@defer`/`@stream`) over `text/event-stream`.'),
  count('graphql_incremental_batch_size', undefined, 'Batch size of incremental delivery: only with `enable_graphql_incremental = true`, and not 0, or the server refuses to start.', { min: 1 }),
  toml('read_replica_urls', 'list', 'PostgreSQL read replicas; no empty strings.', { default: '[]' }),
  count('read_replica_pin_after_write_ms', undefined, 'Read from the primary this long after a write (needs `read_replica_urls`).'),
  count('read_replica_max_lag_ms', undefined, 'Largest replica lag tolerated; must exceed the probe interval (needs `read_replica_urls`).'),
  count('read_replica_health_probe_interval_ms', undefined, 'Replica probe interval (default 1000 ms); 0 stops the server (needs `read_replica_urls`).', { min: 1 }),

  toml('auth', 'table', 'OIDC authentication: `issuer` (https) or `jwks_uri`, and `audience`. Cannot be combined with `[auth_hs256]`.'),
  toml('auth.issuer', 'url', 'OIDC issuer: must start with `https://` (or `http://localhost` / `http://127.0.0.1`), or the server refuses to start. If unset, `jwks_uri` is required.', { invalidEffect: 'refuses-start' }),
  toml('auth.audience', 'string', 'Expected `aud` of tokens; required unless `additional_audiences` is non-empty.'),
  toml('auth.additional_audiences', 'list', 'Further accepted audiences.', { default: '[]' }),
  count('auth.jwks_cache_ttl_secs', '300', 'How long the key set is cached, in seconds.'),
  toml('auth.allowed_algorithms', 'list', 'Accepted signing algorithms (default `["RS256"]`); must not be empty.', { default: '["RS256"]' }),
  count('auth.clock_skew_secs', '60', 'Clock skew tolerated, in seconds; capped at 300.', { max: 300, invalidEffect: 'ignored' }),
  toml('auth.jwks_uri', 'url', 'Key set URL; skips OIDC discovery.', { requiresTls: true, invalidEffect: 'refuses-start' }),
  flag('auth.required', true, '`false` lets anonymous requests through.'),
  toml('auth.scope_claim', 'string', 'Claim holding scopes (default `scope`).', { default: 'scope' }),
  flag('auth.require_jti', false, 'Require a `jti` claim.'),
  toml('auth.me', 'table', 'The `/me` endpoint (`enabled`, `expose_claims`).'),
  flag('auth.me.enabled', false, 'Serve `/me`.'),
  toml('auth.me.expose_claims', 'list', 'Claims `/me` returns.', { default: '[]' }),
  ...opaque('auth.social', 'Social login providers (`[auth.social.<provider>]`, `client_secret_env`); they need `[auth_hs256]`.'),
  toml('auth_hs256', 'table', 'HS256 tokens signed with a shared secret: `secret_env`, `issuer`, `audience` (required). Cannot be combined with `[auth]`.'),
  toml('auth_hs256.secret_env', 'string', 'NAME of the environment variable holding the HS256 secret (e.g. `FRAISEQL_HS256_SECRET`), not the secret itself; it must be set and non-empty when the server starts.'),
  toml('auth_hs256.issuer', 'string', 'Expected `iss` of HS256 tokens.'),
  toml('auth_hs256.audience', 'string', 'Expected `aud` of HS256 tokens; required, or the server refuses to start.'),
  ...opaque('saml', 'SAML (feature `auth-saml`); needs `[auth_hs256]` and a database.'),
  ...opaque('scim', 'SCIM provisioning; `enabled = true` needs `admin_token`.'),
  ...opaque('admin_sql', 'Admin SQL console; `enabled = true` needs the `admin-sql` build feature and `admin_api_enabled`.'),
  toml('hmac_secret_env', 'string', 'NAME of the environment variable (e.g. `FRAISEQL_HMAC_SECRET`) holding a stable shared HMAC secret, not the secret itself.'),
  toml('tls', 'table', 'Server-side TLS. fraiseql-server does not terminate TLS: `enabled = true` is refused at start-up; terminate TLS in the reverse proxy.'),
  toml('tls.enabled', 'boolean', 'Server-side TLS termination: always refused at start-up ("not supported … terminate TLS in front of the server"). Required when `[tls]` is present.'),
  toml('tls.cert_path', 'path', 'Certificate file; must exist when `enabled`. Required when `[tls]` is present.'),
  toml('tls.key_path', 'path', 'Private key file; must exist when `enabled`. Required when `[tls]` is present.'),
  toml('tls.require_client_cert', 'boolean', 'Mutual TLS; needs an existing `client_ca_path`.'),
  toml('tls.client_ca_path', 'path', 'CA of client certificates (mutual TLS).'),
  toml('tls.min_version', 'enum', 'Lowest TLS version: `1.2` (default) or `1.3`.', { enum: ['1.2', '1.3'], default: '1.2' }),
  toml('database_tls', 'table', 'TLS to PostgreSQL (`postgres_ssl_mode`, `verify_certificates`, `ca_bundle_path`).'),
  toml('database_tls.postgres_ssl_mode', 'enum', 'libpq SSL mode: `disable`, `prefer`, `require` or `verify-full` (`allow` and `verify-ca` are refused).', { enum: ['disable', 'prefer', 'require', 'verify-full'] }),
  flag('database_tls.verify_certificates', true, 'Verify the database certificate; `false` with `verify-full` is refused.'),
  toml('database_tls.ca_bundle_path', 'path', 'CA bundle of the database certificate; must exist.'),
  ...['redis_ssl', 'clickhouse_https', 'elasticsearch_https'].map((key) =>
    toml(`database_tls.${key}`, 'boolean', `Removed: \`database_tls.${key}\` is no longer read and now stops the server (its doc example still shows it).`),
  ),
  flag('require_json_content_type', true, 'Refuse POST bodies that are not `application/json`.'),
  count('max_request_body_bytes', '1048576', 'Largest request body, in bytes.'),
  count('max_header_count', '100', 'Most request headers.'),
  count('max_header_bytes', '32768', 'Largest request headers, in bytes.'),
  count('request_timeout_secs', undefined, 'Request timeout, in seconds.'),
  count('max_get_query_bytes', '100000', 'Largest GET query, in bytes.'),
  toml('rate_limiting', 'table', 'Rate limiting (`enabled`, `rps_per_ip`, `rps_per_user`, `burst_size`, `cleanup_interval_secs`, `trust_proxy_headers`, `trusted_proxy_cidrs`, `max_buckets`).'),
  toml('rate_limiting.enabled', 'boolean', 'Turn rate limiting on. FRAISEQL_RATE_LIMITING_ENABLED overrides it.'),
  count('rate_limiting.rps_per_ip', undefined, 'Requests per second per client IP; 0 with rate limiting on stops the server.'),
  count('rate_limiting.rps_per_user', undefined, 'Requests per second per user; below `rps_per_ip` the server warns.'),
  count('rate_limiting.burst_size', undefined, 'Burst allowance; 0 with rate limiting on stops the server.'),
  count('rate_limiting.cleanup_interval_secs', undefined, 'How often idle buckets are dropped, in seconds.'),
  toml('rate_limiting.trust_proxy_headers', 'boolean', 'Take client IPs from `X-Forwarded-For`; in production it needs `trusted_proxy_cidrs`, or the server refuses to start.'),
  toml('rate_limiting.trusted_proxy_cidrs', 'list', 'Proxies whose forwarding headers are trusted (CIDRs).'),
  count('rate_limiting.max_buckets', undefined, 'Most rate-limit buckets kept.'),
  ...opaque('observers', 'Observers (feature `observers`); the pre-v2.5 flat runtime keys moved to `[observers.runtime]` and now stop the server.'),
  ...opaque('sources', 'Data sources (feature `sources`).'),
  ...opaque('pool_tuning', 'Pool pressure monitor.'),
  ...opaque('admission_control', 'Admission control.'),
  toml('security_contact', 'string', 'Security contact published by the server.'),
  ...opaque('validation', 'Query validation limits.'),
  count('admin_auth_max_failures', '10', 'Failed admin authentications before lock-out.'),
  toml('storage_token', 'string', 'Token of the storage API.', { secret: { format: 'token-urlsafe-32', minLength: 32 } }),
  count('shutdown_timeout_secs', '30', 'Graceful shutdown timeout, in seconds. FRAISEQL_SHUTDOWN_TIMEOUT_SECS overrides it.'),
  ...opaque('usage', 'Usage persistence.'),
  ...opaque('storage', 'Storage sections by name.'),
  ...opaque('files', 'File sections: parsed but ignored, with a warning.'),
  ...opaque('webhooks', 'Inbound webhook routes (feature `inbound`).'),
  ...opaque('mailbox', 'Inbound mailboxes (feature `inbound-email`).'),
  ...opaque('send', 'Outbound email settings (feature `inbound-email`).'),
  ...opaque('tenancy', 'Multi-tenancy.'),
  ...opaque('export', 'REST export (feature `rest`).'),
  ...opaque('identity', 'Identity (feature `auth`).'),
  toml('session_state', 'table', 'Session state (feature `auth`): `backend` is `memory` or `postgres`.'),
  toml('session_state.backend', 'enum', 'Where session state lives: `memory` or `postgres`; anything else stops the server.', { enum: ['memory', 'postgres'] }),
  toml('session_state.<key>', 'any', 'Session state setting.', { keyPattern: /^session_state\.(?!backend$)/ }),
  ...opaque('async_operations', 'Async operations; need a database pool.'),
  ...opaque('cdc_outbound', 'Outbound change data capture (feature `cdc-outbound`).'),
  ...PROJECT_FILE_TABLES.flatMap((table) =>
    opaque(table, `Not a server setting: \`[${table}]\` belongs to \`fraiseql.toml\`, the project file \`fraiseql compile\` reads. ${DENY_UNKNOWN}, so in the server config it stops the server.`),
  ),
];


function isProduction(view: SettingsView): boolean {
  return view.mode === 'production' && !/^(development|dev)$/i.test((view.get('FRAISEQL_ENV')?.value ?? '').trim());
}

/** `fraiseql-server`'s `validate()` and serve-time refusals that need more than one setting (products file §"start-up validation"). */
function serverTomlChecks(view: SettingsView): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const refuse = (key: string | undefined, message: string, extra: Partial<ProductCheckFinding> = {}) =>
    findings.push({ rule: 'schema/invalid-value', ...(key !== undefined ? { key } : {}), message: `${message}; fraiseql-server refuses to start.`, ...extra });
  const has = (key: string) => view.get(key) !== undefined;
  const text = (key: string) => view.get(key)?.value?.trim() ?? '';
  const list = (key: string) => {
    const typed = view.get(key)?.typedValue;
    return Array.isArray(typed) ? typed : undefined;
  };
  const number = (key: string) => {
    const typed = view.get(key)?.typedValue;
    return typeof typed === 'number' ? typed : undefined;
  };
  const production = isProduction(view);
  const keys = view.keys();
  const inTable = (table: string) => keys.some((key) => key === table || key.startsWith(`${table}.`));

  if (production && view.bool('cors_enabled') !== false && (list('cors_origins')?.length ?? 0) === 0) {
    const anchor = ['cors_origins', 'cors_enabled'].find(has);
    findings.push({
      rule: 'schema/missing-required',
      ...(anchor !== undefined ? { key: anchor } : {}),
      message: 'CORS is enabled (the default) with no `cors_origins`: fraiseql-server refuses to start in production. List the origins (`cors_origins = ["https://app.example.com"]`) or set `cors_enabled = false`.',
    });
  }
  if (view.bool('tls.enabled') === true) {
    refuse('tls.enabled', 'Server-side TLS termination is not supported (`[tls] enabled = true`): terminate TLS in the reverse proxy in front of the server');
  }
  if (inTable('tls')) {
    for (const key of ['tls.enabled', 'tls.cert_path', 'tls.key_path']) {
      if (!has(key)) findings.push({ rule: 'schema/missing-required', key: keys.find((candidate) => candidate.startsWith('tls.')) ?? 'tls', message: `\`[tls]\` has no \`${key.slice(4)}\`, which has no default: the config does not load and fraiseql-server refuses to start.` });
    }
  }
  const adminToken = text('admin_token');
  const readonlyToken = text('admin_readonly_token');
  if (adminToken !== '' && readonlyToken === adminToken) refuse('admin_readonly_token', '`admin_readonly_token` is the same as `admin_token`', { rule: 'schema/conflict' });
  if (has('graphql_incremental_batch_size') && view.bool('enable_graphql_incremental') !== true) {
    refuse('graphql_incremental_batch_size', '`graphql_incremental_batch_size` is set but `enable_graphql_incremental` is not true', { rule: 'schema/conflict' });
  }
  const replicas = list('read_replica_urls') ?? [];
  if (replicas.some((url) => typeof url !== 'string' || url.trim() === '')) refuse('read_replica_urls', '`read_replica_urls` has an empty URL');
  for (const key of ['read_replica_pin_after_write_ms', 'read_replica_max_lag_ms', 'read_replica_health_probe_interval_ms']) {
    if (has(key) && replicas.length === 0) refuse(key, `\`${key}\` is set without \`read_replica_urls\``, { rule: 'schema/conflict' });
  }
  const lag = number('read_replica_max_lag_ms');
  const probe = number('read_replica_health_probe_interval_ms') ?? 1000;
  if (lag !== undefined && replicas.length > 0 && lag <= probe) refuse('read_replica_max_lag_ms', `\`read_replica_max_lag_ms\` (${lag}) must be greater than the probe interval (${probe} ms)`, { rule: 'schema/conflict' });
  const poolMin = number('pool_min_size') ?? 5;
  const poolMax = number('pool_max_size') ?? 20;
  if (poolMin > poolMax) refuse(has('pool_min_size') ? 'pool_min_size' : 'pool_max_size', `\`pool_min_size\` (${poolMin}) is larger than \`pool_max_size\` (${poolMax})`, { rule: 'schema/conflict' });

  const oidc = keys.some((key) => key === 'auth' || key.startsWith('auth.'));
  if (oidc && inTable('auth_hs256')) refuse(keys.find((key) => key.startsWith('auth_hs256')), '`[auth]` and `[auth_hs256]` are both set, and only one may be', { rule: 'schema/conflict', at: 'key' });
  const issuer = text('auth.issuer');
  if (issuer !== '' && !/^https:\/\//i.test(issuer) && !/^http:\/\/(localhost|127\.0\.0\.1)([:/]|$)/i.test(issuer)) {
    refuse('auth.issuer', '`[auth] issuer` must use https (only `http://localhost` and `http://127.0.0.1` may use http)');
  }
  if (oidc && issuer === '' && text('auth.jwks_uri') === '' && keys.some((key) => /^auth\.(?!social|me)/.test(key))) {
    findings.push({ rule: 'schema/missing-required', key: keys.find((key) => key.startsWith('auth.')), message: '`[auth]` has neither `issuer` nor `jwks_uri`: fraiseql-server refuses to start without one of them.' });
  }
  if (oidc && text('auth.audience') === '' && (list('auth.additional_audiences')?.length ?? 0) === 0 && keys.some((key) => /^auth\.(?!social|me)/.test(key))) {
    findings.push({ rule: 'schema/missing-required', key: keys.find((key) => key.startsWith('auth.')), message: '`[auth]` has no `audience` (and no `additional_audiences`): fraiseql-server refuses to start without one.' });
  }
  if (has('auth.allowed_algorithms') && list('auth.allowed_algorithms')?.length === 0) refuse('auth.allowed_algorithms', '`[auth] allowed_algorithms` is empty');
  if (inTable('auth_hs256')) {
    if (!has('auth_hs256.secret_env') || text('auth_hs256.secret_env') === '') {
      findings.push({ rule: 'schema/missing-required', key: keys.find((key) => key.startsWith('auth_hs256')), message: '`[auth_hs256]` has no `secret_env` (the NAME of the variable holding the secret): fraiseql-server refuses to start.' });
    }
    if (text('auth_hs256.audience') === '') {
      findings.push({ rule: 'schema/missing-required', key: keys.find((key) => key.startsWith('auth_hs256')), message: '`[auth_hs256]` has no `audience`: fraiseql-server refuses to start (the HS256 audience is required).' });
    }
  }
  if (inTable('saml') && !inTable('auth_hs256')) refuse(keys.find((key) => key.startsWith('saml')), '`[saml]` needs `[auth_hs256]`', { rule: 'schema/conflict', at: 'key' });
  if (inTable('auth.social') && !inTable('auth_hs256')) refuse(keys.find((key) => key.startsWith('auth.social')), '`[auth.social]` needs `[auth_hs256]`', { rule: 'schema/conflict', at: 'key' });
  if (view.get('scim.enabled')?.typedValue === true && adminToken === '') refuse('scim.enabled', '`[scim] enabled = true` needs `admin_token`', { rule: 'schema/conflict' });
  if (view.get('admin_sql.enabled')?.typedValue === true && view.bool('admin_api_enabled') !== true) {
    refuse('admin_sql.enabled', '`[admin_sql] enabled = true` needs `admin_api_enabled = true`', { rule: 'schema/conflict' });
  }
  const sslMode = text('database_tls.postgres_ssl_mode');
  if (sslMode === 'verify-full' && view.bool('database_tls.verify_certificates') === false) {
    refuse('database_tls.verify_certificates', '`verify_certificates = false` contradicts `postgres_ssl_mode = "verify-full"`', { rule: 'schema/conflict' });
  }
  for (const removed of ['redis_ssl', 'clickhouse_https', 'elasticsearch_https']) {
    if (has(`database_tls.${removed}`)) refuse(`database_tls.${removed}`, `\`database_tls.${removed}\` was removed`, { at: 'key' });
  }
  if (view.bool('rate_limiting.enabled') === true) {
    for (const key of ['rate_limiting.rps_per_ip', 'rate_limiting.burst_size']) {
      if (number(key) === 0) refuse(key, `Rate limiting is on with \`${key.slice('rate_limiting.'.length)} = 0\` (a zero budget)`);
    }
    const perIp = number('rate_limiting.rps_per_ip');
    const perUser = number('rate_limiting.rps_per_user');
    if (perIp !== undefined && perUser !== undefined && perIp > perUser) {
      findings.push({ rule: 'schema/conflict', key: 'rate_limiting.rps_per_user', severity: 'warning', message: `\`rps_per_user\` (${perUser}) is below \`rps_per_ip\` (${perIp}): a signed-in user gets less than an anonymous IP; fraiseql-server warns about it.` });
    }
  }
  if (production && view.get('rate_limiting.trust_proxy_headers')?.typedValue === true && (list('rate_limiting.trusted_proxy_cidrs')?.length ?? 0) === 0) {
    refuse('rate_limiting.trust_proxy_headers', 'In production, `trust_proxy_headers = true` needs `trusted_proxy_cidrs` (anyone could forge `X-Forwarded-For`)', { rule: 'schema/conflict' });
  }
  for (const table of PROJECT_FILE_TABLES) {
    const first = keys.find((key) => key === table || key.startsWith(`${table}.`));
    if (first === undefined) continue;
    findings.push({
      rule: 'schema/invalid-value',
      key: first,
      at: 'key',
      message: `\`[${table}]\` is a table of \`fraiseql.toml\` (the project file), not of the server config, whose keys are all top-level: ${DENY_UNKNOWN}, so the server refuses to start. Write the server's keys at the top level (\`database_url\`, \`bind_addr\`, \`cors_origins\`, …).`,
    });
  }
  return findings;
}

/** Production refusals that depend on more than one setting. */
function checks(view: SettingsView): ProductCheckFinding[] {
  if (view.format === 'toml') return serverTomlChecks(view);
  const findings: ProductCheckFinding[] = [];
  const production = !/^(development|dev)$/i.test((view.get('FRAISEQL_ENV')?.value ?? '').trim());
  if (view.mode === 'production' && production && view.get('VAULT_TLS_VERIFY')?.value?.trim() === 'false') {
    findings.push({ rule: 'schema/invalid-value', key: 'VAULT_TLS_VERIFY', message: 'fraiseql-server refuses to start in production with VAULT_TLS_VERIFY=false: Vault TLS verification cannot be disabled there.' });
  }
  // main.rs:427-437: the vault backend needs a token, or an AppRole (role id and secret id).
  const set = (key: string) => (view.get(key)?.value ?? '').trim() !== '';
  if (view.get('FRAISEQL_SECRETS_BACKEND')?.value?.trim() === 'vault' && !set('VAULT_TOKEN') && !(set('VAULT_ROLE_ID') && set('VAULT_SECRET_ID'))) {
    findings.push({
      rule: 'schema/missing-required',
      key: 'FRAISEQL_SECRETS_BACKEND',
      message: 'fraiseql-server refuses to start with the vault secrets backend and no Vault credentials: set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID.',
    });
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
    nginxBackends: ['fraiseql'],
    signatureKeys: ['OAUTH_PROVIDER', 'OAUTH_REDIRECT_URI', 'JWT_ISSUER', 'JWT_ALGORITHM', 'DATABASE_POOL_SIZE', 'DATABASE_MAX_LIFETIME', 'SESSION_TIMEOUT_MINUTES', 'TLS_CERT_PATH'],
    minSignatureKeys: 3,
    // Three of these (minSignatureKeys) identify a server config; Flovyn shares only `database_url`.
    tomlKeys: [
      'database_url', 'bind_addr', 'schema_path', 'cors_enabled', 'cors_origins', 'playground_enabled', 'introspection_enabled', 'admin_api_enabled',
      'metrics_enabled', 'pool_min_size', 'pool_max_size', 'subscriptions_enabled', 'graphql_path', 'auth.issuer', 'auth.audience', 'auth_hs256.secret_env',
      'rate_limiting.enabled', 'database_tls.postgres_ssl_mode',
    ],
  },
  envPrefixes: ['FRAISEQL_'],
  // The guide's nginx (docs: authentication deployment) sends HSTS from its TLS server, beside the port-80 redirect.
  nginx: { requiresHsts: true },
  booleans: CLAP_BOOLEAN,
  unknownKeys: {
    scope: 'prefixed',
    effect: 'ignored',
    reason: 'fraiseql-server reads its variables by name; a misspelt FRAISEQL_ variable is silently ignored.',
  },
  unknownTomlKeys: {
    scope: 'all',
    effect: 'refuses-start',
    reason: `${DENY_UNKNOWN}: an unknown key, or a section compiled out of this build, stops the server at start-up`,
  },
  placeholders: ['<prod-secret>', '<secret>', '<prod-client-id>', 'strong_password', 'strong_password_here'],
  checks,
  settings: [...envSettings, ...serverTomlSettings],
});
