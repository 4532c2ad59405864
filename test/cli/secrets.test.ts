import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkJson, runCli, workspace } from './run';

const CANARY = 'canary-7f3a9c1e-do-not-print';
/** Any recognisable piece of the canary counts as a leak, not only the whole value. */
const PIECES = [CANARY, 'canary-7f3a', '7f3a9c1e', 'do-not-print'];

/** The canary where every kind of rule looks: secrets, syntax errors, duplicates, quoting, credentials in URLs. */
const files = {
  'app/.env': [
    'NODE_ENV=production',
    'CORS_ORIGIN=https://chat.example.com',
    `JWT_SECRET=${CANARY}`,
    `JWT_SECRET=${CANARY}-again`,
    `ENCRYPTION_KEY=${CANARY}`,
    `ADMIN_PASSWORD ${CANARY}`,
    `JWT_SECRET_PREVIOUS=${CANARY} with spaces`,
    `DATABASE_URL=postgresql://agentim:${CANARY}@db:5432/agentim`,
    `ENCRYPTION_KEY="${CANARY}`,
    '',
  ].join('\n'),
  'app/docker-compose.yml': [
    'services:',
    '  server:',
    '    image: ghcr.io/nopkt/agentim:latest',
    '    environment:',
    `      JWT_SECRET: ${CANARY}`,
    `      ENCRYPTION_KEY: \${ENCRYPTION_KEY:-${CANARY}}`,
    '  worker:',
    '    image: ghcr.io/nopkt/agentim:latest',
    '    environment:',
    `      - JWT_SECRET=${CANARY}`,
    `      - JWT_SECRET=${CANARY}`,
    '',
  ].join('\n'),
  'flovyn/config.toml': [
    '[database]',
    `url = "postgres://flovyn:${CANARY}@db:5432/flovyn"`,
    '[auth.static_api_key]',
    `key = ${CANARY}`,
    '',
  ].join('\n'),
  'nginx/nginx.conf': [
    'http {',
    '  server {',
    '    location /api/ {',
    `      proxy_set_header Authorization "Bearer ${CANARY}" always;`,
    `      set $token ${CANARY} extra;`,
    '    }',
    `    add_header X-Token "${CANARY};`,
    '  }',
    '}',
    '',
  ].join('\n'),
};

function assertNoLeak(output: string, what: string): void {
  for (const piece of PIECES) assert.ok(!output.includes(piece), `${what} contains "${piece}":\n${output}`);
}

test('a secret value never appears in any output format', () => {
  const cwd = workspace(files);
  for (const format of ['text', 'json', 'sarif']) {
    const run = runCli(['check', '--format', format, '--color', '.'], { cwd });
    assert.equal(run.status, 1, `${format}: ${run.stderr}`);
    assertNoLeak(run.stdout, `${format} stdout`);
    assertNoLeak(run.stderr, `${format} stderr`);
  }
});

test('the canary lines are really reported (the leak test is not vacuous)', () => {
  const cwd = workspace(files);
  const reported = new Set(checkJson(['.'], { cwd }).diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`));
  for (const expected of [
    'app/.env:3 secret/weak',
    'app/.env:3 env/duplicate-key',
    'app/.env:6 env/syntax',
    'app/.env:7 env/value-format',
    'app/docker-compose.yml:5 secret/weak',
    'flovyn/config.toml:4 toml/syntax',
    'nginx/nginx.conf:4 nginx/invalid-args',
    'nginx/nginx.conf:5 nginx/invalid-args',
    'nginx/nginx.conf:7 nginx/syntax',
  ]) {
    assert.ok(reported.has(expected), `${expected} missing from ${[...reported].join(', ')}`);
  }
});

test('every product and mode, with every rule at its most verbose, still prints no secret', () => {
  const cwd = workspace(files);
  const rules = (JSON.parse(runCli(['rules', '--format', 'json'], { cwd }).stdout) as { rules: { id: string }[] }).rules;
  const everything = rules.map((rule) => `${rule.id}=hint`).join(',');
  // Production mode reports the most; development once, for the messages only it has.
  const runs = [...['agentim', 'flovyn', 'firefly-desk', 'fraiseql', 'flowfile'].map((product) => [product, 'production']), ['agentim', 'development']];
  for (const [product, mode] of runs) {
    const run = runCli(['check', '--format', 'json', '--product', product!, '--mode', mode!, '--rule', everything, '.'], { cwd });
    assert.notEqual(run.status, 2, run.stderr);
    assertNoLeak(run.stdout + run.stderr, `${product}/${mode}`);
  }
});
