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
      'services:',
      '  app:',
      '    image: nginx:1.27',
      '    env_file:',
      '      - ../../outside/.env',
      '      - OUTSIDE_ABS',
      '',
    ].join('\n'),
    'w/site/nginx.conf': 'events {}\nhttp {\n    include OUTSIDE_ABS/*.conf;\n    include ../../outside/x.conf;\n}\n',
    'w/inside/real.env': 'INSIDE=1\n',
  });
  const outside = join(cwd, 'outside');
  const composePath = join(cwd, 'w/stack/docker-compose.yml');
  writeFileSync(composePath, readText(composePath).replace('OUTSIDE_ABS', `${outside}/.env`));
  const nginxPath = join(cwd, 'w/site/nginx.conf');
  writeFileSync(nginxPath, readText(nginxPath).replace('OUTSIDE_ABS', outside));
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
  const { cwd } = canaryTree();
  const run = runCli(['check', '--format', 'json', 'w'], { cwd });
  for (const link of ['w/links/nginx.conf', 'w/links/.env', 'w/links/compose.yaml', 'w/etclink', 'w/stack/.env']) {
    assert.ok(run.stderr.includes(`deploy-doctor: note: skipped ${link}: a link to outside the checked tree; not followed\n`), `${link} not noted:\n${run.stderr}`);
  }
  // Read on the side (the compose include, the .env beside compose, the env_files): a note each.
  for (const side of ['outside/compose.yaml', 'outside/.env']) {
    assert.ok(run.stderr.includes(`deploy-doctor: note: ${side} (read by a checked file): outside the checked tree; not read\n`), `${side} not noted:\n${run.stderr}`);
  }
  const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { file: string; rule: string; line: number; column: number; message: string }[] }).diagnostics;
  const outsideEnvFiles = diagnostics.filter((diagnostic) => diagnostic.rule === 'compose/env-file-missing');
  assert.deepEqual(
    outsideEnvFiles.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.column]),
    [['w/stack/docker-compose.yml', 7, 9], ['w/stack/docker-compose.yml', 8, 9]],
  );
  assert.match(outsideEnvFiles[0]!.message, /^The `env_file` `\.\.\/\.\.\/outside\/\.env` of service `app` is outside the checked tree: it is not read/);
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
