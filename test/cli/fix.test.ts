import { strict as assert } from 'node:assert';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { Engine, type FixSafety } from '../../server/src/engine';
import { checkPaths } from '../../server/src/cli/check';
import { checkJson, runCli, workspace, type JsonDiagnostic } from './run';

/** A copy of `source` in a temporary folder, removed when the test file ends. */
function copyOf(source: string): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-fix-')));
  cpSync(source, root, { recursive: true });
  after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Every file's bytes under `root`, by relative path. */
function snapshot(root: string, folder = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(root, folder))) {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) for (const [inner, bytes] of snapshot(root, path)) files.set(inner, bytes);
    else files.set(path, readFileSync(join(root, path)).toString('base64'));
  }
  return files;
}

/** `rule message` of each finding the CLI's --fix of these kinds should remove: a preferred fix editing only its own file. */
function fixableFindings(root: string, safeties: readonly FixSafety[]): Map<string, string[]> {
  const report = checkPaths(new Engine(), ['.'], {}, root);
  const byFile = new Map<string, string[]>();
  for (const file of report.checked) {
    const fixable = file.result.diagnostics.filter((diagnostic) => {
      const fix = diagnostic.fixes.find((candidate) => candidate.isPreferred);
      return fix !== undefined && safeties.includes(fix.safety) && fix.changes.every((change) => change.uri === file.result.uri) && fix.changes.some((change) => change.edits.length > 0);
    });
    if (fixable.length > 0) byFile.set(file.display, fixable.map((diagnostic) => `${diagnostic.rule} ${diagnostic.message}`));
  }
  return byFile;
}

const key = (diagnostic: JsonDiagnostic) => `${diagnostic.rule} ${diagnostic.message}`;

function count(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** --fix on a copy of `source`: the fixable findings go, no error appears, a second --fix changes nothing. */
function fixesTree(source: string, fixType: string[], safeties: readonly FixSafety[]): void {
  const root = copyOf(source);
  const before = checkJson(['--no-config', '.'], { cwd: root }).diagnostics;
  const fixable = fixableFindings(root, safeties);
  assert.ok(fixable.size > 0, 'nothing to fix in the copy');
  const run = runCli(['check', '--no-config', '--fix', ...fixType, '.'], { cwd: root });
  assert.notEqual(run.status, 2, run.stderr);
  assert.match(run.stderr, /^deploy-doctor: fixed /m);
  const afterFix = checkJson(['--no-config', '.'], { cwd: root }).diagnostics;
  for (const [file, findings] of fixable) {
    const left = count(afterFix.filter((diagnostic) => diagnostic.file === file).map(key));
    const had = count(before.filter((diagnostic) => diagnostic.file === file).map(key));
    for (const [finding, fixableCount] of count(findings)) {
      assert.ok((left.get(finding) ?? 0) <= (had.get(finding) ?? 0) - fixableCount, `${file}: still reports ${finding}`);
    }
  }
  const errorsBefore = count(before.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.file} ${key(diagnostic)}`));
  const newErrors = afterFix.filter((diagnostic) => diagnostic.severity === 'error' && !errorsBefore.has(`${diagnostic.file} ${key(diagnostic)}`));
  assert.deepEqual(newErrors, []);

  const fixedOnce = snapshot(root);
  const again = runCli(['check', '--no-config', '--fix', ...fixType, '.'], { cwd: root });
  assert.doesNotMatch(again.stderr, /fixed/);
  assert.deepEqual(snapshot(root), fixedOnce);
}

test('--fix on a copy of examples/: safe fixes only', () => fixesTree(resolve('examples'), [], ['safe']));
test('--fix --fix-type all on a copy of examples/', () => fixesTree(resolve('examples'), ['--fix-type', 'all'], ['safe', 'secret', 'choice']));

const CORPUS = resolve('../shared/corpus');
test('--fix on a copy of the corpus', { skip: !existsSync(CORPUS) && '../shared/corpus is absent' }, () => fixesTree(CORPUS, [], ['safe']));
test('--fix --fix-type all on a copy of the corpus', { skip: !existsSync(CORPUS) && '../shared/corpus is absent' }, () => fixesTree(CORPUS, ['--fix-type', 'all'], ['safe', 'secret', 'choice']));

const TRAILING = 'APP_NAME=demo   \nPORT=8080\n';

test('--fix-dry-run prints the diff and writes nothing', () => {
  const cwd = workspace({ 'app/.env': TRAILING });
  const run = runCli(['check', '--fix-dry-run', 'app'], { cwd });
  assert.equal(run.stdout, '--- a/app/.env\n+++ b/app/.env\n@@ -1,2 +1,2 @@\n-APP_NAME=demo   \n+APP_NAME=demo\n PORT=8080\n');
  assert.equal(run.stderr, 'deploy-doctor: would fix app/.env: 1 fix (env/value-format 1)\n');
  assert.equal(run.status, 0, 'nothing would be left');
  assert.equal(readFileSync(join(cwd, 'app/.env'), 'utf8'), TRAILING);
});

const AGENTIM = '# deploy-doctor product=agentim\nDATABASE_URL=postgres://u@db/x\n';

test('a generated secret is never printed: the dry run masks it, --fix writes it', () => {
  const cwd = workspace({ '.env': AGENTIM });
  const dry = runCli(['check', '--fix-dry-run', '--fix-type', 'secrets', '.env'], { cwd });
  assert.match(dry.stdout, /^\+JWT_SECRET=<generated secret>$/m);
  assert.equal(readFileSync(join(cwd, '.env'), 'utf8'), AGENTIM);

  const fixed = runCli(['check', '--fix', '--fix-type', 'secrets', '.env'], { cwd });
  const text = readFileSync(join(cwd, '.env'), 'utf8');
  const secret = /^JWT_SECRET=(.+)$/m.exec(text)?.[1];
  assert.ok(secret && secret.length >= 32, text.replace(/=.*/g, '=…'));
  for (const output of [dry.stdout, dry.stderr, fixed.stdout, fixed.stderr]) assert.ok(!output.includes(secret), 'the generated secret was printed');
  assert.ok(!checkJson(['.env'], { cwd }).diagnostics.some((diagnostic) => diagnostic.rule === 'secret/missing' && diagnostic.message.includes('JWT_SECRET')));
});

test('the dry run never prints a secret the file already holds, in removed or context lines', () => {
  const weak = 'weak-secret-value-0001';
  const cwd = workspace({ '.env': `# deploy-doctor product=agentim\nJWT_SECRET=${weak}\nDATABASE_URL=postgres://u@db/x\nLOG_LEVEL=info \n` });
  const dry = runCli(['check', '--fix-dry-run', '--fix-type', 'secrets', '.env'], { cwd });
  assert.match(dry.stdout, /^-JWT_SECRET=<secret>$/m);
  assert.match(dry.stdout, /^\+JWT_SECRET=<generated secret>$/m);
  assert.ok(!dry.stdout.includes(weak) && !dry.stderr.includes(weak), 'the existing secret was printed');
});

test('without --fix-type secrets, secrets are not generated', () => {
  const cwd = workspace({ '.env': AGENTIM });
  const run = runCli(['check', '--fix', '.env'], { cwd });
  assert.equal(run.status, 1);
  assert.equal(readFileSync(join(cwd, '.env'), 'utf8'), AGENTIM);
});

test('a BOM and CRLF line breaks are kept, and the file\'s mode', { skip: process.platform === 'win32' }, () => {
  const cwd = workspace({ '.env': '\uFEFFAPP_NAME=demo   \r\nPORT=8080\r\n' });
  chmodSync(join(cwd, '.env'), 0o640);
  const run = runCli(['check', '--fix', '.env'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(join(cwd, '.env'), 'utf8'), '\uFEFFAPP_NAME=demo\r\nPORT=8080\r\n');
  assert.equal(statSync(join(cwd, '.env')).mode & 0o7777, 0o640);
  assert.deepEqual(readdirSync(cwd), ['.env'], 'no temporary file left');
});

test('a symbolic link is not written through: a message, exit 2', { skip: process.platform === 'win32' }, () => {
  // One repository, so the link's target is inside the checked tree and only --fix refuses it.
  const cwd = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', 'real/app.env': TRAILING, 'w/.env.keep': '' });
  symlinkSync(join(cwd, 'real/app.env'), join(cwd, 'w/.env'));
  const run = runCli(['check', '--fix', 'w/.env'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^deploy-doctor: w\/\.env: not fixed: is a symbolic link$/m);
  assert.equal(readFileSync(join(cwd, 'real/app.env'), 'utf8'), TRAILING);
});

test('--fix with nothing to fix writes nothing', () => {
  const cwd = workspace({ '.env': 'PORT=8080\n' });
  const old = new Date('2020-01-01T00:00:00Z');
  const path = join(cwd, '.env');
  utimesSync(path, old, old);
  const run = runCli(['check', '--fix', '.'], { cwd });
  assert.equal(run.status, 0);
  assert.equal(statSync(path).mtimeMs, old.getTime());
  assert.equal(run.stderr, '');
});

test('exit codes: 0 all fixed, 1 errors left', () => {
  const cwd = workspace({ 'clean/.env': TRAILING, 'left/.env': 'A=1\nA=1\nB\n' });
  assert.equal(runCli(['check', '--fix', 'clean'], { cwd }).status, 0);
  const left = runCli(['check', '--fix', '--format', 'json', 'left'], { cwd });
  assert.equal(left.status, 1);
  const remaining = JSON.parse(left.stdout) as { diagnostics: JsonDiagnostic[]; fixed: unknown };
  assert.ok(remaining.diagnostics.length > 0 && remaining.diagnostics.every((diagnostic) => diagnostic.file === 'left/.env'));
  assert.deepEqual(remaining.fixed, [{ file: 'left/.env', fixes: 1, rules: { 'env/duplicate-key': 1 } }]);
  assert.equal(left.stderr, '', 'JSON output: no summary on stderr');
});

test('a read-only file is not fixed: a message naming it, exit 2, other files still fixed', { skip: process.platform === 'win32' || (process.getuid?.() === 0 && 'root writes read-only files') }, () => {
  const cwd = workspace({ 'a/.env': TRAILING, 'b/.env': TRAILING });
  chmodSync(join(cwd, 'a/.env'), 0o444);
  const run = runCli(['check', '--fix', 'a', 'b'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^deploy-doctor: a\/\.env: not fixed: permission denied$/m);
  assert.equal(readFileSync(join(cwd, 'a/.env'), 'utf8'), TRAILING);
  assert.equal(readFileSync(join(cwd, 'b/.env'), 'utf8'), 'APP_NAME=demo\nPORT=8080\n');
});

test('usage mistakes of the fix options', () => {
  const cwd = workspace({ '.env': TRAILING });
  const unknown = runCli(['check', '--fix', '--fix-type', 'safe,layout,bogus', '.'], { cwd });
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, 'deploy-doctor: --fix-type: unknown fix types `layout`, `bogus`; use safe, secrets or all\n');
  assert.equal(runCli(['check', '--fix', '--fix-dry-run', '.'], { cwd }).status, 2);
  assert.match(runCli(['check', '--fix-type', 'all', '.'], { cwd }).stderr, /--fix-type needs --fix or --fix-dry-run/);
  assert.match(runCli(['check', '--fix-dry-run', '--format', 'json', '.'], { cwd }).stderr, /--fix-dry-run prints a diff/);
  assert.equal(readFileSync(join(cwd, '.env'), 'utf8'), TRAILING);
});

test('--help lists the fix options', () => {
  const help = runCli(['--help'], { cwd: resolve('.') }).stdout;
  for (const option of ['--fix ', '--fix-dry-run', '--fix-type safe|secrets|all']) assert.ok(help.includes(option), option);
});
