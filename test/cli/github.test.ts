import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { runCli, workspace } from './run';

test('--format github prints one workflow command per finding, with its range and rule as title', () => {
  const cwd = workspace({ 'deploy/.env': 'APP_NAME=demo\nthis line has no equals sign\n' });
  const run = runCli(['check', '--format', 'github', '.'], { cwd });
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 1);
  assert.ok(lines.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::\S/.test(line)), run.stdout);
  const syntax = lines.find((line) => line.includes('title=env/syntax'));
  assert.ok(syntax, run.stdout);
  assert.match(syntax, /^::error file=deploy\/\.env,line=2,col=1,endLine=2,/);
});

test('--format github prints nothing for a clean tree and exits 0', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\nLOG_LEVEL=info\n' });
  const run = runCli(['check', '--format', 'github', '.'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
});

test('--format github escapes the file name in properties as GitHub documents', () => {
  const cwd = workspace({ 'a,b:c%/.env': 'this line has no equals sign\n' });
  const run = runCli(['check', '--format', 'github', '.'], { cwd });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^::error file=a%2Cb%3Ac%25\/\.env,line=1,/m);
});

test('workflow command escaping: % CR LF in data, and : , too in properties', () => {
  assert.equal(escapeData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
  assert.equal(escapeProperty('100% a\r\nb: c, d'), '100%25 a%0D%0Ab%3A c%2C d');
});

test('--max-warnings: more warnings than allowed exit 1 and say why; as many exit 0', () => {
  const cwd = workspace({ '.env': '# deploy-doctor disable-next-line env/syntax\nAPP_NAME=demo\n' });
  // One finding, deploy-doctor/unused-disable, raised to a warning.
  const args = ['check', '--rule', 'deploy-doctor/unused-disable=warning'];
  const over = runCli([...args, '--max-warnings', '0', '.'], { cwd });
  assert.equal(over.status, 1, over.stdout);
  assert.match(over.stderr, /1 warning, more than --max-warnings 0 allows/);
  const within = runCli([...args, '--max-warnings=1', '.'], { cwd });
  assert.equal(within.status, 0, within.stderr);
  assert.equal(within.stderr, '');
  assert.equal(runCli([...args, '.'], { cwd }).status, 0, 'no limit without the option');
});

test('--max-warnings takes a whole number', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  for (const value of ['-1', 'many', '1.5']) {
    const run = runCli(['check', `--max-warnings=${value}`, '.'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--max-warnings: expected a whole number/);
  }
});
