import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { BUILT_CLI } from '../builtHosts';
import { workspace, type CliRun } from './run';

function runWithStdin(args: readonly string[], input: string | Uint8Array, cwd: string): CliRun {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...env } = process.env;
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, env, input, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BROKEN_ENV = 'APP_NAME=demo\nthis line has no equals sign\n';
const COMPOSE = [
  'services:',
  '  core:',
  '    image: edwardvaneechoud/flowfile-core:latest',
  '    environment:',
  '      JWT_SECRET_KEY: ${JWT_SECRET_KEY:-flowfile-dev-secret-change-in-production}',
  '',
].join('\n');

interface JsonOutput {
  readonly diagnostics: readonly { file: string; rule: string; line: number; column: number }[];
}

test('--stdin checks the text as the file --stdin-filename names, in every format', () => {
  const cwd = workspace({ 'app/.env': 'APP_NAME=on-disk-and-clean\n' });
  const args = ['check', '--stdin', '--stdin-filename', 'app/.env'];
  const json = runWithStdin([...args, '--format', 'json'], BROKEN_ENV, cwd);
  assert.equal(json.status, 1, json.stderr);
  const parsed = JSON.parse(json.stdout) as JsonOutput;
  assert.deepEqual(parsed.diagnostics.map((d) => [d.file, d.rule, d.line, d.column]), [['app/.env', 'env/syntax', 2, 1]]);

  const text = runWithStdin(args, BROKEN_ENV, cwd);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^app\/\.env  \(production\)\n  2:1  error .* env\/syntax$/m);

  const github = runWithStdin([...args, '--format', 'github'], BROKEN_ENV, cwd);
  assert.match(github.stdout, /^::error file=app\/\.env,line=2,/m);

  const sarif = runWithStdin([...args, '--format', 'sarif'], BROKEN_ENV, cwd);
  const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const result = log.runs[0]!.results[0]!;
  assert.equal(result.ruleId, 'env/syntax');
  assert.match(result.locations[0]!.physicalLocation.artifactLocation.uri, /app\/\.env$/);
});

test('--stdin exits 0 on a clean text and drops a UTF-8 byte-order mark', () => {
  const cwd = workspace({});
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('APP_NAME=demo\n')]);
  const run = runWithStdin(['check', '--stdin', '--stdin-filename', '.env', '--format', 'json'], bom, cwd);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual((JSON.parse(run.stdout) as JsonOutput).diagnostics, []);
});

test('a compose file on stdin sees the .env beside its name on disk', () => {
  const secret = 'JWT_SECRET_KEY=0f5e2b8c9d7a4e1f3b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a\n';
  const args = ['check', '--stdin', '--stdin-filename', 'docker-compose.yml', '--format', 'json'];
  const rules = (cwd: string) => (JSON.parse(runWithStdin(args, COMPOSE, cwd).stdout) as JsonOutput).diagnostics.map((d) => d.rule);
  assert.ok(rules(workspace({})).includes('secret/placeholder'));
  assert.ok(!rules(workspace({ '.env': secret })).includes('secret/placeholder'));
});

test('--stdin without --stdin-filename, or with paths, is a usage error', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  const noName = runWithStdin(['check', '--stdin'], BROKEN_ENV, cwd);
  assert.equal(noName.status, 2);
  assert.match(noName.stderr, /--stdin needs --stdin-filename/);
  const withPath = runWithStdin(['check', '--stdin', '--stdin-filename', '.env', '.env'], BROKEN_ENV, cwd);
  assert.equal(withPath.status, 2);
  assert.match(withPath.stderr, /--stdin takes no paths/);
  const nameAlone = runWithStdin(['check', '--stdin-filename', '.env'], BROKEN_ENV, cwd);
  assert.equal(nameAlone.status, 2);
});
