import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Hover, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/testing';
import type { FileInfo, GenerateKeyResult, ProductSummary } from '../../server/src/lsp/protocol';
import { LspSession } from './lspSession';

/* Own products (`products:` of `.deploy-doctor.yaml`) in the language server: picker, hover, completion, keys, fixes. */

const folders: string[] = [];
const sessions: LspSession[] = [];
after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const CONFIG = [
  'root: true',
  'products:',
  '  billing-api:',
  '    name: Billing API',
  '    files: ["services/billing/**"]',
  '    envPrefix: BILLING_',
  '    images: [ghcr.io/acme/billing]',
  '    settings:',
  '      BILLING_JWT_SECRET: { secret: hex-32, required: always, description: Signs the billing session tokens. }',
  '      BILLING_API_TOKEN: { secret: urlsafe-32 }',
  '      BILLING_PORT: { type: port, default: 8080 }',
  '      BILLING_LOG_LEVEL: { enum: [debug, info, warn, error] }',
  '      server.port: { type: port, source: toml, description: The port billing listens on. }',
  '  mail-worker:',
  '    images: [ghcr.io/acme/mail-worker]',
  '    settings:',
  '      MAIL_QUEUE: { enum: [high, low], description: The queue this worker drains. }',
  '',
].join('\n');

function workspace(files: Record<string, string>): string {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'dd-lsp-own-')));
  folders.push(folder);
  for (const [name, text] of Object.entries({ '.deploy-doctor.yaml': CONFIG, ...files })) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

async function start(folder: string): Promise<LspSession> {
  const { session } = await LspSession.start({ folder, settings: { deployDoctor: { debounceMs: 20 } } });
  sessions.push(session);
  return session;
}

const uriOf = (folder: string, name: string) => pathToFileURL(join(folder, name)).href;
const rules = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code);

test('deployDoctor/products with a uri lists the own products of its config, by name; picking one checks the file as it', async () => {
  const folder = workspace({});
  const session = await start(folder);
  const other = uriOf(folder, 'other/.env');
  assert.deepEqual(rules(await session.openChecked(other, 'PORT=3000\n', 'dotenv')), []);

  const listed = await session.request<ProductSummary[]>('deployDoctor/products', { uri: other });
  assert.deepEqual(listed.filter((product) => product.own), [
    { id: 'billing-api', name: 'Billing API', own: true },
    { id: 'mail-worker', name: 'mail-worker', own: true },
  ]);
  assert.ok(listed.some((product) => product.id === 'agentim' && product.name === 'AgentIM' && !product.own));
  // Without a uri (or for a file under no config): the built-in products only.
  const builtIn = await session.request<ProductSummary[]>('deployDoctor/products', null);
  assert.deepEqual(builtIn.map((product) => product.id), listed.filter((product) => !product.own).map((product) => product.id));
  assert.ok(!(await session.request<ProductSummary[]>('deployDoctor/products', { uri: 'file:///elsewhere/.env' })).some((product) => product.own));
  await assert.rejects(session.request('deployDoctor/products', { uri: 7 }), (error: { code?: number }) => error.code === -32602);

  const checked = session.nextDiagnostics(other, (params) => rules(params).includes('secret/missing'));
  const picked = await session.request<FileInfo>('deployDoctor/setOverride', { uri: other, product: 'billing-api' });
  assert.deepEqual([picked.product, picked.productName, picked.productSource], ['billing-api', 'Billing API', 'option']);
  const missing = (await checked).diagnostics.find((diagnostic) => diagnostic.code === 'secret/missing')!;
  assert.match(String(missing.message), /Billing API needs BILLING_JWT_SECRET/);
});

type Position = { line: number; character: number };

async function hoverText(session: LspSession, uri: string, position: Position): Promise<string | undefined> {
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return hover && typeof hover.contents === 'object' && 'kind' in hover.contents ? hover.contents.value : undefined;
}

async function labels(session: LspSession, uri: string, position: Position): Promise<string[]> {
  return (await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position })).map((item) => item.label);
}

/** The text after the rule's preferred quick fix for its first diagnostic. */
async function fixed(session: LspSession, uri: string, text: string, params: PublishDiagnosticsParams, rule: string): Promise<{ title: string; text: string }> {
  const diagnostic = params.diagnostics.find((candidate) => candidate.code === rule);
  assert.ok(diagnostic, `${rule} in ${JSON.stringify(rules(params))}`);
  const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const fix = actions.find((action) => action.isPreferred);
  assert.ok(fix, actions.map((action) => action.title).join(' | '));
  const edit = fix.edit!;
  const edits = edit.documentChanges
    ? edit.documentChanges.filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri).flatMap((change) => change.edits as TextEdit[])
    : (edit.changes?.[uri] ?? []);
  return { title: fix.title, text: applyEdits(text, edits) };
}

const ENV = 'BILLING_JWT_SECRET=changeme\nBILLING_LOG_LEVEL=warnn\nBILLING_\n';

test('.env of an own product: hover shows the declared type and description, completion offers its settings and enum values', async () => {
  const folder = workspace({ 'services/billing/.env': ENV });
  const session = await start(folder);
  const uri = uriOf(folder, 'services/billing/.env');
  await session.openChecked(uri, ENV, 'dotenv');

  const secret = await hoverText(session, uri, { line: 0, character: 3 });
  assert.match(secret ?? '', /^\*\*BILLING_JWT_SECRET\*\* · Billing API · secret\n\nSigns the billing session tokens\./);
  assert.match(secret!, /Format: hex key \(32 bytes\)/);
  assert.ok(!secret!.includes('changeme'), 'a hover never shows the value');
  assert.match((await hoverText(session, uri, { line: 1, character: 3 })) ?? '', /\*\*BILLING_LOG_LEVEL\*\* · Billing API[^]*Type: one of `debug`, `info`, `warn`, `error`/);

  // The settings not yet set, by their own names; then the enum's values after `=`.
  const keys = await labels(session, uri, { line: 2, character: 8 });
  assert.deepEqual(keys.filter((label) => label.startsWith('BILLING_')).sort(), ['BILLING_API_TOKEN', 'BILLING_PORT']);
  assert.deepEqual(await labels(session, uri, { line: 1, character: 18 }), ['debug', 'info', 'warn', 'error']);
});

test('compose environment: and TOML of an own product: hover and completion as for a built-in', async () => {
  // Each service is the own product of its image (the file is under no `files:` glob).
  const compose = 'services:\n  web:\n    image: nginx:1.27\n  billing:\n    image: ghcr.io/acme/billing:1.2\n    environment:\n      BILLING_PORT: "8080"\n      BILLING_LOG_LEVEL: \n  mail:\n    image: ghcr.io/acme/mail-worker:3\n    environment:\n      MAIL_QUEUE: \n';
  const toml = '[server]\nport = 8080\n';
  const folder = workspace({ 'docker-compose.yml': compose, 'services/billing/config.toml': toml });
  const session = await start(folder);
  const composeUri = uriOf(folder, 'docker-compose.yml');
  await session.openChecked(composeUri, compose, 'dockercompose');
  assert.match((await hoverText(session, composeUri, { line: 6, character: 8 })) ?? '', /^\*\*BILLING_PORT\*\* · Billing API[^]*Type: port\n- Default: `8080`/);
  assert.deepEqual(await labels(session, composeUri, { line: 7, character: 25 }), ['debug', 'info', 'warn', 'error']);
  assert.match((await hoverText(session, composeUri, { line: 11, character: 8 })) ?? '', /^\*\*MAIL_QUEUE\*\* · mail-worker\n\nThe queue this worker drains\./);
  assert.deepEqual(await labels(session, composeUri, { line: 11, character: 18 }), ['high', 'low']);

  const tomlUri = uriOf(folder, 'services/billing/config.toml');
  await session.openChecked(tomlUri, toml, 'toml');
  assert.match((await hoverText(session, tomlUri, { line: 1, character: 1 })) ?? '', /^\*\*server\.port\*\* · Billing API\n\nThe port billing listens on\.[^]*Type: port/);
});

test('generateKey on an own secret: the format the config declares (hex-32, urlsafe-32)', async () => {
  const text = 'BILLING_JWT_SECRET=\nBILLING_API_TOKEN=x\n';
  const folder = workspace({ 'services/billing/.env': text });
  const session = await start(folder);
  const uri = uriOf(folder, 'services/billing/.env');
  await session.openChecked(uri, text, 'dotenv');

  const hex = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 0, character: 2 } });
  assert.deepEqual(hex, { format: 'hex-32', suggestedFormat: 'hex-32', key: 'BILLING_JWT_SECRET' });
  const hexKey = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 0, character: 2 }, format: hex.suggestedFormat });
  assert.deepEqual(hexKey.edit?.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 19 } });
  assert.match(hexKey.edit!.newText, /^[0-9a-f]{64}$/);

  const token = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 1, character: 2 } });
  assert.equal(token.suggestedFormat, 'token-urlsafe-32');
  const tokenKey = await session.request<GenerateKeyResult>('deployDoctor/generateKey', { uri, position: { line: 1, character: 2 }, format: token.suggestedFormat });
  assert.deepEqual(tokenKey.edit?.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 19 } });
  assert.match(tokenKey.edit!.newText, /^[A-Za-z0-9_-]{43}$/);
});

test('quick fixes on an own product: a placeholder secret is replaced by a key of its format, a misspelt enum value by the meant one', async () => {
  const compose = 'services:\n  billing:\n    image: ghcr.io/acme/billing:1.2\n    environment:\n      BILLING_LOG_LEVEL: INFO\n';
  const folder = workspace({ 'services/billing/.env': ENV, 'docker-compose.yml': compose });
  const session = await start(folder);
  const uri = uriOf(folder, 'services/billing/.env');
  const checked = await session.openChecked(uri, ENV, 'dotenv');
  assert.ok(checked.diagnostics.every((diagnostic) => !String(diagnostic.message).includes('changeme')));

  const secret = await fixed(session, uri, ENV, checked, 'secret/placeholder');
  assert.equal(secret.title, 'Replace with a generated hex key (32 bytes)');
  assert.match(secret.text, /^BILLING_JWT_SECRET=[0-9a-f]{64}\nBILLING_LOG_LEVEL=warnn\nBILLING_\n$/);
  const level = await fixed(session, uri, ENV, checked, 'schema/invalid-value');
  assert.deepEqual(level, { title: 'Set BILLING_LOG_LEVEL to `warn`', text: 'BILLING_JWT_SECRET=changeme\nBILLING_LOG_LEVEL=warn\nBILLING_\n' });

  const composeUri = uriOf(folder, 'docker-compose.yml');
  const composeChecked = await session.openChecked(composeUri, compose, 'dockercompose');
  const composeLevel = await fixed(session, composeUri, compose, composeChecked, 'schema/invalid-value');
  assert.equal(composeLevel.text, compose.replace('INFO', 'info'));
});
