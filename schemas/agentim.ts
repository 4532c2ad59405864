import { quoteToken } from '../server/src/engine/quote';
import { EXACT_TRUE_BOOLEAN } from './booleans';
import { defineProduct } from './define';
import type { ProductCheckFinding, SettingSpec, SettingsView } from './types';

/*
 * AgentIM's server reads `process.env` once in packages/server/src/config.ts and exits
 * (process.exit(1)) on the production checks there and in index.ts. Numbers are clamped
 * silently, booleans are true only for the exact string `true`. Facts from
 * ../shared/products/agentim.md and the deployment guide (seed 003).
 */

const S3 = { when: 'STORAGE_PROVIDER', equals: 's3' } as const;
const S3_REASON = 'AgentIM exits at start-up when STORAGE_PROVIDER=s3 and S3_BUCKET, S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is missing';

/** A number config.ts clamps into range, falling back to the default when it is not a number. */
const clamped = (key: string, fallback: string, min: number | undefined, max: number | undefined, description: string): SettingSpec => ({
  key,
  type: 'integer',
  default: fallback,
  ...(min !== undefined ? { min } : {}),
  ...(max !== undefined ? { max } : {}),
  invalidEffect: 'ignored',
  description: `${description} Out-of-range values are clamped and non-numbers fall back to the default, silently.`,
});
const flag = (key: string, fallback: string, description: string): SettingSpec => ({
  key,
  type: 'boolean',
  default: fallback,
  description: `${description} Only the exact value \`true\` turns it on (\`TRUE\`, \`1\` and \`yes\` mean false).`,
});
const issued = (key: string, issuer: string, description: string): SettingSpec => ({
  key,
  type: 'string',
  default: '',
  description,
  secret: { format: 'token-urlsafe-32', issuedBy: issuer },
});

const settings: SettingSpec[] = [
  {
    key: 'NODE_ENV',
    type: 'string',
    description: 'The production switch: only the exact value `production` enables AgentIM\'s production checks, CSP headers and hidden error details.',
    production: { value: 'production', reason: 'only NODE_ENV=production enables AgentIM\'s production checks, CSP headers and hidden error details' },
  },
  { key: 'PORT', type: 'port', default: '3000', invalidEffect: 'ignored', description: 'HTTP port the server listens on (clamped to 1–65535; a non-number falls back to 3000).' },
  { key: 'HOST', type: 'host', default: '0.0.0.0', invalidEffect: 'fails-later', description: 'Address the server binds to.' },
  {
    key: 'DATABASE_URL',
    type: 'url',
    schemes: ['postgresql', 'postgres'],
    default: 'postgresql://postgres:postgres@localhost:5432/agentim',
    description: 'PostgreSQL connection string (`postgresql://user:password@host:5432/agentim`). Must be set in production: AgentIM exits without it.',
    required: 'production',
    requiredReason: 'AgentIM exits at start-up: DATABASE_URL must be set in production',
  },
  clamped('DB_POOL_SIZE', '10', 1, 100, 'Database connection pool size.'),
  {
    key: 'REDIS_URL',
    type: 'url',
    schemes: ['redis', 'rediss'],
    description:
      'Redis URL (`redis://:password@host:6379`). Optional for one process; required for several (PM2 cluster, replicas): without it token revocation, rate limits and pub/sub are per process.',
  },
  {
    key: 'JWT_SECRET',
    type: 'string',
    default: 'dev-secret-change-me',
    description: 'Signs access and refresh tokens. In production at least 32 characters and not the default, or AgentIM exits. Generate with `openssl rand -base64 32`; changing it logs every user out.',
    secret: { format: 'base64-32', minLength: 32, weakRefusesStart: true, weakEffect: 'AgentIM exits at start-up in production: JWT_SECRET is missing or too short' },
    required: 'production',
    requiredReason: 'AgentIM exits at start-up in production: JWT_SECRET is missing or too short',
    placeholders: ['dev-secret-change-me', 'change-me-to-a-random-secret'],
  },
  { key: 'JWT_SECRET_PREVIOUS', type: 'string', default: '', description: 'The previous JWT secret, accepted while rotating JWT_SECRET.', secret: { format: 'base64-32', minLength: 32 } },
  { key: 'JWT_ACCESS_EXPIRY', type: 'duration', default: '15m', invalidEffect: 'fails-later', description: 'Access token lifetime (`15m`, `1h`). A bad value is not checked at start-up: issuing a token fails.' },
  { key: 'JWT_REFRESH_EXPIRY', type: 'duration', default: '7d', invalidEffect: 'fails-later', description: 'Refresh token lifetime (`7d`). A bad value is not checked at start-up: issuing a token fails.' },
  {
    key: 'CORS_ORIGIN',
    type: 'comma-list',
    description:
      'Allowed browser origins, comma-separated (`https://app.example.com`). In production it must be set (or auto-detected on Render, Railway, Northflank), must not be `*`, and each origin must be an http(s) URL without a path, or AgentIM exits.',
    cors: { list: 'comma-list', wildcardEffect: 'AgentIM exits at start-up in production: CORS_ORIGIN must be set (not `*`)' },
    required: { mode: 'production', unlessSet: ['RENDER_EXTERNAL_URL', 'RAILWAY_PUBLIC_DOMAIN', 'NF_HOSTS'] },
    requiredReason: 'AgentIM exits at start-up in production: CORS_ORIGIN must be set',
  },
  { key: 'RENDER_EXTERNAL_URL', type: 'url', invalidEffect: 'ignored', description: 'Set by Render; used as CORS_ORIGIN when that is empty.' },
  { key: 'RAILWAY_PUBLIC_DOMAIN', type: 'host', invalidEffect: 'ignored', description: 'Set by Railway; `https://` + it is used as CORS_ORIGIN when that is empty.' },
  { key: 'NF_HOSTS', type: 'comma-list', description: 'Set by Northflank; its hosts are used as CORS_ORIGIN when that is empty.' },
  { key: 'ADMIN_USERNAME', type: 'string', default: 'admin', description: 'User name of the administrator seeded at every start-up.' },
  {
    key: 'ADMIN_PASSWORD',
    type: 'string',
    default: '',
    description:
      'Password of the seeded administrator, re-applied at every start-up. In production at least 12 characters with a lowercase and an uppercase letter, a digit and a symbol, or AgentIM exits (so `openssl rand -hex 16` never passes). The Docker compose file requires it.',
    secret: { format: 'password', minLength: 12, complexity: true, weakRefusesStart: true, weakEffect: 'AgentIM exits at start-up in production: the admin password is too weak' },
    required: 'production',
    requiredReason: 'without it no administrator is created, and the Docker compose file refuses to start (${ADMIN_PASSWORD:?})',
    placeholders: ['YourStrongPassword123', 'NewStrongPassword123!', 'NewPassword123!', 'ChangeMe123!', 'your_password', 'your-password'],
  },
  {
    key: 'ENCRYPTION_KEY',
    type: 'string',
    description:
      'Encrypts secrets at rest (router LLM API keys) with AES-256-GCM. In production at least 32 characters, or AgentIM exits; base64 of exactly 32 bytes is used as is, anything else through SHA-256. Generate with `openssl rand -base64 32`. Changing it makes stored secrets unreadable.',
    secret: { format: 'base64-32', minLength: 32, minLengthDevelopment: 16, weakRefusesStart: true, weakEffect: 'AgentIM exits at start-up in production: ENCRYPTION_KEY must be at least 32 characters' },
    required: 'production',
    requiredReason: 'AgentIM exits at start-up in production without ENCRYPTION_KEY (in development it stores secrets in plaintext)',
  },
  {
    key: 'STORAGE_PROVIDER',
    type: 'enum',
    enum: ['local', 's3'],
    default: 'local',
    invalidEffect: 'ignored',
    description: 'Where uploads are stored: `local` (UPLOAD_DIR) or `s3` (also R2 and MinIO). Any other value silently behaves as local.',
  },
  { key: 'S3_BUCKET', type: 'string', default: '', description: 'S3 bucket for uploads; required when STORAGE_PROVIDER=s3.', required: S3, requiredReason: S3_REASON },
  { key: 'S3_REGION', type: 'string', default: 'auto', description: 'S3 region (`auto` for R2).' },
  { key: 'S3_ENDPOINT', type: 'url', default: '', invalidEffect: 'fails-later', description: 'S3-compatible endpoint URL for R2 or MinIO.' },
  { key: 'S3_ACCESS_KEY_ID', type: 'string', default: '', description: 'S3 access key id; required when STORAGE_PROVIDER=s3.', required: S3, requiredReason: S3_REASON },
  { ...issued('S3_SECRET_ACCESS_KEY', 'the storage provider', 'S3 secret access key; required when STORAGE_PROVIDER=s3.'), required: S3, requiredReason: S3_REASON },
  { key: 'UPLOAD_DIR', type: 'path', default: './uploads', description: 'Upload directory for local storage. AgentIM exits when it is not writable; share it between instances.' },
  clamped('MAX_FILE_SIZE', '10485760', 1, undefined, 'Largest upload, in bytes (default 10 MB). The reverse proxy\'s `client_max_body_size` must allow it.'),
  { key: 'ROUTER_LLM_BASE_URL', type: 'url', default: '', invalidEffect: 'fails-later', description: 'OpenAI-compatible API URL of the AI router. Without it broadcast rooms route only by @mention.' },
  issued('ROUTER_LLM_API_KEY', 'the LLM provider', 'API key of the AI router\'s LLM provider.'),
  { key: 'ROUTER_LLM_MODEL', type: 'string', default: '', description: 'Model name of the AI router (`gpt-4o-mini`).' },
  clamped('ROUTER_LLM_TIMEOUT_MS', '15000', 1000, 120000, 'AI router request timeout, in milliseconds.'),
  { key: 'ROUTER_LLM_MAX_AGENTS', type: 'integer', min: 1, invalidEffect: 'ignored', description: 'Most agents the AI router picks for one message (lib/routerLlm.ts).' },
  clamped('MAX_AGENT_CHAIN_DEPTH', '5', 1, 100, 'Maximum depth of agents triggering agents.'),
  clamped('AGENT_RATE_LIMIT_WINDOW', '60', 1, 3600, 'Agent rate-limit window, in seconds.'),
  clamped('AGENT_RATE_LIMIT_MAX', '20', 1, 1000, 'Agent requests per window.'),
  clamped('CLIENT_RATE_LIMIT_WINDOW', '10', 1, 300, 'Client WebSocket rate-limit window, in seconds.'),
  clamped('CLIENT_RATE_LIMIT_MAX', '30', 1, 1000, 'Client WebSocket messages per window.'),
  clamped('MAX_WS_CONNECTIONS_PER_USER', '10', 1, 100, 'WebSocket connections per user.'),
  clamped('MAX_TOTAL_WS_CONNECTIONS', '5000', 10, 100000, 'WebSocket connections in total.'),
  clamped('MAX_GATEWAYS_PER_USER', '20', 1, 100, 'Gateways per user.'),
  clamped('MAX_WS_MESSAGE_SIZE', '65536', 1024, 1048576, 'Largest client WebSocket message, in bytes (runtime setting).'),
  clamped('MAX_GATEWAY_MESSAGE_SIZE', '262144', 1024, 10485760, 'Largest gateway WebSocket message, in bytes (runtime setting).'),
  clamped('ORPHAN_FILE_CHECK_INTERVAL', '3600000', 60000, undefined, 'Interval of the orphan upload cleanup, in milliseconds.'),
  clamped('TOKEN_CLEANUP_INTERVAL', '3600000', 60000, undefined, 'Interval of the expired token cleanup, in milliseconds.'),
  clamped('GATEWAY_CLEANUP_INTERVAL', '86400000', 60000, undefined, 'Interval of the offline gateway cleanup, in milliseconds.'),
  clamped('AUDIT_LOG_CLEANUP_INTERVAL', '86400000', 60000, undefined, 'Interval of the audit log cleanup, in milliseconds.'),
  clamped('GATEWAY_MAX_OFFLINE_DAYS', '30', 1, undefined, 'Days before an offline gateway is removed.'),
  clamped('AUDIT_LOG_RETENTION_DAYS', '90', 1, undefined, 'Days audit logs are kept.'),
  flag('TRUST_PROXY', 'false', 'Read client addresses from X-Forwarded-For. Set `true` behind nginx, Caddy or Cloudflare, or every user shares the proxy\'s rate-limit bucket.'),
  {
    key: 'LOG_LEVEL',
    type: 'enum',
    enum: ['debug', 'info', 'warn', 'error', 'fatal'],
    default: 'info',
    invalidEffect: 'ignored',
    description: 'Log level.',
  },
  flag('RUN_MIGRATIONS', 'true', 'Run database migrations at start-up. With several replicas, let exactly one run them.'),
  flag('METRICS_AUTH_ENABLED', 'true', 'Require authentication for /metrics (default true in production, false in development).'),
  { key: 'SENTRY_DSN', type: 'url', default: '', invalidEffect: 'ignored', description: 'Sentry DSN for error tracking; empty disables it.' },
  { key: 'OAUTH_GITHUB_CLIENT_ID', type: 'string', default: '', description: 'GitHub OAuth client id (initial value of the runtime setting).' },
  issued('OAUTH_GITHUB_CLIENT_SECRET', 'GitHub', 'GitHub OAuth client secret (initial value of the runtime setting).'),
  { key: 'OAUTH_GOOGLE_CLIENT_ID', type: 'string', default: '', description: 'Google OAuth client id (initial value of the runtime setting).' },
  issued('OAUTH_GOOGLE_CLIENT_SECRET', 'Google', 'Google OAuth client secret (initial value of the runtime setting).'),
  { key: 'TOTP_ISSUER', type: 'string', default: 'AgentIM', description: 'Issuer name shown in authenticator apps.' },
];

/** AgentIM's production refusals that depend on more than one value, and settings that contradict each other. */
function checks(view: SettingsView): ProductCheckFinding[] {
  const findings: ProductCheckFinding[] = [];
  const cors = view.get('CORS_ORIGIN');
  if (view.mode === 'production' && cors?.value && !/\$\{/.test(cors.value)) {
    for (const origin of cors.value.split(',').map((item) => item.trim()).filter((item) => item.length > 0 && item !== '*')) {
      const problem = originProblem(origin);
      if (problem) {
        findings.push({ rule: 'schema/invalid-value', key: 'CORS_ORIGIN', message: `AgentIM exits at start-up in production: CORS origin \`${quoteToken(origin)}\` ${problem}.` });
      }
    }
  }
  const url = view.get('ROUTER_LLM_BASE_URL')?.value?.trim() ?? '';
  const key = view.get('ROUTER_LLM_API_KEY')?.value?.trim() ?? '';
  if ((url === '') !== (key === '')) {
    const missing = url === '' ? 'ROUTER_LLM_BASE_URL' : 'ROUTER_LLM_API_KEY';
    findings.push({
      rule: 'schema/conflict',
      key: url === '' ? 'ROUTER_LLM_API_KEY' : 'ROUTER_LLM_BASE_URL',
      at: 'key',
      severity: 'warning',
      message: `The AI router needs both ROUTER_LLM_BASE_URL and ROUTER_LLM_API_KEY; ${missing} is empty, so AgentIM warns and routes only by @mention.`,
    });
  }
  const migrations = view.get('RUN_MIGRATIONS');
  if (migrations && view.bool('RUN_MIGRATIONS') === false && (migrations.value ?? '').trim() === 'false' && !nonEmpty(view.get('REDIS_URL')?.value)) {
    findings.push({
      rule: 'schema/conflict',
      key: 'RUN_MIGRATIONS',
      severity: 'warning',
      message: 'RUN_MIGRATIONS=false is for the replicas of a multi-instance deployment, which needs REDIS_URL; without Redis this is a single instance and nothing runs the database migrations.',
    });
  }
  const jwt = view.get('JWT_SECRET')?.value;
  if (nonEmpty(jwt) && jwt === view.get('JWT_SECRET_PREVIOUS')?.value) {
    findings.push({ rule: 'schema/conflict', key: 'JWT_SECRET_PREVIOUS', at: 'key', severity: 'warning', message: 'JWT_SECRET_PREVIOUS equals JWT_SECRET: the secret was not rotated, so tokens signed with a leaked secret stay valid.' });
  }
  if (nonEmpty(jwt) && jwt === view.get('ENCRYPTION_KEY')?.value) {
    findings.push({ rule: 'schema/conflict', key: 'ENCRYPTION_KEY', at: 'key', message: 'ENCRYPTION_KEY equals JWT_SECRET: one leaked value would both forge sessions and decrypt stored secrets. Generate a separate key.' });
  }
  return findings;
}

/** Why AgentIM's production check rejects an origin, or undefined when it accepts it. */
function originProblem(origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `uses \`${url.protocol}\`; only http and https origins are accepted`;
  if (url.pathname !== '/' && url.pathname !== '') return 'has a path; an origin is scheme, host and port only';
  return undefined;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

export const agentim = defineProduct({
  id: 'agentim',
  name: 'AgentIM',
  version: 'NoPKT/AgentIM@631a1adfeb047e95e9ac3fc6121db87c57d73132',
  source: 'packages/server/src/config.ts, packages/server/src/index.ts, packages/server/src/lib/settings.ts; docs/DEPLOYMENT.md',
  detect: { signatureKeys: ['JWT_SECRET', 'ENCRYPTION_KEY', 'CORS_ORIGIN', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'MAX_FILE_SIZE', 'UPLOAD_DIR', 'STORAGE_PROVIDER'], minSignatureKeys: 3, images: ['agentim'], nginxBackends: ['agentim'] },
  // docs/DEPLOYMENT.md's nginx: WebSockets under /ws/ (/ws/client, /ws/gateway: index.ts:607,647); uploads up to MAX_FILE_SIZE (config.ts:50, default 10485760).
  nginx: { websocketLocations: ['/ws/'], uploadLimit: { envKey: 'MAX_FILE_SIZE', default: '10m' } },
  // docs/DEPLOYMENT.md's data persistence table (pgdata, redisdata, uploads_data) and both healthchecks on /api/health
  // (docker/Dockerfile:67-68; docker/docker-compose.yml:104-113).
  compose: {
    persistentVolumes: [
      { role: 'database', target: '/var/lib/postgresql/data', volume: 'pgdata', purpose: 'PostgreSQL data', severity: 'error' },
      { role: 'redis', target: '/data', volume: 'redisdata', purpose: 'Redis persistence', severity: 'warning' },
    ],
    uploads: { envKey: 'UPLOAD_DIR', default: './uploads', volume: 'uploads_data' },
    health: { served: ['/api/health'], image: { path: '/api/health', works: true, source: 'docker/Dockerfile:67-68' } },
  },
  booleans: EXACT_TRUE_BOOLEAN,
  placeholders: ['dev-secret-change-me', 'change-me-to-a-random-secret', 'YourStrongPassword123', 'your-password', 'your_password'],
  checks,
  settings,
});
