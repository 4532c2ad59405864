import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isFernetKey } from '../../keygen';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const missingIn = (text: string, options: { product?: string; mode?: 'production' | 'development'; path?: string } = {}) => {
  const result = checkText(text, { kind: 'env', product: options.product ?? 'agentim', ...(options.mode ? { mode: options.mode } : {}), ...(options.path ? { path: options.path } : {}) });
  return { result, findings: findingsOf(result, 'secret/missing') };
};

test('AgentIM in production: JWT_SECRET and ENCRYPTION_KEY absent are errors on the first setting line, with the product\'s reason', () => {
  const text = '# AgentIM\nDATABASE_URL=postgresql://agentim:pw@db:5432/agentim\nCORS_ORIGIN=https://chat.example.com\nADMIN_PASSWORD=Xy7!kq9%Lm2^pz\n';
  const { findings } = missingIn(text);
  const keys = findings.map((finding) => /needs (\w+)/.exec(finding.message)![1]);
  assert.deepEqual(keys.sort(), ['ENCRYPTION_KEY', 'JWT_SECRET']);
  for (const finding of findings) {
    assert.equal(finding.severity, 'error');
    assert.equal(textOf(text, finding), 'DATABASE_URL=postgresql://agentim:pw@db:5432/agentim');
  }
  const jwt = findings.find((finding) => finding.message.includes('JWT_SECRET'))!;
  assert.equal(jwt.message, 'AgentIM needs JWT_SECRET in production, and it is not set: AgentIM exits at start-up in production: JWT_SECRET is missing or too short.');
});

test('the fix appends the key with a generated value in the right format, keeping CRLF', () => {
  const text = 'FLYDESK_DEV_MODE=false\r\nFLYDESK_DATABASE_URL=postgresql+asyncpg://u:p@db:5432/flydesk\r\n';
  const result = checkText(text, { kind: 'env', product: 'firefly-desk' });
  const finding = findingsOf(result, 'secret/missing').find((candidate) => candidate.message.includes('FLYDESK_CREDENTIAL_ENCRYPTION_KEY'))!;
  const fix = finding.fixes[0]!;
  assert.equal(fix.title, 'Add FLYDESK_CREDENTIAL_ENCRYPTION_KEY with a generated Fernet key');
  const fixed = applyFix(text, result.uri, fix);
  assert.ok(fixed.startsWith(text));
  const added = fixed.slice(text.length);
  assert.match(added, /^FLYDESK_CREDENTIAL_ENCRYPTION_KEY=[A-Za-z0-9_-]{43}=\r\n$/);
  assert.ok(isFernetKey(added.slice('FLYDESK_CREDENTIAL_ENCRYPTION_KEY='.length, -2)));
});

test('a file without a final line break gets the new line after a break of its own', () => {
  const text = 'NODE_ENV=production\nJWT_SECRET=';
  const { result, findings } = missingIn(text);
  const jwt = findings.find((finding) => finding.message.includes('JWT_SECRET'))!;
  assert.equal(textOf(text, jwt), 'JWT_SECRET');
  assert.match(jwt.message, /and it is empty/);
  const fixed = applyFix(text, result.uri, jwt.fixes[0]!);
  assert.match(fixed, /^NODE_ENV=production\nJWT_SECRET=[A-Za-z0-9+/]{43}=$/);
  const encryption = findings.find((finding) => finding.message.includes('ENCRYPTION_KEY'))!;
  assert.match(applyFix(text, result.uri, encryption.fixes[0]!), /^NODE_ENV=production\nJWT_SECRET=\nENCRYPTION_KEY=[A-Za-z0-9+/]{43}=$/);
});

test('not reported in development mode, nor in template files', () => {
  assert.equal(missingIn('DATABASE_URL=postgresql://a@b/c\n', { mode: 'development' }).findings.length, 0);
  assert.equal(missingIn('DATABASE_URL=postgresql://a@b/c\n', { path: '/project/.env.example' }).findings.length, 0);
});

test('conditional secrets: S3_SECRET_ACCESS_KEY only with STORAGE_PROVIDER=s3, and no generated value for an issued credential', () => {
  const base = 'JWT_SECRET=Zq3vN8xL0pR5tY7uW2eA9sD4fG6hJ1kM\nENCRYPTION_KEY=Kf8sL2mQ9vX4zB7nC1pR6tW3yE5uI0oA\nADMIN_PASSWORD=Xy7!kq9%Lm2^pz\n';
  assert.equal(missingIn(`${base}STORAGE_PROVIDER=local\n`).findings.length, 0);
  const { findings } = missingIn(`${base}STORAGE_PROVIDER=s3\n`);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /S3_SECRET_ACCESS_KEY/);
  assert.match(findings[0]!.message, /Paste the value the storage provider issued\.$/);
  assert.equal(findings[0]!.fixes.length, 0);
});

test('Firefly Desk: the OIDC client secret is required only when dev mode is off', () => {
  const on = missingIn('FLYDESK_DEV_MODE=true\n', { product: 'firefly-desk' }).findings.map((finding) => finding.message);
  assert.ok(!on.some((message) => message.includes('FLYDESK_OIDC_CLIENT_SECRET')));
  const off = missingIn('FLYDESK_DEV_MODE=false\n', { product: 'firefly-desk' }).findings.map((finding) => finding.message);
  assert.ok(off.some((message) => message.includes('FLYDESK_OIDC_CLIENT_SECRET')));
});

test('compose: the secret is added to the service\'s environment in its own form and indentation', () => {
  const list = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    environment:\n      - NODE_ENV=production\n      - DATABASE_URL=postgresql://agentim:pw@postgres:5432/agentim\n  postgres:\n    image: postgres:16\n';
  const result = checkText(list, { kind: 'compose', files: { '/project/.env': '' } });
  const jwt = findingsOf(result, 'secret/missing').find((finding) => finding.message.includes('JWT_SECRET'))!;
  assert.equal(textOf(list, jwt), 'server');
  assert.match(jwt.message, /in service `server`/);
  const fixed = applyFix(list, result.uri, jwt.fixes[0]!);
  assert.match(fixed, /\n      - DATABASE_URL=postgresql:\/\/agentim:pw@postgres:5432\/agentim\n      - JWT_SECRET=[A-Za-z0-9+/]{43}=\n  postgres:\n/);

  const map = 'services:\n  core:\n    image: flowfile-core\n    environment:\n        FLOWFILE_MODE: docker\n';
  const mapResult = checkText(map, { kind: 'compose' });
  const master = findingsOf(mapResult, 'secret/missing').find((finding) => finding.message.includes('FLOWFILE_MASTER_KEY'))!;
  // A Fernet key that starts with `-` is quoted, so YAML cannot take it for a list item (1 time in 64).
  assert.match(applyFix(map, mapResult.uri, master.fixes[0]!), /\n        FLOWFILE_MODE: docker\n        FLOWFILE_MASTER_KEY: ([A-Za-z0-9_][A-Za-z0-9_-]{42}=|"-[A-Za-z0-9_-]{42}=")\n$/);
});

test('compose: a service with env_file, or with the Docker secret of the same name, is not reported', () => {
  const envFile = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    env_file: .env\n    environment:\n      - NODE_ENV=production\n';
  assert.equal(findingsOf(checkText(envFile, { kind: 'compose', files: { '/project/.env': 'JWT_SECRET=x\n' } }), 'secret/missing').length, 0);
  const secret = 'services:\n  core:\n    image: flowfile-core\n    environment:\n      - FLOWFILE_MODE=docker\n      - JWT_SECRET_KEY=${JWT_SECRET_KEY}\n      - FLOWFILE_INTERNAL_TOKEN=${FLOWFILE_INTERNAL_TOKEN}\n      - FLOWFILE_ADMIN_USER=admin\n      - FLOWFILE_ADMIN_PASSWORD=${FLOWFILE_ADMIN_PASSWORD}\n    secrets:\n      - flowfile_master_key\nsecrets:\n  flowfile_master_key:\n    file: ./master_key.txt\n';
  assert.deepEqual(findingsOf(checkText(secret, { kind: 'compose' }), 'secret/missing').map((finding) => finding.message), []);
});

test('compose: a service name written twice (a syntax error) has each definition judged by its own settings', () => {
  const text = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    environment:\n      - NODE_ENV=production\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    env_file: .env\n';
  const result = checkText(text, { kind: 'compose', files: { '/project/.env': 'JWT_SECRET=x\n' } });
  assert.ok(findingsOf(result, 'compose/syntax').some((finding) => /Duplicate key/.test(finding.message)));
  const missing = findingsOf(result, 'secret/missing');
  assert.ok(missing.length > 0);
  // The first definition sets no env_file, so its secrets are missing; the second reads .env.
  assert.deepEqual([...new Set(missing.map((finding) => finding.span.start))], [text.indexOf('server:')]);
});

test('compose: a product\'s auxiliary service built from source (Flowfile\'s worker) is recognised by its name; nothing is required of it', () => {
  const text = 'services:\n  flowfile-worker:\n    build:\n      context: .\n    environment:\n      - FLOWFILE_MODE=docker\n      - CORE_HOST=flowfile-core\n';
  const result = checkText(text, { kind: 'compose' });
  assert.deepEqual(findingsOf(result, 'secret/missing').map((finding) => finding.message), []);
  assert.deepEqual(findingsOf(result, 'schema/missing-required').map((finding) => finding.message), []);
  const core = text.replace('flowfile-worker:', 'flowfile-core:').replace('CORE_HOST=flowfile-core', 'WORKER_HOST=flowfile-worker');
  assert.ok(findingsOf(checkText(core, { kind: 'compose' }), 'secret/missing').length > 0);
});
