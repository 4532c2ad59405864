import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkJson, workspace } from './run';

// Two settings only: not enough for AgentIM's detection, so only the generic checks know this file.
const ENV = 'PORT=3000\nJWT_SECRET=dev-secret-change-me\n';

test('SPEC §5 example: a placeholder value from column 12 to 32', () => {
  const cwd = workspace({ 'deploy/.env': ENV });
  const run = checkJson(['.'], { cwd });
  assert.equal(run.status, 1);
  const placeholder = run.diagnostics.find((d) => d.rule === 'secret/placeholder');
  assert.deepEqual(
    placeholder && [placeholder.file, placeholder.severity, placeholder.line, placeholder.column, placeholder.endLine, placeholder.endColumn],
    ['deploy/.env', 'error', 2, 12, 2, 32],
  );
  assert.equal(placeholder && 'product' in placeholder, false, 'no product detected');
});

test('--product checks every file as that product: its requirements apply and `product` is reported', () => {
  const cwd = workspace({ '.env': ENV });
  const plain = checkJson(['.'], { cwd }).diagnostics;
  const asAgentim = checkJson(['--product', 'agentim', '.'], { cwd }).diagnostics;
  assert.ok(asAgentim.length > 0);
  for (const d of asAgentim) assert.equal(d.product, 'agentim');
  const missing = (list: typeof plain) => list.filter((d) => d.rule === 'secret/missing').map((d) => d.message);
  assert.deepEqual(missing(plain), []);
  assert.ok(missing(asAgentim).some((message) => message.includes('ENCRYPTION_KEY')), JSON.stringify(asAgentim));
});

test('--mode development drops production requirements and the exit code follows', () => {
  const cwd = workspace({ '.env': ENV });
  const production = checkJson(['--product', 'agentim', '.'], { cwd });
  const development = checkJson(['--product', 'agentim', '--mode', 'development', '.'], { cwd });
  assert.equal(production.status, 1);
  assert.equal(development.status, 0, JSON.stringify(development.diagnostics));
  assert.ok(production.diagnostics.some((d) => d.rule === 'secret/missing'));
  assert.equal(development.diagnostics.some((d) => d.rule === 'secret/missing'), false);
  assert.deepEqual(
    development.diagnostics.filter((d) => d.rule === 'secret/placeholder').map((d) => d.severity),
    ['warning'],
  );
});

test('--mode production overrides a file named for development', () => {
  const cwd = workspace({ '.env.development': ENV });
  const named = checkJson(['--product', 'agentim', '.'], { cwd });
  const forced = checkJson(['--product', 'agentim', '--mode', 'production', '.'], { cwd });
  assert.equal(named.status, 0);
  assert.equal(forced.status, 1);
});
