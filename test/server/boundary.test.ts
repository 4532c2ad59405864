import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { LspSession } from './lspSession';

/*
 * The language server's boundary is its workspace folder `w`: links and references from inside it
 * to a sibling folder `outside` holding canary files are not read, so the canary appears in no
 * message the server sends (diagnostics, hovers, code actions, logs, shown messages).
 */
const CANARY = `CANARY-${Math.random().toString(36).slice(2)}`;
const CANARY_TEXT = `https://user:${CANARY}@github.com\n${CANARY}\n`;
const roots: string[] = [];
const sessions: LspSession[] = [];
after(async () => {
  for (const session of sessions) await session.stop();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const COMPOSE = [
  'include:',
  '  - ../outside/compose.yaml',
  '  - path: OUTSIDE_ABS/compose.yaml',
  'services:',
  '  app:',
  '    image: nginx:1.27',
  '    env_file:',
  '      - ../outside/.env',
  '      - OUTSIDE_ABS/.env',
  '    environment:',
  '      TOKEN: ${TOKEN}',
  '',
].join('\n');
const NGINX = 'events {}\nhttp {\n    include OUTSIDE_ABS/*.conf;\n    include ../outside/x.conf;\n    include OUTSIDE_ABS/x.conf;\n}\n';

function canaryTree(): { folder: string; outside: string; compose: string; nginx: string } {
  const root = mkdtempSync(join(tmpdir(), 'dd-lsp-boundary-'));
  roots.push(root);
  const outside = join(root, 'outside');
  const folder = join(root, 'w');
  const files: Record<string, string> = {
    'outside/.env': `TOKEN=${CANARY}\n${CANARY}=${CANARY}\n${CANARY_TEXT}`,
    'outside/compose.yaml': `services:\n  ${CANARY}:\n    image: ${CANARY}\n${CANARY_TEXT}`,
    'outside/x.conf': `${CANARY_TEXT}server { ${CANARY} }\n`,
    'outside/credentials': CANARY_TEXT,
    'outside/dir/nginx.conf': CANARY_TEXT,
    'outside/dir/.env': `${CANARY}=1\n${CANARY_TEXT}`,
    'w/compose.yaml': COMPOSE.replaceAll('OUTSIDE_ABS', outside),
    'w/nginx.conf': NGINX.replaceAll('OUTSIDE_ABS', outside),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  mkdirSync(join(folder, 'links'));
  for (const name of ['nginx.conf', '.env', 'compose.yaml']) symlinkSync(join(outside, 'credentials'), join(folder, 'links', name));
  symlinkSync(join(outside, 'dir'), join(folder, 'etclink'));
  // The `.env` beside the compose file, read for its interpolation, is a link out.
  symlinkSync(join(outside, '.env'), join(folder, '.env'));
  return { folder, outside, compose: join(folder, 'compose.yaml'), nginx: join(folder, 'nginx.conf') };
}

/** The 0-based range of the first `needle` in `text`. */
function rangeOf(text: string, needle: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line]!.length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

test('links and references out of the workspace folder are not read: the canary is in no message the server sends', { skip: process.platform === 'win32' }, async () => {
  const tree = canaryTree();
  const started = await LspSession.start({ folder: tree.folder, settings: { deployDoctor: { debounceMs: 20 } } });
  const session = started.session;
  sessions.push(session);
  const shown: string[] = [];
  session.connection.onNotification('window/showMessage', (params: { message: string }) => {
    shown.push(params.message);
  });
  // The index walks the folder: the links out are not indexed (only the two real files are).
  await session.waitForLog(/^indexed \d+ configuration files in 1 folders/, 10_000);
  assert.ok(session.logs.some((line) => /^indexed 2 configuration files in 1 folders/.test(line)), JSON.stringify(session.logs));

  const composeUri = pathToFileURL(tree.compose).href;
  const nginxUri = pathToFileURL(tree.nginx).href;
  const composeText = readFileSync(tree.compose, 'utf8');
  const nginxText = readFileSync(tree.nginx, 'utf8');
  const compose = await session.openChecked(composeUri, composeText, 'dockercompose', 10_000);
  const nginx = await session.openChecked(nginxUri, nginxText, 'nginx', 10_000);

  // Each reference out of the folder is reported on its exact range: the includes, the env_files,
  // and the `.env` link beside the compose file at the variable it would have to set.
  const outsideTree = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.filter((diagnostic) => diagnostic.code === 'reference/outside-tree').sort((a, b) => a.range.start.line - b.range.start.line);
  assert.deepEqual(
    outsideTree(compose.diagnostics).map((diagnostic) => diagnostic.range),
    [
      rangeOf(composeText, '../outside/compose.yaml'),
      rangeOf(composeText, `${tree.outside}/compose.yaml`),
      rangeOf(composeText, '../outside/.env'),
      rangeOf(composeText, `${tree.outside}/.env`),
      rangeOf(composeText, '${TOKEN}'),
    ],
  );
  assert.deepEqual(
    outsideTree(nginx.diagnostics).map((diagnostic) => diagnostic.range),
    [rangeOf(nginxText, '../outside/x.conf'), rangeOf(nginxText, `${tree.outside}/x.conf`)],
  );
  for (const diagnostic of [...compose.diagnostics, ...nginx.diagnostics].filter((d) => d.code === 'reference/outside-tree')) {
    assert.match(String(diagnostic.message), /leads outside the checked tree: it is not read/);
    assert.equal(diagnostic.severity, 2);
  }
  assert.match(String(outsideTree(compose.diagnostics)[4]!.message), /^The `\.env` beside this compose file leads outside the checked tree: it is not read, so whether it sets `TOKEN`/);

  // Ask for everything a user can see: hovers over every reference, code actions on every line.
  const probes: [string, string, string][] = [
    [composeUri, composeText, '../outside/compose.yaml'],
    [composeUri, composeText, `${tree.outside}/compose.yaml`],
    [composeUri, composeText, '../outside/.env'],
    [composeUri, composeText, 'TOKEN}'],
    [nginxUri, nginxText, `${tree.outside}/*.conf`],
    [nginxUri, nginxText, '../outside/x.conf'],
    [nginxUri, nginxText, `${tree.outside}/x.conf`],
  ];
  const answers: unknown[] = [];
  for (const [uri, text, needle] of probes) {
    const range = rangeOf(text, needle);
    answers.push(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: range.start }));
  }
  for (const [uri, published] of [[composeUri, compose.diagnostics], [nginxUri, nginx.diagnostics]] as [string, Diagnostic[]][]) {
    const lines = (uri === composeUri ? composeText : nginxText).split('\n').length;
    const range = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
    answers.push(await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: published } }));
    answers.push(await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } }));
  }
  // Ask about the links themselves too: the server reads none of them.
  for (const link of ['links/nginx.conf', 'links/.env', 'links/compose.yaml', 'etclink/nginx.conf', 'etclink/.env', '.env']) {
    answers.push(await session.request('deployDoctor/fileInfo', { uri: pathToFileURL(join(tree.folder, link)).href }));
  }

  assert.ok(session.alive, session.stderr);
  assert.ok(!JSON.stringify(answers).includes(CANARY), `an answer quotes the canary: ${JSON.stringify(answers)}`);
  for (const [uri, params] of session.diagnostics) assert.ok(!JSON.stringify(params).includes(CANARY), `diagnostics of ${uri} quote the canary`);
  assert.ok(!session.logs.join('\n').includes(CANARY), 'a log line quotes the canary');
  assert.ok(!shown.join('\n').includes(CANARY), 'a shown message quotes the canary');
  // Every byte the server wrote, requests and notifications alike.
  assert.ok(!session.traffic.includes(CANARY), 'the server sent the canary');
  assert.ok(!session.stderr.includes(CANARY), 'the server printed the canary on stderr');
  // The refused files may exist and set `${TOKEN}`: neither is called missing nor undefined.
  assert.deepEqual(compose.diagnostics.filter((diagnostic) => diagnostic.code === 'compose/env-file-missing' || diagnostic.code === 'compose/undefined-variable'), []);
});
