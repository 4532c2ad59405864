import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runCli, workspace } from './run';

test('a clean configuration exits 0', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\nLOG_LEVEL=info\n' });
  const run = runCli(['check', '.'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
});

test('an error-severity finding exits 1', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\nthis line has no equals sign\n' });
  const run = runCli(['check', '.'], { cwd });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /env\/syntax/);
});

test('warnings and hints alone exit 0', () => {
  const cwd = workspace({ '.env': '# deploy-doctor disable-next-line env/syntax\nAPP_NAME=demo\n' });
  const run = runCli(['check', '--format', 'json', '.'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    (JSON.parse(run.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule),
    ['deploy-doctor/unused-disable'],
  );
});

test('turning the only erroring rule off with --rule exits 0', () => {
  const cwd = workspace({ '.env': 'this line has no equals sign\n' });
  assert.equal(runCli(['check', '.'], { cwd }).status, 1);
  const run = runCli(['check', '--rule', 'env/syntax=off', '.'], { cwd });
  assert.equal(run.status, 0, run.stdout);
  const downgraded = runCli(['check', '--rule=env/syntax=warning', '--format', 'json', '.'], { cwd });
  assert.equal(downgraded.status, 0);
  assert.equal((JSON.parse(downgraded.stdout) as { diagnostics: { severity: string }[] }).diagnostics[0]?.severity, 'warning');
});

test('a path that does not exist exits 2 and names it', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  const run = runCli(['check', '.env', 'deploy/missing.env'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /deploy\/missing\.env: no such file or directory/);
  assert.equal(run.stderr.trim().split('\n').length, 1, 'one line on stderr');
  assert.equal(run.stdout, '', 'nothing is checked when a named path is missing');
});

test('usage errors exit 2 with one line naming the option, never a stack trace', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  const cases: [string[], RegExp][] = [
    [['check', '--frobnicate', '.'], /--frobnicate/],
    [['check', '--format', 'xml', '.'], /--format: unknown format `xml`/],
    [['check', '--format'], /--format needs a value/],
    [['check', '--product', 'wordpress', '.'], /--product: unknown product `wordpress`.*agentim/],
    [['check', '--mode', 'staging', '.'], /--mode: unknown mode `staging`/],
    [['check', '--rule', 'env/nope=off', '.'], /--rule: unknown rule `env\/nope`/],
    [['check', '--rule', 'env/syntax=fatal', '.'], /--rule: unknown severity `fatal`/],
    [['check', '--rule', 'env/syntax', '.'], /--rule: expected `rule-id=severity`/],
    [['lint', '.'], /unknown command `lint`/],
    [[], /missing command/],
    [['rules', '--product', 'agentim'], /--product is not an option of `rules`/],
  ];
  for (const [args, expected] of cases) {
    const run = runCli(args, { cwd });
    assert.equal(run.status, 2, `${args.join(' ')} → ${run.status}`);
    assert.match(run.stderr, expected, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(run.stdout, '');
  }
});

test('--help and --version answer on stdout and exit 0', () => {
  const cwd = workspace({});
  const help = runCli(['--help'], { cwd });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: deploy-doctor check/);
  assert.match(help.stdout, /--format text\|json\|sarif/);
  const version = runCli(['--version'], { cwd });
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('a named file that cannot be read exits 2 naming it, after checking the others', async () => {
  const { symlinkSync } = await import('node:fs');
  const { join } = await import('node:path');
  const cwd = workspace({ 'a/.env': 'broken line\n' });
  symlinkSync('loop.env', join(cwd, 'loop.env'));
  const run = runCli(['check', '--format', 'json', 'a', 'loop.env'], { cwd });
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'deploy-doctor: loop.env: too many levels of symbolic links\n');
  assert.deepEqual(
    (JSON.parse(run.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics.map((d) => `${d.file} ${d.rule}`),
    ['a/.env env/syntax'],
  );
});

test('an unreadable file exits 2 naming it, after checking the others', { skip: process.getuid?.() === 0 && 'root reads every file' }, async () => {
  const { chmodSync } = await import('node:fs');
  const { join } = await import('node:path');
  const cwd = workspace({ 'a/.env': 'broken line\n', 'b/.env': 'APP_NAME=demo\n' });
  chmodSync(join(cwd, 'b/.env'), 0o000);
  const run = runCli(['check', '--format', 'json', '.'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /b\/\.env: permission denied/);
  assert.equal((JSON.parse(run.stdout) as { diagnostics: { file: string }[] }).diagnostics[0]?.file, 'a/.env');
});
