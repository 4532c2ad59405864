import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/product';

/** The Firefly Desk guide's compose, with its `.env` beside it. */
const GUIDE = [
  'services:',
  '  app:',
  '    build: .',
  '    env_file: .env',
  '    depends_on:',
  '      db:',
  '        condition: service_healthy',
  '    volumes:',
  '      - uploads:/data/uploads',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://localhost:8000/api/health"]',
  '  db:',
  '    image: pgvector/pgvector:pg16',
  '    volumes:',
  '      - pgdata:/var/lib/postgresql/data',
  '    healthcheck:',
  '      test: ["CMD-SHELL", "pg_isready -U flydesk_user -d flydesk"]',
  '  redis:',
  '    image: redis:7-alpine',
  '    volumes:',
  '      - redisdata:/data',
  'volumes:',
  '  pgdata:',
  '  redisdata:',
  '  uploads:',
  '',
].join('\n');
const DESK_ENV = 'FLYDESK_DEV_MODE=false\nFLYDESK_FILE_STORAGE_PATH=/data/uploads\n';
const desk = (text: string, env = DESK_ENV) => checkText(text, { kind: 'compose', files: { '/project/.env': env } });

test("the Firefly Desk guide's stack passes", () => {
  assert.deepEqual(findingsOf(desk(GUIDE), RULE), []);
});

test('Firefly Desk on plain postgres: the image must have pgvector, fixed to the same major version', () => {
  const text = GUIDE.replace('pgvector/pgvector:pg16', 'postgres:16-alpine');
  const result = desk(text);
  const [finding, ...rest] = findingsOf(result, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), 'postgres:16-alpine');
  assert.match(finding!.message, /Firefly Desk needs pgvector, and `postgres:16-alpine` does not have it: .*CREATE EXTENSION IF NOT EXISTS vector/);
  assert.equal(applyFix(text, result.uri, finding!.fixes[0]!), GUIDE);
});

test('database data without a volume: error at the service, fix mounts and declares pgdata', () => {
  const text = GUIDE.replace('    volumes:\n      - pgdata:/var/lib/postgresql/data\n', '').replace('  pgdata:\n', '');
  const result = desk(text);
  const [finding] = findingsOf(result, RULE);
  assert.equal(textOf(text, finding!), 'db');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /keeps PostgreSQL data.*\(`\/var\/lib\/postgresql\/data`\).*mounts the volume `pgdata` there/);
  const fixed = applyFix(text, result.uri, finding!.fixes[0]!);
  assert.ok(fixed.includes('      test: ["CMD-SHELL", "pg_isready -U flydesk_user -d flydesk"]\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  redis:'));
  assert.ok(fixed.endsWith('  uploads:\n  pgdata:\n'));
  assert.deepEqual(findingsOf(desk(fixed), RULE), []);
});

test('redis without persistence is a warning', () => {
  const text = GUIDE.replace('    volumes:\n      - redisdata:/data\n', '');
  const [finding] = findingsOf(desk(text), RULE);
  assert.equal(textOf(text, finding!), 'redis');
  assert.equal(finding!.severity, 'warning');
});

test('the uploads mount must equal FLYDESK_FILE_STORAGE_PATH from the env_file', () => {
  const text = GUIDE.replace('uploads:/data/uploads', 'uploads:/app/uploads');
  const result = desk(text);
  const [finding] = findingsOf(result, RULE);
  assert.equal(textOf(text, finding!), '/app/uploads');
  assert.match(finding!.message, /mounted at `\/app\/uploads`, but Firefly Desk writes uploads to `\/data\/uploads` \(FLYDESK_FILE_STORAGE_PATH\)/);
  assert.equal(applyFix(text, result.uri, finding!.fixes[0]!), GUIDE);

  const none = GUIDE.replace('    volumes:\n      - uploads:/data/uploads\n', '');
  const [missing] = findingsOf(desk(none), RULE);
  assert.equal(textOf(none, missing!), 'app');
  assert.match(missing!.message, /no volume is mounted there/);
  // A relative default depends on the image's working directory: not judged.
  assert.deepEqual(findingsOf(desk(none, 'FLYDESK_DEV_MODE=false\n'), RULE), []);
});

test("a healthcheck probing /health, which Firefly Desk does not serve, is fixed to /api/health", () => {
  const text = GUIDE.replace('http://localhost:8000/api/health', 'http://localhost:8000/health');
  const result = desk(text);
  const [finding] = findingsOf(result, RULE);
  assert.equal(textOf(text, finding!), '/health');
  assert.match(finding!.message, /does not serve `\/health` \(its health endpoint is `\/api\/health`\)/);
  assert.equal(applyFix(text, result.uri, finding!.fixes[0]!), GUIDE);
});

test("without a healthcheck, Firefly Desk's own image never becomes healthy: its dependents are told why", () => {
  const text = [
    'services:',
    '  api:',
    '    image: ghcr.io/fireflyresearch/firefly-desk:latest',
    '    environment:',
    '      FLYDESK_FILE_STORAGE_PATH: /data/uploads',
    '    volumes: ["uploads:/data/uploads"]',
    '  frontend:',
    '    image: example/frontend',
    '    depends_on:',
    '      api:',
    '        condition: service_healthy',
    'volumes:',
    '  uploads:',
    '',
  ].join('\n');
  const result = checkText(text, { kind: 'compose' });
  const [finding, ...rest] = findingsOf(result, RULE);
  assert.equal(rest.length, 0);
  assert.equal(finding!.span.start, text.indexOf('api:\n        condition'));
  assert.match(finding!.message, /`api` never becomes healthy, so `frontend` never starts: .*probes http:\/\/localhost:8000\/health, but the route is \/api\/health/);
  assert.deepEqual(findingsOf(result, 'compose/healthcheck-missing'), []);
  const fixed = applyFix(text, result.uri, finding!.fixes[0]!);
  assert.ok(fixed.includes(`    volumes: ["uploads:/data/uploads"]\n    healthcheck:\n      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/api/health')"]\n`));
  assert.deepEqual(findingsOf(checkText(fixed, { kind: 'compose' }), RULE), []);
});

const FLOWFILE = [
  'services:',
  '  flowfile-core:',
  '    image: edwardvaneechoud/flowfile-core:latest',
  '    environment:',
  '      FLOWFILE_MODE: docker',
  '      FLOWFILE_MASTER_KEY: ${FLOWFILE_MASTER_KEY}',
  '    volumes:',
  '      - flowfile-internal-storage:/app/internal_storage',
  '  flowfile-worker:',
  '    image: edwardvaneechoud/flowfile-worker:latest',
  '    environment:',
  '      - FLOWFILE_MODE=docker',
  '      - FLOWFILE_MASTER_KEY=${FLOWFILE_MASTER_KEY}',
  '    volumes:',
  '      - flowfile-internal-storage:/app/internal_storage',
  'volumes:',
  '  flowfile-internal-storage:',
  '',
].join('\n');

test("Flowfile's core and worker share one FLOWFILE_MASTER_KEY", () => {
  assert.deepEqual(findingsOf(checkText(FLOWFILE, { kind: 'compose' }), RULE), []);

  const missing = FLOWFILE.replace('      - FLOWFILE_MASTER_KEY=${FLOWFILE_MASTER_KEY}\n', '');
  const result = checkText(missing, { kind: 'compose' });
  const [finding] = findingsOf(result, RULE);
  assert.equal(textOf(missing, finding!), 'flowfile-worker');
  assert.match(finding!.message, /`flowfile-worker` does not set FLOWFILE_MASTER_KEY, which `flowfile-core` sets/);
  assert.equal(applyFix(missing, result.uri, finding!.fixes[0]!), FLOWFILE.replace('- FLOWFILE_MASTER_KEY=${FLOWFILE_MASTER_KEY}', '- "FLOWFILE_MASTER_KEY=${FLOWFILE_MASTER_KEY}"'));

  const different = FLOWFILE.replace('- FLOWFILE_MASTER_KEY=${FLOWFILE_MASTER_KEY}', '- FLOWFILE_MASTER_KEY=${WORKER_KEY}');
  const differs = checkText(different, { kind: 'compose', files: { '/project/.env': 'FLOWFILE_MASTER_KEY=a\nWORKER_KEY=b\n' } });
  const [mismatch] = findingsOf(differs, RULE);
  assert.equal(textOf(different, mismatch!), '${WORKER_KEY}');
  assert.match(mismatch!.message, /FLOWFILE_MASTER_KEY of `flowfile-worker` differs from `flowfile-core`'s/);
  assert.ok(!mismatch!.message.includes('=a') && !mismatch!.message.includes('=b'));
});

test('a stack of no known product gets nothing', () => {
  const text = 'services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose' }), RULE), []);
});
