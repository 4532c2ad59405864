import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { JWT_SECRET_ENV, PLACEHOLDER_FALLBACK_COMPOSE as COMPOSE } from './fixtures';
import { checkJson, runCli, workspace } from './run';

const BROKEN_ENV = 'APP_NAME=demo\nthis line has no equals sign\n';

test('--stdin checks the text as the file --stdin-filename names, in every format', () => {
  const cwd = workspace({ 'app/.env': 'APP_NAME=on-disk-and-clean\n' });
  const stdin = ['--stdin', '--stdin-filename', 'app/.env'];
  const args = ['check', ...stdin];
  const json = checkJson(stdin, { cwd, input: BROKEN_ENV });
  assert.equal(json.status, 1, json.stderr);
  assert.deepEqual(json.diagnostics.map((d) => [d.file, d.rule, d.line, d.column]), [['app/.env', 'env/syntax', 2, 1]]);

  const text = runCli(args, { cwd, input: BROKEN_ENV });
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^app\/\.env  \(production\)\n  2:1  error .* env\/syntax$/m);

  const github = runCli([...args, '--format', 'github'], { cwd, input: BROKEN_ENV });
  assert.match(github.stdout, /^::error file=app\/\.env,line=2,/m);

  const sarif = runCli([...args, '--format', 'sarif'], { cwd, input: BROKEN_ENV });
  const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const result = log.runs[0]!.results[0]!;
  assert.equal(result.ruleId, 'env/syntax');
  assert.match(result.locations[0]!.physicalLocation.artifactLocation.uri, /app\/\.env$/);
});

test('--stdin exits 0 on a clean text and drops a UTF-8 byte-order mark', () => {
  const cwd = workspace({});
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('APP_NAME=demo\n')]);
  const run = checkJson(['--stdin', '--stdin-filename', '.env'], { cwd, input: bom });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.diagnostics, []);
});

test('a compose file on stdin sees the .env beside its name on disk', () => {
  const rules = (cwd: string) => checkJson(['--stdin', '--stdin-filename', 'docker-compose.yml'], { cwd, input: COMPOSE }).diagnostics.map((d) => d.rule);
  assert.ok(rules(workspace({})).includes('secret/placeholder'));
  assert.ok(!rules(workspace({ '.env': JWT_SECRET_ENV })).includes('secret/placeholder'));
});

test('--stdin without --stdin-filename, or with paths, is a usage error', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  const noName = runCli(['check', '--stdin'], { cwd, input: BROKEN_ENV });
  assert.equal(noName.status, 2);
  assert.match(noName.stderr, /--stdin needs --stdin-filename/);
  const withPath = runCli(['check', '--stdin', '--stdin-filename', '.env', '.env'], { cwd, input: BROKEN_ENV });
  assert.equal(withPath.status, 2);
  assert.match(withPath.stderr, /--stdin takes no paths/);
  const nameAlone = runCli(['check', '--stdin-filename', '.env'], { cwd, input: BROKEN_ENV });
  assert.equal(nameAlone.status, 2);
});
