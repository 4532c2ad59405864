import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { progressLine, progressText, PROGRESS_MIN_FILES } from '../../server/src/cli/progress';
import { BUILT_CLI } from '../builtHosts';
import { runCli, workspace } from './run';

const CLEAR = '\r\u001b[K';

function largeTree(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < PROGRESS_MIN_FILES + 10; i++) files[`app${i}/.env`] = `APP_NAME=app${i}\n`;
  return workspace(files);
}

test('the progress line is rewritten in place, throttled, and erased at the end', () => {
  const written: string[] = [];
  let time = 0;
  const line = progressLine((text) => written.push(text), true, () => time)!;
  line.update(0, 100);
  time += 10;
  line.update(1, 100); // too soon: not shown
  time += 200;
  line.update(2, 100);
  line.update(100, 100); // the last count is always shown
  line.clear();
  assert.deepEqual(written, [progressText(0, 100), progressText(2, 100), progressText(100, 100), CLEAR]);
  assert.equal(progressText(2, 100), `${CLEAR}deploy-doctor: checked 2/100 files`);
});

test('no progress line without a terminal, nor for a small tree', () => {
  assert.equal(progressLine(() => assert.fail('written'), false), undefined);
  const written: string[] = [];
  const line = progressLine((text) => written.push(text), true)!;
  line.update(0, PROGRESS_MIN_FILES - 1);
  line.clear();
  assert.deepEqual(written, []);
});

test('a terminal on stderr shows the progress line there, erased before the report; stdout stays clean', (t) => {
  const cwd = largeTree();
  // stderr on a pseudo-terminal, stdout a pipe: what a user piping JSON to a file sees.
  const script = [
    'import os, pty, subprocess, sys',
    'master, slave = pty.openpty()',
    'p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=slave)',
    'os.close(slave)',
    'err = b""',
    'while True:',
    '    try:',
    '        chunk = os.read(master, 65536)',
    '    except OSError:',
    '        break',
    '    if not chunk:',
    '        break',
    '    err += chunk',
    'out = p.stdout.read()',
    'p.wait()',
    'sys.stdout.write(repr((p.returncode, out.decode(), err.decode())))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, process.execPath, BUILT_CLI, 'check', '--format', 'json', '.'], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    t.skip(`python3 is not available here (${result.error.message})`);
    return;
  }
  assert.equal(result.status, 0, result.stderr);
  const parsed = /^\((\d+), '(.*)', '(.*)'\)$/s.exec(result.stdout);
  assert.ok(parsed, result.stdout);
  const [, status, stdout, stderr] = parsed;
  assert.equal(status, '0');
  assert.match(stdout!, /^\{"version":1,"diagnostics":\[\]\}/, 'JSON on stdout has no progress in it');
  assert.match(stderr!, /deploy-doctor: checked \d+\/60 files/);
  assert.match(stderr!, /checked 60\/60 files/);
  assert.ok(stderr!.endsWith('\\r\\x1b[K'), `the line is erased at the end: ${stderr}`);
});

test('without a terminal, stderr has no progress line', () => {
  const run = runCli(['check', '.'], { cwd: largeTree() });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
});
