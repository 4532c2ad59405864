import { PYDANTIC_BOOLEAN } from './booleans';
import { defineProduct } from './define';
import type { ProductCheckFinding, SettingSpec, SettingsView } from './types';

/*
 * Firefly Desk reads one pydantic-settings class, `DeskConfig` (env prefix `FLYDESK_`,
 * `extra="forbid"`, case-insensitive), plus six `FLYDESK_DEV_USER_*` variables straight from
 * the process environment. Facts from ../shared/products/firefly-desk.md (config.py line
 * numbers at the pinned commit) and the deployment guide (seed 000).
 */

const PRODUCTION_OIDC = { mode: 'production', when: 'FLYDESK_DEV_MODE', equals: false } as const;

const integer = (key: string, fallback: string, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({
  key,
  type: 'integer',
  default: fallback,
  description,
  ...extra,
});
const float = (key: string, fallback: string, description: string): SettingSpec => ({ key, type: 'number', default: fallback, description });
const flag = (key: string, fallback: string, description: string): SettingSpec => ({ key, type: 'boolean', default: fallback, description });
const text = (key: string, fallback: string | undefined, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({
  key,
  type: 'string',
  ...(fallback !== undefined ? { default: fallback } : {}),
  description,
  ...extra,
});
const devUser = (key: string, fallback: string | undefined, description: string): SettingSpec => ({
  key,
  type: key.endsWith('EMAIL') ? 'email' : 'string',
  ...(fallback !== undefined ? { default: fallback } : {}),
  description: `${description} Development mode only; read by auth/dev.py from the process environment, not by DeskConfig.`,
  notInDotenv:
    'Firefly Desk reads it from the process environment only (auth/dev.py); DeskConfig forbids extra keys, so in the .env it reads this line makes start-up fail (extra_forbidden). Set it as a real environment variable.',
});

const settings: SettingSpec[] = [
  {
    key: 'FLYDESK_DEV_MODE',
    type: 'boolean',
    default: 'true',
    description:
      'Development mode: authentication is bypassed with a synthetic admin user. Production needs `false` on the backend and on the frontend service (the SvelteKit frontend reads the same variable, and only a case-insensitive `true` means dev there).',
    production: { value: 'false', reason: 'development mode disables authentication (a synthetic admin user signs every request in)', reportMissing: true },
  },
  {
    key: 'FLYDESK_DATABASE_URL',
    type: 'url',
    default: 'sqlite+aiosqlite:///flydesk_dev.db',
    schemes: ['postgresql+asyncpg', 'sqlite+aiosqlite'],
    description:
      'SQLAlchemy async database URL. Production uses PostgreSQL with pgvector through the asyncpg driver (`postgresql+asyncpg://user:password@host:5432/flydesk`); a sync driver fails in `create_async_engine` at start-up.',
    required: 'production',
    requiredReason: 'production needs PostgreSQL with pgvector; without it Firefly Desk uses a local SQLite file',
  },
  {
    key: 'FLYDESK_REDIS_URL',
    type: 'url',
    schemes: ['redis', 'rediss', 'unix'],
    description:
      'Redis URL (`redis://[:password@]host:6379/0`) for rate limiting, session caching and the indexing queue across workers. Required when `FLYDESK_QUEUE_BACKEND=redis`; empty means no Redis.',
    required: { when: 'FLYDESK_QUEUE_BACKEND', equals: 'redis' },
    requiredReason: "Firefly Desk refuses to start: redis_url is required for the 'redis' queue backend",
  },
  {
    key: 'FLYDESK_OIDC_ISSUER_URL',
    type: 'url',
    default: '',
    requiresTls: true,
    invalidEffect: 'fails-later',
    description: 'The identity provider\'s issuer URL (`https://keycloak.example.com/realms/operations`). Required by the guide when dev mode is off: without it no OIDC client is created and nobody can sign in.',
    required: PRODUCTION_OIDC,
    requiredReason: 'with dev mode off, sign-in needs an OIDC provider',
  },
  text('FLYDESK_OIDC_CLIENT_ID', '', 'The OIDC client id registered at the identity provider.', { required: PRODUCTION_OIDC, requiredReason: 'with dev mode off, sign-in needs an OIDC provider' }),
  {
    key: 'FLYDESK_OIDC_CLIENT_SECRET',
    type: 'string',
    default: '',
    description: 'The OIDC client secret issued by the identity provider for this client.',
    secret: { format: 'token-urlsafe-32', issuedBy: 'the identity provider' },
    required: PRODUCTION_OIDC,
    requiredReason: 'with dev mode off, sign-in needs an OIDC provider',
    placeholders: ['your-client-secret', 'your-client-secret-here'],
  },
  {
    key: 'FLYDESK_OIDC_SCOPES',
    type: 'json-list',
    default: '["openid", "profile", "email", "roles"]',
    description: 'OIDC scopes to request, as a JSON list (`["openid","email"]`). pydantic-settings parses list fields as JSON: any other form stops start-up.',
  },
  {
    key: 'FLYDESK_OIDC_REDIRECT_URI',
    type: 'url',
    default: 'http://localhost:3000/auth/callback',
    requiresTls: true,
    invalidEffect: 'fails-later',
    description: 'The OAuth callback URL registered at the identity provider; in production your https site (`https://desk.example.com/auth/callback`).',
    required: PRODUCTION_OIDC,
    requiredReason: 'the default points at http://localhost:3000',
  },
  text('FLYDESK_OIDC_ROLES_CLAIM', 'roles', 'Dotted path of the token claim that holds the user\'s roles.'),
  text('FLYDESK_OIDC_PERMISSIONS_CLAIM', 'permissions', 'Dotted path of the token claim that holds the user\'s permissions.'),
  {
    key: 'FLYDESK_OIDC_PROVIDER_TYPE',
    type: 'enum',
    enum: ['keycloak', 'google', 'microsoft', 'auth0', 'cognito', 'okta'],
    default: 'keycloak',
    description: 'Which built-in claim mapping to use. In production with an issuer set, an unknown value raises `KeyError: Unknown OIDC provider type` in create_app and start-up fails.',
  },
  text('FLYDESK_OIDC_TENANT_ID', '', 'Microsoft Entra ID tenant id; the guide requires it when the provider type is `microsoft`.', {
    required: { mode: 'production', when: 'FLYDESK_OIDC_PROVIDER_TYPE', equals: 'microsoft' },
    requiredReason: 'the guide requires the tenant id for Microsoft Entra ID',
    unused: 'declared in config.py but not read by the code at the pinned commit',
  }),
  {
    key: 'FLYDESK_CORS_ORIGINS',
    type: 'json-list',
    default: '["http://localhost:3000", "http://localhost:5173"]',
    cors: { list: 'json-list' },
    description:
      'Origins allowed to call the API, as a JSON list (`["https://desk.example.com"]`). The guide shows a comma-separated form, but pydantic-settings parses list fields as JSON and Firefly Desk refuses to start on anything else.',
    required: 'production',
    requiredReason: 'the default allows only localhost origins',
  },
  text('FLYDESK_AGENT_NAME', 'Ember', 'The assistant\'s display name.'),
  text('FLYDESK_COMPANY_NAME', '', 'Company name used in prompts and the UI.'),
  text('FLYDESK_AGENT_INSTRUCTIONS', undefined, 'Extra instructions for the agent.', { unused: 'declared but unused: customisation is stored in the database' }),
  integer('FLYDESK_MAX_TURNS_PER_CONVERSATION', '200', 'Maximum turns per conversation (the runtime setting in the database takes precedence).'),
  integer('FLYDESK_MAX_TOOLS_PER_TURN', '10', 'Maximum tool calls the agent may make in one turn.'),
  { key: 'FLYDESK_LLM_FALLBACK_MODELS', type: 'json-object', default: '{}', description: 'Fallback models per model, as a JSON object (`{"openai:gpt-4o": ["openai:gpt-4o-mini"]}`); any other form stops start-up.' },
  { key: 'FLYDESK_MEMORY_BACKEND', type: 'enum', enum: ['in_memory', 'postgres'], default: 'in_memory', description: 'Where conversation memory is kept. `postgres` with a SQLite database URL falls back to in-memory with a warning.' },
  integer('FLYDESK_MEMORY_MAX_TOKENS', '128000', 'Token budget of conversation memory.'),
  integer('FLYDESK_MEMORY_SUMMARIZE_THRESHOLD', '10', 'Turns after which memory is summarised.'),
  { key: 'FLYDESK_QUEUE_BACKEND', type: 'enum', enum: ['memory', 'redis'], default: 'memory', description: 'The indexing task queue. `redis` distributes indexing across workers and requires `FLYDESK_REDIS_URL`.' },
  integer('FLYDESK_JOB_TIMEOUT_SECONDS', '3600', 'Timeout of background jobs, in seconds.'),
  integer('FLYDESK_MAX_KNOWLEDGE_TOKENS', '4000', 'Deprecated knowledge token budget.', { unused: 'deprecated and unused' }),
  {
    key: 'FLYDESK_EMBEDDING_MODEL',
    type: 'string',
    default: 'openai:text-embedding-3-small',
    pattern: { regex: /^[A-Za-z0-9_-]+:.+$/, description: '`provider:model`, e.g. `openai:text-embedding-3-small`' },
    description:
      'Embedding model as `provider:model` (provider one of openai, azure, bedrock, cohere, google, mistral, ollama, voyage). An empty value or one without `:` raises ConfigurationError at start-up; an unknown provider disables embeddings with a warning.',
  },
  integer('FLYDESK_EMBEDDING_DIMENSIONS', '1536', 'Dimensions of the embedding vectors.'),
  { key: 'FLYDESK_EMBEDDING_API_KEY', type: 'string', default: '', description: 'API key of the embedding provider.', secret: { format: 'token-urlsafe-32', issuedBy: 'the embedding provider' } },
  { key: 'FLYDESK_EMBEDDING_BASE_URL', type: 'url', default: '', invalidEffect: 'fails-later', description: 'Base URL of a self-hosted or proxied embedding API.' },
  integer('FLYDESK_RAG_TOP_K', '5', 'Knowledge chunks retrieved per question (the docs say 3; the code default is 5).'),
  integer('FLYDESK_KG_MAX_ENTITIES_IN_CONTEXT', '5', 'Knowledge-graph entities added to the context.'),
  integer('FLYDESK_CHUNK_SIZE', '500', 'Size of knowledge chunks, in tokens.'),
  integer('FLYDESK_CHUNK_OVERLAP', '50', 'Overlap between knowledge chunks, in tokens.'),
  { key: 'FLYDESK_CHUNKING_MODE', type: 'enum', enum: ['fixed', 'structural', 'auto'], default: 'auto', description: 'How documents are split into chunks.' },
  flag('FLYDESK_AUTO_KG_EXTRACT', 'true', 'Extract knowledge-graph entities when documents are indexed.'),
  { key: 'FLYDESK_VECTOR_STORE', type: 'enum', enum: ['pgvector', 'chromadb', 'pinecone', 'sqlite', 'memory'], default: 'sqlite', description: 'Where embeddings are stored; production uses `pgvector` in the PostgreSQL database.' },
  text('FLYDESK_CHROMA_PATH', '', 'ChromaDB storage path.', { unused: 'not used by the vector store factory' }),
  { key: 'FLYDESK_CHROMA_URL', type: 'string', default: '', description: 'ChromaDB server URL.', unused: 'not used by the vector store factory' },
  { key: 'FLYDESK_PINECONE_API_KEY', type: 'string', default: '', description: 'Pinecone API key.', secret: { format: 'token-urlsafe-32', issuedBy: 'Pinecone' } },
  text('FLYDESK_PINECONE_INDEX_NAME', '', 'Pinecone index name.'),
  text('FLYDESK_PINECONE_ENVIRONMENT', '', 'Pinecone environment.', { unused: 'not used by the vector store factory' }),
  {
    key: 'FLYDESK_CREDENTIAL_ENCRYPTION_KEY',
    type: 'string',
    default: '',
    description:
      'Fernet key that encrypts stored credentials, API keys and OIDC secrets: URL-safe base64 of 32 bytes, 44 characters ending in `=`. `secrets.token_urlsafe(32)`, which the guide suggests, gives 43 characters that Fernet always rejects. Back it up apart from the database.',
    secret: {
      format: 'fernet',
      fernet: true,
      weakEffect: 'Firefly Desk logs a warning and silently encrypts with its hard-coded, publicly known development key (security/kms.py)',
    },
    required: 'production',
    requiredReason: 'without it credentials are encrypted with the publicly known development key',
    placeholders: ['change-me-generate-a-real-key!!', 'your-generated-256-bit-key'],
  },
  { key: 'FLYDESK_KMS_PROVIDER', type: 'enum', enum: ['fernet', 'aws', 'gcp', 'azure', 'vault', 'noop'], default: 'fernet', description: 'Key management for credential encryption. Each cloud provider needs its own settings, or start-up fails.' },
  text('FLYDESK_AWS_KMS_KEY_ARN', '', 'AWS KMS key ARN, required when `FLYDESK_KMS_PROVIDER=aws`.', {
    pattern: { regex: /^arn:aws[a-z-]*:kms:/, description: 'an AWS KMS key ARN (`arn:aws:kms:…`)' },
    required: { when: 'FLYDESK_KMS_PROVIDER', equals: 'aws' },
    requiredReason: 'Firefly Desk refuses to start: FLYDESK_AWS_KMS_KEY_ARN must be set when kms_provider=aws',
  }),
  text('FLYDESK_AWS_KMS_REGION', '', 'AWS region of the KMS key.'),
  text('FLYDESK_GCP_KMS_KEY_NAME', '', 'GCP KMS key name (`projects/…/cryptoKeys/…`), required when `FLYDESK_KMS_PROVIDER=gcp`.', {
    required: { when: 'FLYDESK_KMS_PROVIDER', equals: 'gcp' },
    requiredReason: 'Firefly Desk refuses to start without it when kms_provider=gcp',
  }),
  {
    key: 'FLYDESK_AZURE_VAULT_URL',
    type: 'url',
    default: '',
    description: 'Azure Key Vault URL, required when `FLYDESK_KMS_PROVIDER=azure`.',
    required: { when: 'FLYDESK_KMS_PROVIDER', equals: 'azure' },
    requiredReason: 'Firefly Desk refuses to start without it when kms_provider=azure',
  },
  text('FLYDESK_AZURE_KEY_NAME', '', 'Azure Key Vault key name, required when `FLYDESK_KMS_PROVIDER=azure`.', {
    required: { when: 'FLYDESK_KMS_PROVIDER', equals: 'azure' },
    requiredReason: 'Firefly Desk refuses to start without it when kms_provider=azure',
  }),
  {
    key: 'FLYDESK_VAULT_URL',
    type: 'url',
    default: '',
    description: 'HashiCorp Vault URL, required when `FLYDESK_KMS_PROVIDER=vault`.',
    required: { when: 'FLYDESK_KMS_PROVIDER', equals: 'vault' },
    requiredReason: 'Firefly Desk refuses to start without it when kms_provider=vault',
  },
  {
    key: 'FLYDESK_VAULT_TOKEN',
    type: 'string',
    default: '',
    description: 'HashiCorp Vault token, required when `FLYDESK_KMS_PROVIDER=vault`.',
    secret: { format: 'token-urlsafe-32', issuedBy: 'Vault' },
    required: { when: 'FLYDESK_KMS_PROVIDER', equals: 'vault' },
    requiredReason: 'Firefly Desk refuses to start without it when kms_provider=vault',
  },
  text('FLYDESK_VAULT_TRANSIT_KEY', 'flydesk', 'Vault transit key name.'),
  text('FLYDESK_VAULT_MOUNT_POINT', 'transit', 'Vault transit mount point.'),
  {
    key: 'FLYDESK_JWT_SECRET_KEY',
    type: 'string',
    default: '',
    description:
      'Secret that signs session tokens. When empty each process makes its own random secret: tokens break after a restart and across `--workers N` or replicas.',
    secret: { format: 'token-urlsafe-32', minLength: 32, weakEffect: 'short secrets make session tokens guessable' },
    required: 'production',
    requiredReason: 'without it every restart and every worker signs sessions with a different random secret',
  },
  integer('FLYDESK_AUDIT_RETENTION_DAYS', '365', 'Days audit records are kept.', { unused: 'declared but never read by the code at the pinned commit' }),
  integer('FLYDESK_RATE_LIMIT_PER_USER', '60', 'Requests per minute per user.', { unused: 'declared but never read by the code at the pinned commit' }),
  text('FLYDESK_GITHUB_CLIENT_ID', '', 'GitHub OAuth app client id (repository indexing).'),
  { key: 'FLYDESK_GITHUB_CLIENT_SECRET', type: 'string', default: '', description: 'GitHub OAuth app client secret.', secret: { format: 'hex-32', issuedBy: 'GitHub' } },
  flag('FLYDESK_AUTO_ANALYZE', 'false', 'Analyse new systems automatically.'),
  { key: 'FLYDESK_DOCS_PATH', type: 'path', default: 'docs', description: 'Folder of documentation indexed at start-up.' },
  flag('FLYDESK_DOCS_AUTO_INDEX', 'true', 'Index `FLYDESK_DOCS_PATH` at start-up.'),
  {
    key: 'FLYDESK_FILE_STORAGE_PATH',
    type: 'path',
    default: './uploads',
    absolutePath: 'production',
    invalidEffect: 'against-guide',
    description: 'Where uploaded files are stored. The guide requires an absolute path in production, and it must match the uploads volume mount (`/data/uploads`).',
  },
  integer('FLYDESK_FILE_MAX_SIZE_MB', '50', 'Largest upload, in megabytes (a plain integer: `50`, not `50MB`).'),
  float('FLYDESK_DAILY_BUDGET_LIMIT', '0.0', 'Daily LLM spend limit; 0 means no limit.'),
  float('FLYDESK_BUDGET_ALERT_WARNING', '0.8', 'Fraction of the budget that raises a warning.'),
  float('FLYDESK_BUDGET_ALERT_CRITICAL', '0.95', 'Fraction of the budget that raises a critical alert.'),
  flag('FLYDESK_COST_GUARD_ENABLED', 'false', 'Enforce per-message and per-day cost limits.'),
  float('FLYDESK_COST_GUARD_MAX_PER_MESSAGE', '1.0', 'Largest cost of one message.'),
  float('FLYDESK_COST_GUARD_MAX_PER_DAY', '50.0', 'Largest cost per day.'),
  flag('FLYDESK_PROMPT_CACHE_ENABLED', 'true', 'Cache prompts.'),
  integer('FLYDESK_PROMPT_CACHE_TTL', '300', 'Prompt cache lifetime, in seconds.'),
  flag('FLYDESK_CIRCUIT_BREAKER_ENABLED', 'false', 'Stop calling failing tools for a while.'),
  integer('FLYDESK_CIRCUIT_BREAKER_FAILURE_THRESHOLD', '5', 'Failures before the circuit opens.'),
  integer('FLYDESK_CIRCUIT_BREAKER_RECOVERY_TIMEOUT', '60', 'Seconds before a half-open retry.'),
  text('FLYDESK_APP_TITLE', 'Firefly Desk', 'Title shown in the UI.'),
  { key: 'FLYDESK_APP_LOGO_URL', type: 'url', invalidEffect: 'ignored', description: 'URL of the logo shown in the UI.', unused: 'declared but unused' },
  text('FLYDESK_ACCENT_COLOR', undefined, 'UI accent colour (`#2563EB`; quote it in a .env, where an unquoted `#` starts a comment).'),
  { key: 'FLYDESK_SLACK_BOT_TOKEN', type: 'string', default: '', description: 'Slack bot token.', secret: { format: 'token-urlsafe-32', issuedBy: 'Slack' } },
  { key: 'FLYDESK_SLACK_SIGNING_SECRET', type: 'string', default: '', description: 'Slack signing secret.', secret: { format: 'hex-32', issuedBy: 'Slack' } },
  flag('FLYDESK_EMAIL_ENABLED', 'false', 'Email notifications (the database email settings are used instead).'),
  { key: 'FLYDESK_EMAIL_PROVIDER', type: 'enum', enum: ['resend', 'ses', 'sendgrid'], default: 'resend', description: 'Email provider (validated at start-up; the database email settings are used at run time).' },
  { key: 'FLYDESK_EMAIL_API_KEY', type: 'string', default: '', description: 'Email provider API key.', secret: { format: 'token-urlsafe-32', issuedBy: 'the email provider' }, unused: 'the database email settings are used' },
  { key: 'FLYDESK_EMAIL_FROM_ADDRESS', type: 'email', default: '', invalidEffect: 'ignored', description: 'Sender address of notification emails.', unused: 'unused' },
  text('FLYDESK_EMAIL_SES_REGION', 'us-east-1', 'AWS region of Amazon SES.', { unused: 'unused' }),
  { key: 'FLYDESK_SENDGRID_API_BASE', type: 'url', default: 'https://api.sendgrid.com', invalidEffect: 'fails-later', description: 'SendGrid API base URL.' },
  { key: 'FLYDESK_TAVILY_API_URL', type: 'url', default: 'https://api.tavily.com', invalidEffect: 'fails-later', description: 'Tavily search API URL.' },
  { key: 'FLYDESK_NIMBLEWAY_API_URL', type: 'url', default: 'https://nimble-retriever.webit.live', invalidEffect: 'fails-later', description: 'Nimbleway search API URL.' },
  { key: 'FLYDESK_EXA_API_URL', type: 'url', default: 'https://api.exa.ai', invalidEffect: 'fails-later', description: 'Exa search API URL.' },
  devUser('FLYDESK_DEV_USER_NAME', 'Dev Admin', 'Name of the synthetic development user.'),
  devUser('FLYDESK_DEV_USER_EMAIL', 'admin@localhost', 'Email of the synthetic development user.'),
  devUser('FLYDESK_DEV_USER_ROLES', 'admin,operator', 'Comma-separated roles of the synthetic development user.'),
  devUser('FLYDESK_DEV_USER_PICTURE', undefined, 'Picture URL of the synthetic development user.'),
  devUser('FLYDESK_DEV_USER_DEPARTMENT', undefined, 'Department of the synthetic development user.'),
  devUser('FLYDESK_DEV_USER_TITLE', undefined, 'Job title of the synthetic development user.'),
];

/** Start-up failures and contradictions no single setting explains. */
function checks(view: SettingsView): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const embedding = view.get('FLYDESK_EMBEDDING_MODEL');
  if (embedding && (embedding.value ?? '').trim() === '') {
    findings.push({
      rule: 'schema/invalid-value',
      key: 'FLYDESK_EMBEDDING_MODEL',
      message: 'FLYDESK_EMBEDDING_MODEL is empty: Firefly Desk refuses to start (ConfigurationError: embedding_model is required). Remove the line to use the default, or set `provider:model`.',
      fixValue: 'openai:text-embedding-3-small',
      fixTitle: 'Set FLYDESK_EMBEDDING_MODEL to the default `openai:text-embedding-3-small`',
    });
  }
  const database = view.valueOrDefault('FLYDESK_DATABASE_URL') ?? '';
  const usesSqlite = /^sqlite/i.test(database.trim());
  if (view.get('FLYDESK_DATABASE_URL') && usesSqlite && view.mode === 'production') {
    findings.push({
      rule: 'schema/invalid-value',
      key: 'FLYDESK_DATABASE_URL',
      severity: 'warning',
      message: 'Production Firefly Desk needs PostgreSQL with pgvector (`postgresql+asyncpg://…`); SQLite is for development and single-user use.',
    });
  }
  if (usesSqlite && view.get('FLYDESK_MEMORY_BACKEND')?.value?.trim() === 'postgres') {
    findings.push({
      rule: 'schema/conflict',
      key: 'FLYDESK_MEMORY_BACKEND',
      severity: 'warning',
      message: 'FLYDESK_MEMORY_BACKEND=postgres needs a PostgreSQL FLYDESK_DATABASE_URL; with SQLite Firefly Desk logs a warning and keeps memory in-process.',
    });
  }
  if (usesSqlite && view.get('FLYDESK_VECTOR_STORE')?.value?.trim() === 'pgvector') {
    findings.push({
      rule: 'schema/conflict',
      key: 'FLYDESK_VECTOR_STORE',
      message: 'FLYDESK_VECTOR_STORE=pgvector stores embeddings in PostgreSQL, but FLYDESK_DATABASE_URL is SQLite.',
    });
  }
  return findings;
}

export const fireflyDesk = defineProduct({
  id: 'firefly-desk',
  name: 'Firefly Desk',
  version: 'fireflyresearch/firefly-desk@2735e07a73c99a4760b61405ec872a5d0eeb64a6',
  source: 'src/flydesk/config.py (DeskConfig), src/flydesk/auth/dev.py; deployment guide docs/deployment.md',
  detect: { envPrefixes: ['FLYDESK_'], images: ['firefly-desk', 'flydesk'], nginxBackends: ['flydesk', 'firefly'] },
  // docs/deployment.md's nginx: /api/ streams SSE (proxy_buffering off, HTTP/1.1, Connection '') with proxy_read_timeout of at least 300s.
  nginx: { sseLocations: ['/api/'], minReadTimeoutSeconds: 300 },
  // docs/deployment.md's compose (pgvector image; pgdata, redisdata, uploads = FLYDESK_FILE_STORAGE_PATH) and the
  // health facts of products/firefly-desk.md (the route is /api/health; the Dockerfile's HEALTHCHECK probes /health).
  compose: {
    database: {
      imageMustInclude: ['pgvector'],
      suggestedImage: 'pgvector/pgvector:pg{major}',
      reason: 'with a PostgreSQL database Firefly Desk runs `CREATE EXTENSION IF NOT EXISTS vector` at start-up (server.py:173-174) and stops when the extension is missing',
    },
    persistentVolumes: [
      { role: 'database', target: '/var/lib/postgresql/data', volume: 'pgdata', purpose: 'PostgreSQL data: all application data, embeddings and audit records', severity: 'error' },
      { role: 'redis', target: '/data', volume: 'redisdata', purpose: 'Redis persistence, which the guide recommends for session durability', severity: 'warning' },
    ],
    uploads: { envKey: 'FLYDESK_FILE_STORAGE_PATH', default: './uploads', volume: 'uploads' },
    health: {
      served: ['/api/health'],
      unserved: ['/health'],
      image: { path: '/health', works: false, source: 'its Dockerfile (lines 72-73) probes http://localhost:8000/health, but the route is /api/health (api/health.py:17-20)' },
      suggestedTest: `["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/api/health')"]`,
    },
  },
  envPrefixes: ['FLYDESK_'],
  booleans: PYDANTIC_BOOLEAN,
  caseInsensitiveKeys: true,
  unknownKeys: {
    scope: 'all',
    effect: 'refuses-start',
    reason:
      'DeskConfig forbids extra inputs (extra="forbid"): when Firefly Desk reads this .env itself (started from this directory), any key it does not declare stops start-up with "Extra inputs are not permitted". Passed as real environment variables (compose env_file), unknown keys are ignored.',
  },
  placeholders: ['your-client-secret', 'your-generated-256-bit-key', 'change-me-generate-a-real-key!!', 'strong_generated_password', 'your_redis_password'],
  checks,
  settings,
});
