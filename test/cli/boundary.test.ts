import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, workspace } from './run';

/*
 * Links and references that leave the checked tree are not read: a temp tree `w` beside a
 * folder `outside` holding canary files, whose text must appear in no output.
 */
const CANARY = `CANARY-${Math.random().toString(36).slice(2)}`;
const CANARY_TEXT = `https://user:${CANARY}@github.com\n${CANARY}\n`;
const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

function canaryTree(): { cwd: string; outside: string } {
  const cwd = workspace({
    'outside/.env': `${CANARY}=${CANARY}\n${CANARY_TEXT}`,
    'outside/compose.yaml': `services:\n  ${CANARY}:\n    image: ${CANARY}\n${CANARY_TEXT}`,
    'outside/x.conf': `${CANARY_TEXT}server { ${CANARY} }\n`,
    'outside/credentials': CANARY_TEXT,
    'outside/dir/nginx.conf': CANARY_TEXT,
    'w/stack/docker-compose.yml': [
      'include:',
      '  - ../../outside/compose.yaml',
      '  - path: OUTSIDE_ABS/compose.yaml',
      'services:',
      '  app:',
      '    image: nginx:${TAG}',
      '    env_file:',
      '      - ../../outside/.env',
      '      - OUTSIDE_ABS/.env',
      '',
    ].join('\n'),
    'w/site/nginx.conf': 'events {}\nhttp {\n    include OUTSIDE_ABS/*.conf;\n    include ../../outside/x.conf;\n    include OUTSIDE_ABS/x.conf;\n}\n',
    'w/inside/real.env': 'INSIDE=1\n',
  });
  const outside = join(cwd, 'outside');
  const composePath = join(cwd, 'w/stack/docker-compose.yml');
  writeFileSync(composePath, readText(composePath).replaceAll('OUTSIDE_ABS', outside));
  const nginxPath = join(cwd, 'w/site/nginx.conf');
  writeFileSync(nginxPath, readText(nginxPath).replaceAll('OUTSIDE_ABS', outside));
  mkdirSync(join(cwd, 'w/links'));
  symlinkSync(join(outside, 'credentials'), join(cwd, 'w/links/nginx.conf'));
  symlinkSync(join(outside, 'credentials'), join(cwd, 'w/links/.env'));
  symlinkSync(join(outside, 'credentials'), join(cwd, 'w/links/compose.yaml'));
  symlinkSync(join(outside, 'dir'), join(cwd, 'w/etclink'));
  symlinkSync(join(outside, '.env'), join(cwd, 'w/stack/.env'));
  return { cwd, outside };
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

test('links and references out of the checked tree are not read: the canary is in no format nor on stderr', { skip: process.platform === 'win32' }, () => {
  const { cwd } = canaryTree();
  for (const format of FORMATS) {
    const run = runCli(['check', '--format', format, 'w'], { cwd });
    assert.ok(!run.stdout.includes(CANARY), `${format} stdout quotes the canary`);
    assert.ok(!run.stderr.includes(CANARY), `${format} stderr quotes the canary`);
    assert.ok(run.status === 0 || run.status === 1, `${format} exit ${run.status}: ${run.stderr}`);
  }
});

test('each link out is named on stderr as written, and each reference out is reported', { skip: process.platform === 'win32' }, () => {
  const { cwd, outside } = canaryTree();
  const run = runCli(['check', '--format', 'json', 'w'], { cwd });
  for (const link of ['w/links/nginx.conf', 'w/links/.env', 'w/links/compose.yaml', 'w/etclink', 'w/stack/.env']) {
    assert.ok(run.stderr.includes(`deploy-doctor: note: skipped ${link}: a link to outside the checked tree; not followed\n`), `${link} not noted:\n${run.stderr}`);
  }
  // Read on the side (the compose include, the .env beside compose, the env_files): a note each.
  for (const side of ['outside/compose.yaml', 'outside/.env']) {
    assert.ok(run.stderr.includes(`deploy-doctor: note: ${side} (read by a checked file): outside the checked tree; not read\n`), `${side} not noted:\n${run.stderr}`);
  }
  const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { file: string; rule: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }).diagnostics;
  const outsideTree = diagnostics
    .filter((diagnostic) => diagnostic.rule === 'reference/outside-tree')
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const absolute = (path: string) => `${outside}/${path}`;
  assert.deepEqual(
    outsideTree.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.endLine, diagnostic.endColumn]),
    [
      // The include, relative and absolute; the `.env` link beside the file at `${TAG}`; the env_files.
      ['w/site/nginx.conf', 4, 13, 4, 13 + '../../outside/x.conf'.length],
      ['w/site/nginx.conf', 5, 13, 5, 13 + absolute('x.conf').length],
      ['w/stack/docker-compose.yml', 2, 5, 2, 5 + '../../outside/compose.yaml'.length],
      ['w/stack/docker-compose.yml', 3, 11, 3, 11 + absolute('compose.yaml').length],
      ['w/stack/docker-compose.yml', 6, 18, 6, 24],
      ['w/stack/docker-compose.yml', 8, 9, 8, 9 + '../../outside/.env'.length],
      ['w/stack/docker-compose.yml', 9, 9, 9, 9 + absolute('.env').length],
    ],
  );
  assert.equal(outsideTree[2]!.message, 'The `include` `../../outside/compose.yaml` leads outside the checked tree: it is not read, so what it declares is not checked.');
  assert.match(outsideTree[4]!.message, /^The `\.env` beside this compose file leads outside the checked tree: it is not read, so whether it sets `TAG`/);
  assert.match(outsideTree[5]!.message, /^The `env_file` `\.\.\/\.\.\/outside\/\.env` of service `app` leads outside the checked tree: it is not read/);
  assert.ok(outsideTree.every((diagnostic) => !diagnostic.message.includes(CANARY)));
  // Neither a missing file nor an undefined variable: the files exist, and the `.env` may set TAG.
  assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.rule === 'compose/env-file-missing' || diagnostic.rule === 'compose/undefined-variable'), []);
});

test('a file named on the command line that links out of the tree is refused, exit 2', { skip: process.platform === 'win32' }, () => {
  const { cwd } = canaryTree();
  const run = runCli(['check', 'w/links/nginx.conf'], { cwd });
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'deploy-doctor: w/links/nginx.conf: outside the checked tree; not read\n');
  assert.ok(!run.stdout.includes(CANARY));
});

test('links inside the tree that point inside it are still followed', { skip: process.platform === 'win32' }, () => {
  const { cwd } = canaryTree();
  symlinkSync(join(cwd, 'w/inside'), join(cwd, 'w/inside-link'));
  symlinkSync(join(cwd, 'w/inside/real.env'), join(cwd, 'w/linked.env'));
  const run = runCli(['check', '--format', 'json', 'w'], { cwd });
  assert.ok(!run.stderr.includes('w/inside-link'), run.stderr);
  assert.ok(!run.stderr.includes('w/linked.env'), run.stderr);
  const named = runCli(['check', '--format', 'json', 'w/linked.env', 'w/inside-link'], { cwd });
  assert.equal(named.status, 0, named.stderr);
  assert.equal(named.stderr, '');
});
