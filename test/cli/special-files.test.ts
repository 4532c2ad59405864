import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILT_CLI } from '../builtHosts';
import { workspace } from './run';

/** Runs the CLI with a short timeout: opening a FIFO used to block for ever. */
function runGuarded(args: readonly string[], cwd: string) {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...env } = process.env;
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 15_000 });
  assert.equal(result.error, undefined, `the CLI did not exit: ${String(result.error)}`);
  return result;
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

const COMPOSE = 'services:\n  app:\n    image: "nginx:${TAG}"\n';

test('a FIFO beside a compose file is not waited on; the note names it', { skip: process.platform === 'win32' }, () => {
  const cwd = workspace({ 'w/docker-compose.yml': COMPOSE });
  mkfifo(join(cwd, 'w/.env'));
  const result = runGuarded(['check', 'w'], cwd);
  assert.equal(result.status, 0, "a warning only");
  assert.match(result.stderr, /w\/\.env \(read by a checked file\): not a regular file; not read/);
});

test('a FIFO named on the command line is refused by name, exit 2', { skip: process.platform === 'win32' }, () => {
  const cwd = workspace({ 'w/docker-compose.yml': COMPOSE });
  mkfifo(join(cwd, 'w/.env'));
  const result = runGuarded(['check', 'w/.env'], cwd);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^deploy-doctor: w\/\.env: not a regular file; not read$/m);
});

test('a FIFO as a compose env_file is not waited on; the note names it', { skip: process.platform === 'win32' }, () => {
  const cwd = workspace({ 'w/docker-compose.yml': 'services:\n  app:\n    image: nginx\n    env_file: app.env\n' });
  mkfifo(join(cwd, 'w/app.env'));
  const result = runGuarded(['check', '--format', 'json', 'w'], cwd);
  assert.match(result.stderr, /w\/app\.env \(read by a checked file\): not a regular file; not read/);
  assert.doesNotThrow(() => JSON.parse(result.stdout));
});

test('a FIFO named .gitignore in the walk is not waited on', { skip: process.platform === 'win32' }, () => {
  const cwd = workspace({ 'w/.env': 'A=1\n' });
  mkfifo(join(cwd, 'w/.gitignore'));
  const result = runGuarded(['check', 'w'], cwd);
  assert.equal(result.status, 0);
});

test('when every file is unreadable, the text output says what could not be read, never "no problems"', { skip: process.platform === 'win32' }, () => {
  const cwd = workspace({});
  mkfifo(join(cwd, '.env'));
  const result = runGuarded(['check', '.env'], cwd);
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '✖ Nothing checked: could not read .env (not a regular file; not read).\n');
});

test('a FIFO named .deploy-doctor.yaml is not waited on, and a config linking out of the tree is not applied', { skip: process.platform === 'win32' }, () => {
  const fifo = workspace({ 'a.env': 'A=1\nA=2\n' });
  mkfifo(join(fifo, '.deploy-doctor.yaml'));
  const fifoRun = runGuarded(['check', '--format', 'json', '.'], fifo);
  assert.ok((JSON.parse(fifoRun.stdout) as { diagnostics: { rule: string }[] }).diagnostics.some((d) => d.rule === 'env/duplicate-key'));

  const outside = workspace({ '.deploy-doctor.yaml': 'rules:\n  env/duplicate-key: off\n' });
  const linked = workspace({ 'a.env': 'A=1\nA=2\n' });
  symlinkSync(join(outside, '.deploy-doctor.yaml'), join(linked, '.deploy-doctor.yaml'));
  const linkedRun = runGuarded(['check', '--format', 'json', '.'], linked);
  assert.ok((JSON.parse(linkedRun.stdout) as { diagnostics: { rule: string }[] }).diagnostics.some((d) => d.rule === 'env/duplicate-key'), 'the outside config turned the rule off');
});
