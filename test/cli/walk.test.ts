import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkJson, runCli, workspace } from './run';

/** The files with findings: every file below has an env/syntax error, so this is every file checked. */
function checkedFiles(cwd: string, args: readonly string[] = ['.']): string[] {
  return [...new Set(checkJson(args, { cwd }).diagnostics.map((d) => d.file))].sort();
}

const BROKEN = 'this is not an env line\n';

test('directories are walked; node_modules and .git are skipped', () => {
  const cwd = workspace({
    '.env': BROKEN,
    'services/api/.env.production': BROKEN,
    'node_modules/some-lib/.env': BROKEN,
    'services/api/node_modules/x/.env': BROKEN,
    '.git/.env': BROKEN,
  });
  assert.deepEqual(checkedFiles(cwd), ['.env', 'services/api/.env.production']);
});

test('what .gitignore files ignore is skipped, nested ones relative to their folder, negations honoured', () => {
  const cwd = workspace({
    '.gitignore': '*.local.env\nbuild/\n',
    'app.env': BROKEN,
    'dev.local.env': BROKEN,
    'build/.env': BROKEN,
    'deploy/.gitignore': '/.env.staging\n!keep.local.env\n',
    'deploy/.env.staging': BROKEN,
    'deploy/keep.local.env': BROKEN,
    'deploy/nested/.env.staging': BROKEN,
  });
  assert.deepEqual(checkedFiles(cwd), ['app.env', 'deploy/keep.local.env', 'deploy/nested/.env.staging']);
});

test('the .gitignore files of parent folders apply when a subfolder is checked inside a git repository', () => {
  const cwd = workspace({ '.gitignore': 'secret.env\n', 'sub/secret.env': BROKEN, 'sub/app.env': BROKEN });
  mkdirSync(join(cwd, '.git'));
  assert.deepEqual(checkedFiles(join(cwd, 'sub')), ['app.env']);
});

test('a path named explicitly is checked even when ignored, and ignored config files are mentioned', () => {
  const cwd = workspace({ '.gitignore': '.env\n', '.env': BROKEN, 'app.env': BROKEN });
  const walked = runCli(['check', '.'], { cwd });
  assert.match(walked.stderr, /note: \.gitignore excludes \.env; name a file to check it/);
  assert.doesNotMatch(walked.stdout, /^\.env/m);
  assert.deepEqual(checkedFiles(cwd, ['.env', '.']), ['.env', 'app.env']);
});

test('a binary file is skipped with the reason on stderr and does not change the exit code', () => {
  const cwd = workspace({ 'nginx.conf': new Uint8Array([0x68, 0x74, 0x74, 0x70, 0x00, 0xff, 0x10]), '.env': 'APP_NAME=demo\n' });
  const run = runCli(['check', '.'], { cwd });
  assert.equal(run.status, 0, run.stdout);
  assert.equal(run.stderr, 'deploy-doctor: skipped nginx.conf: binary content (NUL bytes); not checked\n');
});

test('a file over the size limit is skipped with the reason', () => {
  const cwd = workspace({ '.env': `BIG=${'x'.repeat(5 * 1024 * 1024)}\n` });
  const run = runCli(['check', '.'], { cwd });
  assert.equal(run.status, 0);
  assert.match(run.stderr, /^deploy-doctor: skipped \.env: larger than 5 MB; not checked\n$/);
});

test('a named file of no kind the checker knows is reported as skipped; unnamed ones are ignored silently', () => {
  const cwd = workspace({ 'README.md': '# hello\n', 'notes.txt': 'x\n' });
  const named = runCli(['check', 'README.md'], { cwd });
  assert.equal(named.status, 0);
  assert.equal(named.stderr, 'deploy-doctor: skipped README.md: not an env, TOML, compose or nginx file; not checked\n');
  assert.equal(runCli(['check', '.'], { cwd }).stderr, '');
});

test('a file whose name says nothing is checked when its content is nginx', () => {
  // An unused suppression is reported in every kind of file: it shows which files were checked.
  const marker = '# deploy-doctor disable-next-line env/duplicate-key\n';
  const cwd = workspace({
    'proxy/site': `${marker}server {\n    listen 80;\n    location / {\n        proxy_pass http://app:8000;\n    }\n}\n`,
    'proxy/LICENSE': `${marker}MIT License\n\nPermission is hereby granted;\n`,
    'proxy/image': new Uint8Array([0x73, 0x65, 0x72, 0x76, 0x65, 0x72, 0x20, 0x7b, 0x00, 0x3b, 0x0a]),
  });
  const run = checkJson(['.'], { cwd });
  const checked = run.diagnostics.filter((d) => d.rule === 'deploy-doctor/unused-disable').map((d) => d.file);
  assert.deepEqual(checked, ['proxy/site']);
  assert.equal(run.stderr, '', 'a binary file is not sniffed, so not reported either');
});

test('each file is checked once, however it is reached', () => {
  const cwd = workspace({ 'a/.env': BROKEN });
  const diagnostics = checkJson(['a', 'a/.env', '.', './a/../a/.env'], { cwd }).diagnostics;
  assert.equal(diagnostics.length, 1);
});

test('a symbolic link loop between folders does not hang the walk', async () => {
  const { symlinkSync } = await import('node:fs');
  const cwd = workspace({ 'a/.env': BROKEN });
  symlinkSync('..', join(cwd, 'a', 'up'));
  writeFileSync(join(cwd, 'b.env'), BROKEN);
  assert.deepEqual(checkedFiles(cwd), ['a/.env', 'b.env']);
});
