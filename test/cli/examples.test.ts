import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { checkJson } from './run';

/** The mistakes examples/README.md says each example makes on purpose, as `file:line rule`. */
const PLANTED = [
  'examples/agentim/.env:13 secret/weak',
  'examples/agentim/.env:15 cors/wildcard',
  'examples/agentim/.env:16 env/syntax',
  'examples/firefly-desk/.env:20 secret/placeholder',
  'examples/firefly-desk/docker-compose.yml:2 compose/version-obsolete',
  'examples/firefly-desk/docker-compose.yml:13 compose/healthcheck-missing',
  'examples/firefly-desk/nginx/nginx.conf:31 nginx/directive-context',
  'examples/firefly-desk/nginx/nginx.conf:40 nginx/sse-buffering',
  'examples/firefly-desk/nginx/nginx.conf:58 nginx/syntax',
  'examples/firefly-desk/nginx/nginx.conf:63 nginx/unknown-directive',
  'examples/flovyn/config.toml:29 toml/syntax',
  'examples/flovyn/config.toml:37 schema/conflict',
  'examples/flowfile/docker-compose.yml:19 secret/placeholder',
];
/** Mistakes that more than one rule may claim: any of them will do. */
const PLANTED_ANY: readonly [string, readonly string[]][] = [
  // The worker's quoted FLOWFILE_MASTER_KEY: the value is wrong (schema) and differs from core's (compose/product).
  ['examples/flowfile/docker-compose.yml:35', ['compose/product', 'schema/invalid-value']],
];

test('the demo workspace shows every mistake its README promises', () => {
  const run = checkJson(['examples/'], { cwd: resolve('.') });
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
  const reported = new Set(run.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`));
  const missing = [
    ...PLANTED.filter((finding) => !reported.has(finding)),
    ...PLANTED_ANY.filter(([where, rules]) => !rules.some((rule) => reported.has(`${where} ${rule}`))).map(([where]) => where),
  ];
  assert.deepEqual(missing, [], `not reported: ${missing.join(', ')}`);
});

test('`npm run demo` succeeds when the CLI finds the planted errors, and prints them', () => {
  const demo = spawnSync(process.execPath, ['scripts/demo.mjs'], { cwd: resolve('.'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /^examples\/firefly-desk\/nginx\/nginx\.conf {2}\(firefly-desk, production\)$/m);
  assert.match(demo.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?/);
});

test('`npm run demo` fails, saying so, when the CLI is not built', () => {
  const demo = spawnSync(process.execPath, ['scripts/demo.mjs'], { cwd: resolve('.'), encoding: 'utf8', env: { ...process.env, DEPLOY_DOCTOR_HOSTS: resolve('no-such-build') } });
  assert.equal(demo.status, 2);
  assert.match(demo.stderr, /no-such-build\/cli\.js is not built: run `npm run build` first/);
});

test('`npm run demo` fails when the CLI cannot run its check', () => {
  const demo = spawnSync(process.execPath, ['scripts/demo.mjs', 'no-such-folder'], { cwd: resolve('.'), encoding: 'utf8' });
  assert.equal(demo.status, 2);
  assert.match(demo.stderr, /no-such-folder: no such file or directory/);
});
