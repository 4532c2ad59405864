import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateKey, strongPassword } from '../server/src/engine/keygen';
import { checkText, engineFor, memoryWorkspace } from '../server/src/engine/testing';
import { pathToUri } from '../server/src/engine/uri';
import { corsRules } from '../server/src/engine/rules/cors';
import { schemaRules } from '../server/src/engine/rules/schema';
import { secretRules } from '../server/src/engine/rules/secret';
import { securityRules } from '../server/src/engine/rules/security';
import { products } from './index';

/*
 * Each product as a whole: a complete production .env passes with no error, the products' own
 * example files raise no false error, and no secret value reaches any message or hover.
 */

const errorsOf = (text: string, options: { path?: string; product?: string } = {}) =>
  checkText(text, { kind: 'env', ...(options.path ? { path: options.path } : {}), ...(options.product ? { product: options.product } : {}) }).diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error',
  );

const describe = (diagnostics: readonly { rule: string; message: string }[]) => diagnostics.map((diagnostic) => `${diagnostic.rule}: ${diagnostic.message}`);

/** A complete production .env per product, with freshly generated secrets. */
const COMPLETE: Readonly<Record<string, () => string>> = {
  'firefly-desk': () =>
    [
      'FLYDESK_DEV_MODE=false',
      'FLYDESK_DATABASE_URL=postgresql+asyncpg://flydesk:' + generateKey('hex-32') + '@db:5432/flydesk',
      'FLYDESK_REDIS_URL=redis://redis:6379/0',
      'FLYDESK_QUEUE_BACKEND=redis',
      `FLYDESK_CREDENTIAL_ENCRYPTION_KEY=${generateKey('fernet')}`,
      `FLYDESK_JWT_SECRET_KEY=${generateKey('token-urlsafe-32')}`,
      'FLYDESK_CORS_ORIGINS=["https://desk.example.com"]',
      'FLYDESK_OIDC_ISSUER_URL=https://login.microsoftonline.com/3f2504e0-4f89-11d3-9a0c-0305e82c3301/v2.0',
      'FLYDESK_OIDC_CLIENT_ID=firefly-desk',
      `FLYDESK_OIDC_CLIENT_SECRET=${generateKey('token-urlsafe-32')}`,
      'FLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/auth/callback',
      'FLYDESK_OIDC_PROVIDER_TYPE=microsoft',
      'FLYDESK_OIDC_TENANT_ID=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      'FLYDESK_OIDC_SCOPES=["openid","profile","email"]',
      'FLYDESK_VECTOR_STORE=pgvector',
      'FLYDESK_MEMORY_BACKEND=postgres',
      'FLYDESK_FILE_STORAGE_PATH=/data/uploads',
      'FLYDESK_FILE_MAX_SIZE_MB=50',
      'FLYDESK_ACCENT_COLOR="#2563EB"',
      '',
    ].join('\n'),
  agentim: () =>
    [
      'NODE_ENV=production',
      'PORT=3000',
      `DATABASE_URL=postgresql://agentim:${generateKey('hex-32')}@postgres:5432/agentim`,
      'REDIS_URL=redis://redis:6379',
      `JWT_SECRET=${generateKey('base64-32')}`,
      `ENCRYPTION_KEY=${generateKey('base64-32')}`,
      'ADMIN_USERNAME=admin',
      `ADMIN_PASSWORD=${strongPassword(20)}`,
      'CORS_ORIGIN=https://chat.example.com,https://admin.example.com',
      'TRUST_PROXY=true',
      'RUN_MIGRATIONS=true',
      'JWT_ACCESS_EXPIRY=15m',
      'JWT_REFRESH_EXPIRY=7d',
      'MAX_FILE_SIZE=10485760',
      'STORAGE_PROVIDER=s3',
      'S3_BUCKET=agentim-uploads',
      'S3_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      `S3_SECRET_ACCESS_KEY=${generateKey('base64-32')}`,
      '',
    ].join('\n'),
  flowfile: () =>
    [
      `FLOWFILE_MASTER_KEY=${generateKey('fernet')}`,
      'FLOWFILE_ADMIN_USER=admin',
      `FLOWFILE_ADMIN_PASSWORD=${strongPassword(20)}`,
      `JWT_SECRET_KEY=${generateKey('hex-32')}`,
      `FLOWFILE_INTERNAL_TOKEN=${generateKey('hex-32')}`,
      'FLOWFILE_ENABLE_PROJECTS=true',
      'FEATURE_FLAG_AI=false',
      '',
    ].join('\n'),
  fraiseql: () =>
    [
      `DATABASE_URL=postgres://fraiseql_app:${generateKey('hex-32')}@db:5432/fraiseql`,
      'FRAISEQL_BIND_ADDR=0.0.0.0:8000',
      'FRAISEQL_SCHEMA_PATH=/app/schema.compiled.json',
      'FRAISEQL_METRICS_ENABLED=true',
      `FRAISEQL_METRICS_TOKEN=${generateKey('hex-32')}`,
      'RUST_LOG=info',
      '',
    ].join('\n'),
  flovyn: () =>
    [
      'CONFIG_FILE=/etc/flovyn/config.toml',
      `DATABASE_URL=postgres://flovyn:${generateKey('hex-32')}@db:5432/flovyn`,
      'SERVER_PORT=8000',
      'GRPC_SERVER_PORT=9090',
      'AUTH__BETTER_AUTH__JWT__JWKS_URI=https://app.example.com/.well-known/jwks.json',
      'AUTH__BETTER_AUTH__JWT__ISSUER=https://app.example.com',
      `WORKER_TOKEN_SECRET=${generateKey('hex-32')}`,
      `FLOVYN_API_KEY=flovyn_sk_${generateKey('hex-32')}`,
      '',
    ].join('\n'),
};

test('every product loads, records the version it was written from, and has a complete production .env with no error', () => {
  assert.deepEqual(products.map((product) => product.id).sort(), Object.keys(COMPLETE).sort());
  for (const product of products) {
    assert.ok(product.version.length > 10, `${product.id}: version`);
    const text = COMPLETE[product.id]!();
    const result = checkText(text, { kind: 'env', product: product.id });
    assert.equal(result.mode, 'production');
    assert.deepEqual(describe(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')), [], product.id);
  }
});

test('detection: the complete .env files are recognised without a product option', () => {
  for (const product of products) {
    if (product.id === 'flovyn' || product.id === 'fraiseql') continue; // no product prefix in these env files
    assert.equal(checkText(COMPLETE[product.id]!(), { kind: 'env' }).product, product.id);
  }
});

/** The products' own example files (their setting lines, at the commits the schemas cite). */
const OFFICIAL_EXAMPLES: readonly { product: string; path: string; text: string }[] = [
  {
    product: 'firefly-desk',
    path: '/project/.env.example',
    text: [
      'FLYDESK_DATABASE_URL=postgresql+asyncpg://flydesk:flydesk_dev@postgres:5432/flydesk',
      'FLYDESK_REDIS_URL=redis://redis:6379/0',
      'FLYDESK_OIDC_ISSUER_URL=https://your-keycloak.example.com/realms/your-realm',
      'FLYDESK_OIDC_CLIENT_ID=flydesk',
      'FLYDESK_OIDC_CLIENT_SECRET=your-client-secret-here',
      'FLYDESK_OIDC_REDIRECT_URI=http://localhost:3000/auth/callback',
      'FLYDESK_CREDENTIAL_ENCRYPTION_KEY=change-me-generate-a-real-key!!',
      'FLYDESK_AGENT_NAME=Firefly Desk Assistant',
      'FLYDESK_APP_TITLE=Firefly Desk',
      'FLYDESK_ACCENT_COLOR=#2563EB',
      'POSTGRES_PASSWORD=flydesk_dev',
      '',
    ].join('\n'),
  },
  {
    product: 'agentim',
    path: '/project/.env.example',
    text: [
      'PORT=3000',
      'HOST=0.0.0.0',
      'DATABASE_URL=postgresql://postgres:postgres@localhost:5432/agentim',
      'JWT_SECRET=change-me-to-a-random-secret',
      'JWT_ACCESS_EXPIRY=15m',
      'JWT_REFRESH_EXPIRY=7d',
      'ADMIN_USERNAME=admin',
      'ADMIN_PASSWORD=ChangeMe123!',
      'UPLOAD_DIR=./uploads',
      'MAX_FILE_SIZE=10485760',
      'CORS_ORIGIN=http://localhost:5173',
      'TRUST_PROXY=false',
      'SENTRY_DSN=',
      'ENCRYPTION_KEY=',
      'ROUTER_LLM_BASE_URL=',
      'ROUTER_LLM_API_KEY=',
      'ROUTER_LLM_MODEL=',
      'MAX_AGENT_CHAIN_DEPTH=5',
      'AGENT_RATE_LIMIT_WINDOW=60',
      'AGENT_RATE_LIMIT_MAX=20',
      '',
    ].join('\n'),
  },
  {
    product: 'agentim',
    path: '/project/docker/.env.docker.example',
    text: ['JWT_SECRET=', 'ENCRYPTION_KEY=', 'ADMIN_USERNAME=admin', 'ADMIN_PASSWORD=', 'POSTGRES_PASSWORD=', 'PORT=3000', 'NODE_ENV=production', 'CORS_ORIGIN=http://localhost:3000', 'TRUST_PROXY=false', 'JWT_ACCESS_EXPIRY=15m', 'JWT_REFRESH_EXPIRY=7d', ''].join('\n'),
  },
  {
    product: 'flowfile',
    path: '/project/.env.example',
    text: ['FLOWFILE_ADMIN_USER=admin', 'FLOWFILE_ADMIN_PASSWORD=changeme', 'JWT_SECRET_KEY=your-secure-jwt-secret-key-change-in-production', 'FLOWFILE_INTERNAL_TOKEN=your-secure-internal-token-change-in-production', 'FLOWFILE_ENABLE_PROJECTS=true', ''].join('\n'),
  },
];

test('the products\' own example files raise no false error', () => {
  for (const example of OFFICIAL_EXAMPLES) {
    const result = checkText(example.text, { kind: 'env', path: example.path });
    assert.equal(result.product, example.product, example.path);
    assert.deepEqual(describe(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')), [], `${example.product} ${example.path}`);
  }
});

test('copied to .env for production, the same example files are caught', () => {
  const agentim = OFFICIAL_EXAMPLES[1]!;
  const rules = new Set(errorsOf(agentim.text, { path: '/project/.env' }).map((diagnostic) => diagnostic.rule));
  assert.ok(rules.has('secret/placeholder'), 'JWT_SECRET=change-me-to-a-random-secret');
  assert.ok(rules.has('secret/missing'), 'ENCRYPTION_KEY= is empty');
});

const CANARY = 'Canary7f3a9b2cQx';

test('a canary secret never appears in any message, related message, fix title or hover, in any product or format', () => {
  for (const product of products) {
    const secrets = product.settings.filter((spec) => spec.secret && !spec.keyPattern && (spec.source ?? 'env') === 'env');
    // Several shapes: short, repeated, placeholder-like, quoted: each may trigger a different rule.
    const values = [CANARY, `${CANARY}${CANARY}`, `your-${CANARY}`, `"${CANARY} ${CANARY}"`];
    for (const value of values) {
      const env = secrets.map((spec) => `${spec.key}=${value}`).join('\n') + `\nCORS_ORIGIN=*\nDATABASE_URL=postgres://u:${CANARY}@db/x\n`;
      const compose = `services:\n  app:\n    image: ${product.detect.images?.[0] ?? 'app'}\n    environment:\n${secrets.map((spec) => `      ${spec.key}: "${value.replace(/"/g, '')}"`).join('\n')}\n`;
      for (const [text, kind, file] of [
        [env, 'env', '/project/.env'],
        [compose, 'compose', '/project/docker-compose.yml'],
      ] as const) {
        const result = checkText(text, { kind, product: product.id });
        for (const diagnostic of result.diagnostics) {
          const visible = [diagnostic.message, ...diagnostic.related.map((item) => item.message), ...diagnostic.fixes.map((fix) => fix.title)].join('\n');
          assert.ok(!visible.includes(CANARY), `${product.id} ${kind} ${diagnostic.rule}: ${diagnostic.message}`);
        }
        const engine = engineFor();
        for (let offset = 0; offset < text.length; offset += 7) {
          const hover = engine.hover({ uri: pathToUri(file), text }, memoryWorkspace({ [file]: text }), offset, { product: product.id });
          assert.ok(!hover || !hover.markdown.includes(CANARY), `${product.id} ${kind} hover at ${offset}`);
        }
      }
    }
  }
});

const CORPUS = path.join(process.cwd(), '..', 'shared', 'corpus');

test('real-world compose files: the secret, CORS, security and schema rules run without failing, and schema rules stay silent on non-product stacks', (t) => {
  if (!existsSync(CORPUS)) return t.skip('../shared/corpus is absent');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/compose[^/]*\.ya?ml$/.test(name)) files.push(file);
    }
  };
  walk(CORPUS);
  assert.ok(files.length > 5);
  const rules = [...secretRules, ...corsRules, ...securityRules, ...schemaRules];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = checkText(text, { kind: 'compose', path: '/project/docker-compose.yml', rules });
    const failures = result.diagnostics.filter((diagnostic) => diagnostic.rule === 'deploy-doctor/internal-error');
    assert.deepEqual(describe(failures), [], file);
    if (result.product === undefined) {
      const productFindings = result.diagnostics.filter((diagnostic) => /^schema\//.test(diagnostic.rule));
      assert.deepEqual(describe(productFindings), [], file);
    }
    for (const diagnostic of result.diagnostics) {
      assert.ok(diagnostic.span.end <= text.length);
    }
  }
});
