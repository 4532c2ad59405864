import { ONE_ONLY_BOOLEAN, TRUE_ONE_YES_BOOLEAN, TRUTHY_BOOLEAN } from './booleans';
import { defineProduct } from './define';
import type { ProductCheckFinding, SettingSpec, SettingsView } from './types';

/*
 * Flowfile reads plain `os.environ` across its core, worker and kernel services; almost nothing
 * is validated at boot (only the port casts). `FLOWFILE_MODE=docker` is the switch every auth
 * and secret rule depends on. Facts from ../shared/products/flowfile.md and the Docker guide
 * (seed 004).
 */

const flag = (key: string, fallback: string, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({
  key,
  type: 'boolean',
  default: fallback,
  invalidEffect: 'ignored',
  description,
  ...extra,
});
const integer = (key: string, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({
  key,
  type: 'integer',
  invalidEffect: 'ignored',
  description,
  ...extra,
});
const path = (key: string, fallback: string | undefined, description: string): SettingSpec => ({
  key,
  type: 'path',
  ...(fallback !== undefined ? { default: fallback } : {}),
  description,
});
const text = (key: string, description: string, extra: Partial<SettingSpec> = {}): SettingSpec => ({ key, type: 'string', description, ...extra });

const settings: SettingSpec[] = [
  {
    key: 'FLOWFILE_MODE',
    type: 'enum',
    enum: ['docker', 'electron', 'package', 'tauri', 'desktop'],
    default: 'electron',
    invalidEffect: 'ignored',
    description:
      'The master switch. Docker deployments must set `docker` on core and worker: any other value means single-user desktop auth, with the JWT secret and master key generated in a local store and no admin account.',
    production: { value: 'docker', reason: 'any other mode is the single-user desktop mode (no multi-user auth, no admin account)' },
  },
  {
    key: 'FLOWFILE_MASTER_KEY',
    type: 'string',
    description:
      'Fernet key (URL-safe base64 of 32 bytes, from `Fernet.generate_key()`) that encrypts every user secret; identical on core and worker, without quotes or spaces (the worker does not strip them). Alternatively the Docker secret `flowfile_master_key`. Losing it loses every stored secret.',
    secret: {
      format: 'fernet',
      fernet: true,
      weakEffect: 'Flowfile accepts it at start-up, then every secret operation fails with "FLOWFILE_MASTER_KEY is not a valid Fernet key"',
    },
    required: 'production',
    requiredReason: 'without it the setup wizard keeps appearing and every secret operation fails ("Master key not configured")',
    placeholders: ['<your-key>', '<your-generated-key>'],
  },
  {
    key: 'JWT_SECRET_KEY',
    type: 'string',
    description:
      'Signs login tokens in Docker mode. The docs require at least 32 characters (`openssl rand -hex 32`); the code does not check the length. Unset in Docker mode, the first login fails; the bundled compose falls back to a public default.',
    secret: { format: 'hex-32', minLength: 32, weakEffect: 'the docs require at least 32 characters; the code does not check, so a short secret is accepted and tokens can be forged by brute force' },
    required: 'production',
    requiredReason: 'in Docker mode every login fails with "JWT_SECRET_KEY environment variable must be set in Docker mode"',
    placeholders: ['your-secure-jwt-secret-at-least-32-chars', 'your-secure-jwt-secret-key-change-in-production', 'flowfile-dev-secret-change-in-production'],
  },
  {
    key: 'FLOWFILE_INTERNAL_TOKEN',
    type: 'string',
    description: 'Shared secret kernels use to call the core API (`openssl rand -hex 32`). Unset in Docker mode, Flowfile only warns at start-up and kernels fail when used.',
    secret: { format: 'hex-32', minLength: 32, weakEffect: 'a short token lets anyone who can reach the core API act as a kernel' },
    required: 'production',
    requiredReason: 'kernels cannot authenticate to the core API without it',
    placeholders: ['your-secure-internal-token-change-in-production'],
  },
  text('FLOWFILE_ADMIN_USER', 'User name of the admin created at the first Docker start-up.', { default: 'admin', required: 'production', requiredReason: 'without it Flowfile warns and creates no admin account' }),
  {
    key: 'FLOWFILE_ADMIN_PASSWORD',
    type: 'string',
    description:
      'Password of the admin created at the first Docker start-up (changes later are not applied to the existing user). Flowfile enforces no complexity; the production checklist asks for a strong one.',
    secret: { format: 'password', minLength: 12, weakEffect: 'Flowfile enforces nothing, and the admin account can manage every user' },
    required: 'production',
    requiredReason: 'without it Flowfile warns and creates no admin account',
    placeholders: ['changeme', 'YourSecurePassword123!'],
  },
  { key: 'WORKER_HOST', type: 'host', default: '0.0.0.0', invalidEffect: 'fails-later', description: 'Host name core uses to reach the worker; in Docker the worker\'s service name (`flowfile-worker`).' },
  { key: 'FLOWFILE_WORKER_PORT', type: 'port', default: '63579', description: 'Worker port. Not an integer: core fails to start (ValueError in int()).' },
  { key: 'CORE_PORT', type: 'port', default: '63578', description: 'Core port. Not an integer: core and worker fail to start (ValueError in int()).' },
  { key: 'CORE_HOST', type: 'host', default: '0.0.0.0', description: 'Host name the worker uses to reach core; in Docker the core service name (`flowfile-core`). Empty: the worker refuses to start.' },
  { key: 'FLOWFILE_WORKER_URL', type: 'url', invalidEffect: 'fails-later', description: 'Worker URL; derived from WORKER_HOST and FLOWFILE_WORKER_PORT when unset.' },
  path('FLOWFILE_STORAGE_DIR', '/app/internal_storage', 'Internal storage; core and worker must share it (the same volume). Default `~/.flowfile` outside Docker.'),
  path('FLOWFILE_USER_DATA_DIR', '/data/user', 'User data directory (compose sets `/app/user_data`).'),
  path('FLOWFILE_DB_PATH', undefined, 'Path of the SQLite catalog database; default `<storage>/database/flowfile_catalog.db`.'),
  path('SECURE_STORAGE_PATH', '/tmp/.flowfile', 'Secret store directory outside Electron; it lives in /tmp unless overridden.'),
  path('FLOWFILE_SECURE_STORAGE_PATH', undefined, 'Secret store directory override for the desktop app.'),
  flag('FLOWFILE_SCHEDULER_ENABLED', 'false', 'Run scheduled flows. Accepts true, 1 or yes (case-insensitive); anything else, even `on`, is off.', { boolean: TRUE_ONE_YES_BOOLEAN }),
  flag('FLOWFILE_ENABLE_PROJECTS', 'false', 'Git project tracking (admin-only in Docker; the /project router 404s when off). The code default is off; the bundled compose and .env.example turn it on.'),
  flag('FEATURE_FLAG_AI', 'true', 'Master switch of the /ai/* routes (BYOK settings, chat, agents); on when unset.'),
  integer('FLOWFILE_AI_<PROVIDER>_RPM', 'Requests per minute for one AI provider (ANTHROPIC, OPENAI, GOOGLE, GROQ, OPENROUTER), enforced per worker process. Not an integer: a warning, and no limit.', {
    keyPattern: /^FLOWFILE_AI_(ANTHROPIC|OPENAI|GOOGLE|GROQ|OPENROUTER)_RP[MD]$/,
    min: 1,
  }),
  { key: 'ANTHROPIC_API_KEY', type: 'string', description: 'Anthropic API key, used by the AI features when no BYOK key is saved.', secret: { format: 'token-urlsafe-32', issuedBy: 'Anthropic' } },
  { key: 'OPENAI_API_KEY', type: 'string', description: 'OpenAI API key, used by the AI features when no BYOK key is saved.', secret: { format: 'token-urlsafe-32', issuedBy: 'OpenAI' } },
  { key: 'GEMINI_API_KEY', type: 'string', description: 'Gemini API key, used by the AI features when no BYOK key is saved.', secret: { format: 'token-urlsafe-32', issuedBy: 'Google' } },
  flag('FLOWFILE_AI_LOG_PROMPTS', 'false', 'Write every LLM call to JSONL files (a development aid, not an audit trail).'),
  flag('FLOWFILE_AI_LOG_PROMPTS_SCRUB', 'false', 'Scrub user and tool messages through the PII filter before logging prompts.'),
  flag('FLOWFILE_LSP_ENABLED', 'true', 'Python language server for code nodes.'),
  flag('FLOWFILE_CUSTOM_NODE_HOT_RELOAD', 'true', 'Reload custom nodes when their files change.'),
  flag('FLOWFILE_SINGLE_FILE_MODE', '0', 'Single-file mode. Only the exact value `1` turns it on (`true` means off).', { boolean: ONE_ONLY_BOOLEAN }),
  flag('FLOWFILE_OFFLOAD_TO_WORKER', '1', 'Run flows on the worker. Only the exact value `1` means on (`true` means off).', { boolean: ONE_ONLY_BOOLEAN }),
  text('FLOWFILE_KERNEL_IMAGE', 'Docker image of Python kernels (empty means the registry default).'),
  text('FLOWFILE_KERNEL_IMAGE_BASE', 'Docker image of the base kernel flavour.'),
  text('FLOWFILE_KERNEL_IMAGE_ML', 'Docker image of the machine-learning kernel flavour.'),
  text('FLOWFILE_KERNEL_IMAGE_LITE', 'Docker image of the lite kernel flavour.'),
  flag('FLOWFILE_KERNEL_WARMUP', 'true', 'Build the kernel manager in the background at start-up. Accepts true, 1 or yes.', { boolean: TRUE_ONE_YES_BOOLEAN }),
  text('FLOWFILE_DOCKER_NETWORK', 'Docker network kernels join (the compose network, `flowfile-network`).'),
  { key: 'FLOWFILE_CATALOG_STORAGE_URI', type: 'url', schemes: ['s3'], invalidEffect: 'fails-later', description: 'Default object storage root for new catalogs (`s3://bucket/catalog`); needs FLOWFILE_CATALOG_STORAGE_CONNECTION.' },
  text('FLOWFILE_CATALOG_STORAGE_CONNECTION', 'Name of the cloud storage connection that supplies credentials for FLOWFILE_CATALOG_STORAGE_URI.', {
    required: { when: 'FLOWFILE_CATALOG_STORAGE_URI', notEquals: '' },
    requiredReason: 'a catalog storage URI needs the connection that holds its credentials',
  }),
  text('FLOWFILE_ARTIFACT_STORAGE', 'Where kernel artifacts are stored (local or S3).'),
  text('FLOWFILE_S3_BUCKET', 'S3 bucket for artifacts.'),
  text('FLOWFILE_S3_PREFIX', 'Key prefix in the artifacts bucket.'),
  text('FLOWFILE_S3_REGION', 'Region of the artifacts bucket.'),
  { key: 'FLOWFILE_S3_ENDPOINT_URL', type: 'url', invalidEffect: 'fails-later', description: 'S3-compatible endpoint of the artifacts bucket.' },
  { key: 'FLOWFILE_COMMUNITY_INDEX_URL', type: 'url', invalidEffect: 'fails-later', description: 'URL of the community node index.' },
  { key: 'FLOWFILE_COMMUNITY_POPULARITY_URL', type: 'url', invalidEffect: 'fails-later', description: 'URL of the community node popularity data.' },
  { key: 'FLOWFILE_COMMUNITY_ARTIFACT_BASE', type: 'url', invalidEffect: 'fails-later', description: 'Base URL of community node artifacts.' },
  { key: 'FLOWFILE_COMMUNITY_ARTIFACT_FALLBACK', type: 'url', invalidEffect: 'fails-later', description: 'Fallback base URL of community node artifacts.' },
  integer('FLOWFILE_COMMUNITY_CACHE_TTL', 'Cache lifetime of the community index, in seconds (not an integer: 3600).', { default: '3600' }),
  text('FLOWFILE_COMMUNITY_GITHUB_CLIENT_ID', 'GitHub OAuth app client id for publishing community nodes (device flow).'),
  flag('FLOWFILE_TELEMETRY', 'true', 'Anonymous usage telemetry; a falsy value (false, 0, no, off) disables it before any consent prompt.'),
  { key: 'FLOWFILE_TELEMETRY_ENDPOINT', type: 'url', invalidEffect: 'ignored', description: 'Overrides the telemetry endpoint.' },
  text('GOOGLE_OAUTH_CLIENT_ID', 'Google OAuth client id for Google Analytics connections.'),
  { key: 'GOOGLE_OAUTH_CLIENT_SECRET', type: 'string', description: 'Google OAuth client secret for Google Analytics connections.', secret: { format: 'token-urlsafe-32', issuedBy: 'Google' } },
  integer('FLOWFILE_API_MAX_CONCURRENT_RUNS', 'Flows the API runs at once.', { min: 1 }),
  integer('FLOWFILE_API_RUN_TIMEOUT_SECONDS', 'Timeout of a flow run started through the API, in seconds.', { min: 1 }),
  integer('FLOWFILE_WORKER_POOL_SIZE', 'Processes in the worker pool.', { min: 1 }),
  integer('FLOWFILE_WORKER_TASK_TIMEOUT', 'Timeout of one worker task, in seconds.', { min: 1 }),
  integer('FLOWFILE_WORKER_POLL_TIMEOUT', 'Poll timeout of worker tasks, in seconds.', { min: 1 }),
  integer('FLOWFILE_WORKER_WS_TIMEOUT', 'WebSocket timeout between core and worker, in seconds.', { min: 1 }),
  integer('FLOWFILE_RUN_LOG_RETENTION_DAYS', 'Days run logs are kept.', { min: 1 }),
  integer('FLOWFILE_RUN_MAX_AGE_SECONDS', 'Age after which a run counts as stale, in seconds.', { min: 1 }),
  integer('FLOWFILE_DB_BACKUP_KEEP', 'Catalog database backups kept.', { min: 0 }),
  { key: 'FLOWFILE_DB_READ_HEDGE_DELAY', type: 'number', invalidEffect: 'ignored', description: 'Delay before a hedged database read, in seconds.' },
  flag('FLOWFILE_SKIP_INIT_DB', 'false', 'Skip database initialisation at start-up.'),
  flag('FLOWFILE_SKIP_STARTUP_MIGRATION', 'false', 'Skip database migrations at start-up.'),
  integer('FLOWFILE_INTERNAL_SERVICE_USER_ID', 'User the kernel service principal maps to (default 1); point it at a service account that owns nothing.', { default: '1', min: 1 }),
  path('TEMP_DIR', undefined, 'Temporary files directory; the system temp directory when unset.'),
  { key: 'DEBUG', type: 'boolean', default: 'false', boolean: TRUTHY_BOOLEAN, description: 'Debug mode (Starlette Config cast; a bad cast stops core at import).' },
  text('FILE_LOCATION', 'Legacy file location (Starlette Config).', { default: '.\\files\\' }),
  { key: 'AVAILABLE_RAM', type: 'integer', default: '8', description: 'RAM available to flows, in GB (Starlette Config cast; a non-integer stops core at import).' },
  path('FLOWFILE_HOST_SHARED_DIR', undefined, 'Host directory shared with kernel containers (set by core for kernels).'),
  text('FLOWFILE_KERNEL_ID', 'Kernel id, set by core inside kernel containers.'),
];

/** Settings that break core and worker together without any error at start-up. */
function checks(view: SettingsView): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const master = view.get('FLOWFILE_MASTER_KEY')?.value;
  if (master !== undefined && master !== master.trim().replace(/^["']|["']$/g, '').trim()) {
    findings.push({
      rule: 'schema/invalid-value',
      key: 'FLOWFILE_MASTER_KEY',
      message:
        'FLOWFILE_MASTER_KEY has surrounding quotes or spaces as part of its value: core strips them but the worker does not, so the two derive different keys and the worker cannot decrypt secrets core encrypted (no error at start-up).',
      fixValue: master.trim().replace(/^["']|["']$/g, '').trim(),
      fixTitle: 'Remove the quotes and spaces around the key',
    });
  }
  const coreHost = view.get('CORE_HOST');
  if (coreHost && (coreHost.value ?? '').trim() === '') {
    findings.push({ rule: 'schema/invalid-value', key: 'CORE_HOST', message: 'CORE_HOST is empty: the Flowfile worker refuses to start ("Core host cannot be empty"). Set the core service name, `flowfile-core`.', fixValue: 'flowfile-core', fixTitle: 'Set CORE_HOST to `flowfile-core`' });
  }
  return findings;
}

export const flowfile = defineProduct({
  id: 'flowfile',
  name: 'Flowfile',
  version: 'Edwardvaneechoud/Flowfile@46b6e64a54052c0ed1533cae07fd29bd176b0b7b',
  source: 'flowfile_core/configs/settings.py, flowfile_core/auth/{jwt,secrets}.py, flowfile_worker/configs.py; docs/users/deployment/docker.md',
  detect: { envPrefixes: ['FLOWFILE_'], images: ['flowfile'], companionImages: ['flowfile-worker', 'flowfile-frontend'], nginxBackends: ['flowfile'] },
  // docs/users/deployment/docker.md: core and worker share the master key and the internal storage volume;
  // products/flowfile.md: healthchecks probe /docs.
  compose: {
    sharedSettings: [
      {
        key: 'FLOWFILE_MASTER_KEY',
        services: ['flowfile-core', 'flowfile-worker'],
        reason: 'core encrypts user secrets with it and the worker decrypts them at run time; with different keys every flow that uses a secret fails',
      },
    ],
    persistentVolumes: [
      {
        role: 'product',
        target: '/app/internal_storage',
        volume: 'flowfile-internal-storage',
        purpose: 'internal application data (FLOWFILE_STORAGE_DIR), which core and worker must share',
        severity: 'warning',
        services: ['flowfile-core', 'flowfile-worker'],
      },
    ],
    health: { served: ['/docs'], image: { path: '/docs', works: true, source: 'flowfile_core/Dockerfile:76-77; flowfile_worker/Dockerfile:68-69' } },
  },
  envPrefixes: ['FLOWFILE_'],
  booleans: TRUTHY_BOOLEAN,
  unknownKeys: {
    scope: 'prefixed',
    effect: 'ignored',
    reason: 'Flowfile reads each variable by name from the environment; a misspelt one is silently ignored.',
  },
  placeholders: ['changeme', '<your-key>', '<your-generated-key>', 'your-secure-jwt-secret-at-least-32-chars', 'flowfile-dev-secret-change-in-production'],
  checks,
  settings,
});
