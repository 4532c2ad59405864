import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, Hover, InitializeResult, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { allRules, isFernetKey } from '../../server/src/engine';
import { applyEdits } from '../../server/src/engine/testing';
import type { FileInfo, GenerateKeyResult } from '../../server/src/lsp/protocol';
import { LspSession } from './lspSession';

const folders: string[] = [];
const sessions: LspSession[] = [];
after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function workspace(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'dd-lsp-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

async function start(options: Parameters<typeof LspSession.start>[0] = {}): Promise<{ session: LspSession; initialize: InitializeResult }> {
  const started = await LspSession.start({ settings: { deployDoctor: { debounceMs: 20 } }, ...options });
  sessions.push(started.session);
  return started;
}

const uriOf = (folder: string, name: string) => pathToFileURL(join(folder, name)).href;
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);
const ENV_TEXT = 'FOO=1\nbad line here\nFOO=2\n';

test('initialize: incremental sync, quick fixes and fix-all, hover, completion', async () => {
  const { initialize } = await start();
  const capabilities = initialize.capabilities;
  assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.ok(typeof capabilities.codeActionProvider === 'object');
  assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.deployDoctor']);
  assert.equal(capabilities.hoverProvider, true);
  assert.ok(capabilities.completionProvider);
});

test('didOpen publishes env/syntax at the exact range, with docs link and source', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env');
  const { diagnostics, version } = await session.openChecked(uri, ENV_TEXT, 'dotenv');
  assert.equal(version, 1);
  const syntax = diagnostics.find((diagnostic) => diagnostic.code === 'env/syntax');
  assert.ok(syntax, `env/syntax among ${codes(diagnostics)}`);
  assert.deepEqual(syntax.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } });
  assert.equal(syntax.severity, 1);
  assert.equal(syntax.source, 'deploy-doctor');
  assert.match(syntax.codeDescription?.href ?? '', /docs\/rules\/env\/syntax\.md$/);
  const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'env/duplicate-key');
  assert.deepEqual(duplicate?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  // Related information points at the line that wins.
  assert.deepEqual(duplicate?.relatedInformation?.map((item) => item.location.range.start.line), [2]);
});

test('an incremental didChange republishes for the new version, after the debounce', async () => {
  const folder = workspace();
  // A debounce far longer than the gap between two notifications, even on a loaded machine.
  const { session } = await start({ folder, settings: { deployDoctor: { debounceMs: 1000 } } });
  const uri = uriOf(folder, '.env');
  await session.openChecked(uri, ENV_TEXT, 'dotenv');
  const changed = session.nextDiagnostics(uri, (params) => params.version === 3);
  // Two quick edits: only the last version is checked.
  await session.change(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, 'BAR=');
  await session.change(uri, { start: { line: 1, character: 4 }, end: { line: 1, character: 13 } }, 'two');
  const { diagnostics } = await changed;
  assert.deepEqual(codes(diagnostics), ['env/duplicate-key']);
  const stale = [...session.traffic.matchAll(/"version":2\b/g)];
  assert.equal(stale.length, 0, 'version 2 was superseded before the debounce ended');
});

test('with deployDoctor.trace.server on, each check is traced with its version, finding count and time; off, nothing', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env');
  await session.openChecked(uri, ENV_TEXT, 'dotenv');
  assert.equal(session.traces.length, 0, 'tracing is off until the client turns it on');

  await session.setTrace('messages');
  const changed = session.nextDiagnostics(uri, (params) => params.version === 2);
  await session.change(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } }, 'BAR=1');
  const { diagnostics } = await changed;
  const line = session.traces.find((trace) => trace.includes('version 2'));
  assert.ok(line, `a trace for version 2 among ${JSON.stringify(session.traces)}`);
  assert.ok(line.startsWith(`checked ${uri} version 2: ${diagnostics.length} diagnostics in `), line);
  assert.match(line, / in \d+\.\d ms$/);

  await session.setTrace('off');
  const count = session.traces.length;
  const again = session.nextDiagnostics(uri, (params) => params.version === 3);
  await session.change(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '#');
  await again;
  assert.equal(session.traces.length, count, 'no trace after tracing was turned off');
});

test('code actions: the rule quick fix (preferred), disable-for-this-line, and fix all', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env');
  const { diagnostics } = await session.openChecked(uri, ENV_TEXT, 'dotenv');
  const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'env/duplicate-key')!;

  const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: duplicate.range,
    context: { diagnostics: [duplicate] },
  });
  const titles = actions.map((action) => action.title);
  assert.ok(titles.includes('Disable env/duplicate-key for this line'), titles.join(' | '));
  const quickFix = actions.find((action) => action.title === 'Delete the overridden line');
  assert.ok(quickFix, titles.join(' | '));
  assert.equal(quickFix.kind, 'quickfix');
  assert.equal(quickFix.isPreferred, true);
  assert.deepEqual(quickFix.diagnostics?.map((diagnostic) => diagnostic.code), ['env/duplicate-key']);
  assert.equal(applyEdits(ENV_TEXT, editsOf(quickFix, uri)), 'bad line here\nFOO=2\n');

  const disable = actions.find((action) => action.title === 'Disable env/duplicate-key for this line')!;
  const disabledText = applyEdits(ENV_TEXT, editsOf(disable, uri));
  assert.equal(disabledText, '# deploy-doctor disable-next-line env/duplicate-key\nFOO=1\nbad line here\nFOO=2\n');
  // Applying it silences the finding, and the comment is not reported as unused.
  const rechecked = session.nextDiagnostics(uri, (params) => params.version === 2);
  await session.change(uri, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, disabledText);
  assert.deepEqual(codes((await rechecked).diagnostics), ['env/syntax']);

  const fixAll = await session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.deepEqual(
    fixAll.map((action) => action.kind),
    [],
    'nothing left to fix: the duplicate is disabled and env/syntax has no fix',
  );
});

test('fix all: one source.fixAll.deployDoctor action with every preferred fix', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env');
  const text = 'A=1\nA=2\nB=1\nB=2\n';
  await session.openChecked(uri, text, 'dotenv');
  const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.deepEqual(actions.map((action) => [action.kind, action.title]), [['source.fixAll.deployDoctor', 'Fix all Deploy Doctor problems in this file']]);
  assert.equal(applyEdits(text, editsOf(actions[0]!, uri)), 'A=2\nB=2\n');
});

test('deployDoctor/fileInfo and setOverride: kind, product, mode and the user pick', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env.development');
  await session.openChecked(uri, 'PORT=3000\n', 'dotenv');
  const info = await session.request<FileInfo>('deployDoctor/fileInfo', { uri });
  assert.deepEqual(
    { kind: info.kind, product: info.product, mode: info.mode, override: info.override },
    { kind: 'env', product: null, mode: 'development', override: { product: null, mode: null } },
  );

  const picked = await session.request<FileInfo>('deployDoctor/setOverride', { uri, product: 'agentim', mode: 'production' });
  assert.deepEqual(
    { product: picked.product, productName: picked.productName, source: picked.productSource, mode: picked.mode },
    { product: 'agentim', productName: 'AgentIM', source: 'option', mode: 'production' },
  );
  const reset = await session.request<FileInfo>('deployDoctor/setOverride', { uri, product: null });
  assert.deepEqual({ product: reset.product, mode: reset.mode, override: reset.override }, { product: null, mode: 'production', override: { product: null, mode: 'production' } });

  const unknownFile = await session.request<FileInfo>('deployDoctor/fileInfo', { uri: uriOf(folder, 'README.md') });
  assert.equal(unknownFile.kind, null);
});

test('malformed requests get an error response and the server keeps serving', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  await assert.rejects(session.request('deployDoctor/fileInfo', { uri: 42 }), (error: { code?: number }) => error.code === -32602);
  await assert.rejects(session.request('deployDoctor/setOverride', { uri: 'file:///x/.env', product: 'no-such-product' }), (error: { code?: number }) => error.code === -32602);
  await assert.rejects(session.request('deployDoctor/generateKey', { uri: 'file:///x/.env', position: { line: -1 } }), (error: { code?: number }) => error.code === -32602);
  await assert.rejects(session.request('textDocument/hover', {}), (error: { code?: number }) => error.code === -32602);
  await assert.rejects(session.request('textDocument/codeAction', { textDocument: { uri: 'file:///x/.env' } }), (error: { code?: number }) => error.code === -32602);
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened' }, contentChanges: 'nonsense' });

  const uri = uriOf(folder, '.env');
  const opened = await session.openChecked(uri, ENV_TEXT, 'dotenv');
  assert.ok(opened.diagnostics.length > 0);
  assert.ok(session.alive);
});

test('generateKey: the schema format of the key on the line, and an edit that replaces only its value', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env');
  const text = '# Firefly Desk\nFLYDESK_CREDENTIAL_ENCRYPTION_KEY=changeme\n';
  await session.openChecked(uri, text, 'dotenv');

  const suggestion = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 1, character: 3 } });
  assert.deepEqual(suggestion, { format: 'fernet', suggestedFormat: 'fernet', key: 'FLYDESK_CREDENTIAL_ENCRYPTION_KEY' });

  const generated = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 1, character: 3 }, format: 'fernet' });
  assert.equal(generated.replacesValue, true);
  assert.deepEqual(generated.edit?.range, { start: { line: 1, character: 34 }, end: { line: 1, character: 42 } });
  assert.ok(isFernetKey(generated.edit!.newText), 'a Fernet key: URL-safe base64 of 32 bytes');

  const atCursor = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 0, character: 2 }, format: 'hex-32' });
  assert.equal(atCursor.replacesValue, false);
  assert.equal(atCursor.suggestedFormat, 'base64-32');
  assert.deepEqual(atCursor.edit?.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
  assert.match(atCursor.edit!.newText, /^[0-9a-f]{64}$/);
});

test('hover and completion: engine answers converted to LSP ranges, markdown and snippets', async () => {
  const folder = workspace();
  const { session } = await start({ folder });
  const uri = uriOf(folder, '.env');
  const text = 'FLYDESK_DEV_MODE=false\nFLYDESK_CORS\n';
  await session.openChecked(uri, text, 'dotenv');

  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
  assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*FLYDESK_DEV_MODE\*\* · Firefly Desk/);
  assert.deepEqual(hover.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } });
  assert.equal(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } }), null, 'no hover on a value');

  const items = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 12 } });
  const cors = items.find((item) => item.label === 'FLYDESK_CORS_ORIGINS');
  assert.ok(cors, `${items.length} items`);
  assert.equal(cors.insertTextFormat, 2, 'a snippet');
  assert.deepEqual(cors.textEdit && 'range' in cors.textEdit ? cors.textEdit.range : undefined, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } });
  assert.match(cors.textEdit!.newText, /^FLYDESK_CORS_ORIGINS=\$\{1:/);
});

test('per-rule severities from deployDoctor.rules, applied again on didChangeConfiguration', async () => {
  const folder = workspace();
  const { session } = await start({ folder, settings: { deployDoctor: { debounceMs: 20, rules: { 'env/syntax': 'off' } } } });
  const uri = uriOf(folder, '.env');
  const opened = await session.openChecked(uri, ENV_TEXT, 'dotenv');
  assert.deepEqual(codes(opened.diagnostics), ['env/duplicate-key']);

  session.settings = { deployDoctor: { rules: { 'env/syntax': 'hint', 'env/duplicate-key': 'off' } } };
  const republished = session.nextDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'env/syntax'));
  await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const { diagnostics } = await republished;
  assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['env/syntax', 4]]);
});

test('a multi-root workspace: each folder\'s own deployDoctor.rules and deployDoctor.products apply to its files', async () => {
  const plain = workspace();
  const quiet = workspace();
  const settings = { deployDoctor: { debounceMs: 20 } };
  const folderSettings: Record<string, Record<string, unknown>> = { [quiet]: { deployDoctor: { debounceMs: 20, rules: { 'env/syntax': 'off' }, products: { '**/.env': 'agentim' } } } };
  const { session } = await start({ folders: [plain, quiet], settings, folderSettings });
  const inPlain = uriOf(plain, '.env');
  const inQuiet = uriOf(quiet, '.env');
  assert.deepEqual(codes((await session.openChecked(inPlain, ENV_TEXT, 'dotenv')).diagnostics).sort(), ['env/duplicate-key', 'env/syntax']);
  assert.deepEqual(codes((await session.openChecked(inQuiet, ENV_TEXT, 'dotenv')).diagnostics).filter((code) => code?.toString().startsWith('env/')), ['env/duplicate-key']);
  const info = async (uri: string) => session.request<FileInfo>('deployDoctor/fileInfo', { uri });
  assert.deepEqual([(await info(inQuiet)).product, (await info(inQuiet)).productSource], ['agentim', 'setting']);
  assert.notEqual((await info(inPlain)).productSource, 'setting');

  // A change to one folder's settings reaches its files and leaves the other folder's alone.
  folderSettings[quiet] = { deployDoctor: { debounceMs: 20, rules: { 'env/syntax': 'off', 'env/duplicate-key': 'off' } } };
  const republished = session.nextDiagnostics(inQuiet, (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'env/duplicate-key'));
  await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(codes((await republished).diagnostics).filter((code) => code?.toString().startsWith('env/')), []);
  assert.deepEqual(codes(session.diagnostics.get(inPlain)!.diagnostics).sort(), ['env/duplicate-key', 'env/syntax']);
});

test('deployDoctor.files.associations and deployDoctor.products: a file kind and a product by glob', async () => {
  const folder = workspace();
  const settings = { deployDoctor: { debounceMs: 20, files: { associations: { '*.vars': 'env' } }, products: { '**/desk/**': 'firefly-desk' } } };
  const { session } = await start({ folder, settings });
  const vars = uriOf(folder, 'app.vars');
  const opened = await session.openChecked(vars, 'not a setting\n');
  assert.deepEqual(codes(opened.diagnostics), ['env/syntax']);

  const desk = uriOf(folder, 'desk/.env');
  await session.openChecked(desk, 'PORT=8000\n', 'dotenv');
  const info = await session.request<FileInfo>('deployDoctor/fileInfo', { uri: desk });
  assert.deepEqual([info.product, info.productSource], ['firefly-desk', 'setting']);
});

test('a canary secret from the file never appears in anything the server sends', async () => {
  const canary = 'Zq8xW3canaryK7v';
  const folder = workspace({ 'docker-compose.yml': `services:\n  app:\n    image: ghcr.io/example/app\n    environment:\n      JWT_SECRET: ${canary}\n` });
  const { session } = await start({ folder });
  // The trace lines (one per check) are part of what the server sends.
  await session.setTrace('verbose');
  const uri = uriOf(folder, '.env');
  const text = [`JWT_SECRET=${canary}`, `JWT_SECRET=${canary}2`, `broken ${canary} line`, `ENCRYPTION_KEY="${canary}`, `CORS_ORIGIN=*`, ''].join('\n');
  const { diagnostics } = await session.openChecked(uri, text, 'dotenv');
  assert.ok(diagnostics.length >= 2, 'the file has findings whose messages could quote it');
  const compose = uriOf(folder, 'docker-compose.yml');
  await session.openChecked(compose, `services:\n  app:\n    image: ghcr.io/example/app\n    environment:\n      JWT_SECRET: ${canary}\n`, 'dockercompose');

  for (let line = 0; line < 4; line++) {
    const position = { line, character: 12 };
    await session.request('textDocument/hover', { textDocument: { uri }, position });
    await session.request('textDocument/completion', { textDocument: { uri }, position });
    await session.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    await session.request('deployDoctor/generateKey', { uri, position });
  }
  await session.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  await session.request('deployDoctor/fileInfo', { uri });
  await session.request('textDocument/hover', { textDocument: { uri: compose }, position: { line: 4, character: 20 } });

  assert.ok(session.traffic.includes('env/duplicate-key'), 'traffic was recorded');
  assert.ok(!session.traffic.includes(canary), 'the canary appears in the server output');
  assert.ok(!session.logs.some((line) => line.includes(canary)));
  assert.ok(session.traces.length >= 2, 'checks were traced');
  assert.ok(!session.traces.some((line) => line.includes(canary)));
});

test('cross-file: editing .env re-checks the open compose file (compose/undefined-variable)', { todo: !allRules.some((rule) => rule.meta.id === 'compose/undefined-variable') && 'compose/undefined-variable is not written yet' }, async () => {
  const composeText = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n';
  const folder = workspace({ 'docker-compose.yml': composeText, '.env': 'OTHER=1\n' });
  const { session } = await start({ folder });
  const compose = uriOf(folder, 'docker-compose.yml');
  const env = uriOf(folder, '.env');
  const hasUndefined = (params: { diagnostics: Diagnostic[] }) => params.diagnostics.some((diagnostic) => diagnostic.code === 'compose/undefined-variable');

  const opened = await session.openChecked(compose, composeText, 'dockercompose');
  assert.ok(hasUndefined(opened), 'DB_PASSWORD is not in .env');

  await session.open(env, 'OTHER=1\n', 'dotenv');
  const cleared = session.nextDiagnostics(compose, (params) => !hasUndefined(params));
  await session.change(env, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, 'DB_PASSWORD=x\n');
  await cleared;

  const back = session.nextDiagnostics(compose, hasUndefined);
  await session.change(env, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, '');
  await back;
});

test('cross-file: a .env changed on disk (didChangeWatchedFiles) re-checks the open compose file', { todo: !allRules.some((rule) => rule.meta.id === 'compose/undefined-variable') && 'compose/undefined-variable is not written yet' }, async () => {
  const composeText = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n';
  const folder = workspace({ 'docker-compose.yml': composeText });
  const { session } = await start({ folder });
  const compose = uriOf(folder, 'docker-compose.yml');
  const hasUndefined = (params: { diagnostics: Diagnostic[] }) => params.diagnostics.some((diagnostic) => diagnostic.code === 'compose/undefined-variable');
  const opened = await session.openChecked(compose, composeText, 'dockercompose');
  assert.ok(hasUndefined(opened));

  writeFileSync(join(folder, '.env'), 'DB_PASSWORD=x\n');
  const cleared = session.nextDiagnostics(compose, (params) => !hasUndefined(params));
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, '.env'), type: 1 }] });
  await cleared;
});

test('a cross-file quick fix is a workspace edit: CreateFile then the edit, when the client supports both', { todo: !allRules.some((rule) => rule.meta.id === 'compose/undefined-variable') && 'compose/undefined-variable is not written yet' }, async () => {
  const composeText = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n';
  const folder = workspace({ 'docker-compose.yml': composeText });
  const compose = uriOf(folder, 'docker-compose.yml');
  const env = uriOf(folder, '.env');
  const actionsFrom = async (session: LspSession) => {
    const opened = await session.openChecked(compose, composeText, 'dockercompose');
    const diagnostic = opened.diagnostics.find((item) => item.code === 'compose/undefined-variable')!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: compose }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return actions.filter((action) => action.title.includes('DB_PASSWORD'));
  };

  const [withCreate] = await actionsFrom((await start({ folder })).session);
  assert.ok(withCreate, 'the add-to-.env fix is offered');
  assert.equal(withCreate.isPreferred, true);
  assert.deepEqual(withCreate.edit?.documentChanges, [
    { kind: 'create', uri: env, options: { ignoreIfExists: true } },
    { textDocument: { uri: env, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'DB_PASSWORD=\n' }] },
  ]);

  // A client that cannot create files is not offered an edit it cannot apply.
  const plain = await start({ folder, capabilities: { workspace: { configuration: true }, textDocument: {} } });
  assert.deepEqual(await actionsFrom(plain.session), []);
});

test('unreadable and odd files (a FIFO named .env, a dangling symlink, a folder named nginx.conf) neither hang nor crash the server', async () => {
  const composeText = 'services:\n  web:\n    image: nginx\n    env_file: .env\n    environment:\n      A: ${B}\n';
  const folder = workspace({ 'docker-compose.yml': composeText });
  spawnSync('mkfifo', [join(folder, '.env')]);
  symlinkSync(join(folder, 'missing.conf'), join(folder, 'site.nginx'));
  mkdirSync(join(folder, 'nginx.conf'));
  const { session } = await start({ folder });
  // Only the compose file is a configuration file the index can read.
  await session.waitForLog(/^indexed 1 configuration files in 1 folders/);
  const compose = uriOf(folder, 'docker-compose.yml');
  await session.openChecked(compose, composeText, 'dockercompose');
  const info = await session.request<FileInfo>('deployDoctor/fileInfo', { uri: uriOf(folder, '.env') });
  assert.equal(info.kind, null, 'a FIFO is not read');
  const symlinkInfo = await session.request<FileInfo>('deployDoctor/fileInfo', { uri: uriOf(folder, 'site.nginx') });
  assert.equal(symlinkInfo.kind, null);
  assert.ok(session.alive, session.stderr);
});

/** The edits of an action to one document, from `documentChanges` or `changes`. */
function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit!;
  if (edit.documentChanges) {
    return edit.documentChanges
      .filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)
      .flatMap((change) => change.edits as TextEdit[]);
  }
  return edit.changes?.[uri] ?? [];
}
