import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, delay, LspSession, type SessionOptions } from './lspSession';

/* `.deploy-doctor.yaml` in the language server: per workspace folder, editor settings on top, re-checked when it changes. */

const folders: string[] = [];
const sessions: LspSession[] = [];
after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'dd-lsp-config-')));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

async function start(options: SessionOptions): Promise<LspSession> {
  const { session } = await LspSession.start({ settings: { deployDoctor: { debounceMs: 20 } }, ...options });
  sessions.push(session);
  return session;
}

const uriOf = (folder: string, name: string) => pathToFileURL(join(folder, name)).href;
/** Rule id and LSP severity (1 error, 2 warning, 3 information, 4 hint) of each diagnostic, in order. */
const findings = (params: { diagnostics: readonly Diagnostic[] }) => params.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]);
const has = (rule: string) => (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.code === rule);

const CONFIG = [
  'root: true',
  'rules:',
  '  env/duplicate-key: off',
  '  schema/unknown-key: info',
  'ignore: ["vendor/**"]',
  'products:',
  '  billing-api:',
  '    files: ["services/billing/**"]',
  '    envPrefix: BILLING_',
  '    settings:',
  '      BILLING_JWT_SECRET: { secret: hex-32, required: always }',
  '      BILLING_PORT: { type: port }',
  '',
].join('\n');
const BILLING_ENV = 'BILLING_PORT=8080\nBILLING_PROT=1\nLOG=a\nLOG=b\n';
const DUPLICATE = 'A=1\nA=2\n';

test('findings follow the config: a rule off, a severity set, an own product with a required secret, an ignore: glob', async () => {
  const folder = workspace({ '.deploy-doctor.yaml': CONFIG, 'services/billing/.env': BILLING_ENV, 'vendor/.env': DUPLICATE, 'other/.env': DUPLICATE });
  const session = await start({ folder });
  const billing = await session.openChecked(uriOf(folder, 'services/billing/.env'), BILLING_ENV, 'dotenv');
  assert.deepEqual(findings(billing), [
    ['secret/missing', 1],
    ['schema/unknown-key', 3],
  ]);
  const missing = billing.diagnostics[0]!;
  assert.match(String(missing.message), /billing-api needs BILLING_JWT_SECRET/);
  assert.deepEqual(missing.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } });
  assert.deepEqual(findings(await session.openChecked(uriOf(folder, 'vendor/.env'), DUPLICATE, 'dotenv')), []);
  assert.deepEqual(findings(await session.openChecked(uriOf(folder, 'other/.env'), DUPLICATE, 'dotenv')), []);
  // Workspace indexing leaves out what `ignore:` skips, and the config file itself (it is no compose file).
  await session.waitForLog(/^indexed 2 configuration files in 1 folders/);
});

test('deployDoctor.rules wins over the config file, and deployDoctor.products over its products', async () => {
  const folder = workspace({ '.deploy-doctor.yaml': CONFIG, 'services/billing/.env': BILLING_ENV });
  const settings = { deployDoctor: { debounceMs: 20, rules: { 'env/duplicate-key': 'warning', 'schema/unknown-key': 'hint' }, products: { '**/billing/**': 'agentim' } } };
  const session = await start({ folder, settings });
  const billing = await session.openChecked(uriOf(folder, 'services/billing/.env'), BILLING_ENV, 'dotenv');
  // AgentIM's own settings are checked now; billing-api's are not.
  assert.ok(has('secret/missing')(billing));
  assert.ok(!billing.diagnostics.some((diagnostic) => String(diagnostic.message).includes('billing-api')), JSON.stringify(billing.diagnostics.map((d) => d.message)));
  assert.ok(findings(billing).some(([rule, severity]) => rule === 'env/duplicate-key' && severity === 2), JSON.stringify(findings(billing)));
  const info = await session.request<{ product: string | null; productSource: string | null }>('deployDoctor/fileInfo', { uri: uriOf(folder, 'services/billing/.env') });
  assert.deepEqual([info.product, info.productSource], ['agentim', 'setting']);
});

test('the config edited on disk: didChangeWatchedFiles re-checks every open document at once', async () => {
  const folder = workspace({ '.deploy-doctor.yaml': CONFIG, 'a.env': DUPLICATE, 'vendor/b.env': DUPLICATE });
  // A debounce longer than the test waits: the re-check must not wait for it.
  const session = await start({ folder, settings: { deployDoctor: { debounceMs: 10_000 } } });
  const a = uriOf(folder, 'a.env');
  const b = uriOf(folder, 'vendor/b.env');
  assert.deepEqual(findings(await session.openChecked(a, DUPLICATE, 'dotenv')), []);
  assert.deepEqual(findings(await session.openChecked(b, DUPLICATE, 'dotenv')), []);

  writeFileSync(join(folder, '.deploy-doctor.yaml'), 'root: true\nrules:\n  env/duplicate-key: hint\n');
  const aAgain = session.nextDiagnostics(a, has('env/duplicate-key'), 3000);
  const bAgain = session.nextDiagnostics(b, has('env/duplicate-key'), 3000);
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, '.deploy-doctor.yaml'), type: 2 }] });
  assert.deepEqual(findings(await aAgain), [['env/duplicate-key', 4]]);
  assert.deepEqual(findings(await bAgain), [['env/duplicate-key', 4]]);

  // Deleted: the defaults apply again.
  rmSync(join(folder, '.deploy-doctor.yaml'));
  const defaults = session.nextDiagnostics(a, (params) => findings(params).some(([rule, severity]) => rule === 'env/duplicate-key' && severity !== 4), 3000);
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, '.deploy-doctor.yaml'), type: 3 }] });
  await defaults;
});

test('a didChange of the open config re-checks open documents with its unsaved text; an ignored file loses its diagnostics', async () => {
  const config = 'root: true\nrules:\n  env/duplicate-key: off\n';
  const folder = workspace({ '.deploy-doctor.yaml': config, 'a.env': DUPLICATE, 'vendor/b.env': DUPLICATE });
  const session = await start({ folder });
  const a = uriOf(folder, 'a.env');
  const b = uriOf(folder, 'vendor/b.env');
  const configUri = uriOf(folder, '.deploy-doctor.yaml');
  assert.deepEqual(findings(await session.openChecked(a, DUPLICATE, 'dotenv')), []);
  assert.deepEqual(findings(await session.openChecked(configUri, config, 'yaml')), []);

  const aError = session.nextDiagnostics(a, has('env/duplicate-key'));
  await session.change(configUri, { start: { line: 2, character: 21 }, end: { line: 2, character: 24 } }, 'error');
  assert.deepEqual(findings(await aError), [['env/duplicate-key', 1]]);

  assert.ok(has('env/duplicate-key')(await session.openChecked(b, DUPLICATE, 'dotenv')));
  const bCleared = session.nextDiagnostics(b, (params) => params.diagnostics.length === 0);
  await session.change(configUri, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, 'ignore: ["vendor/**"]\n');
  await bCleared;
  // Nothing was saved: the disk still has the first text, and closing the config brings it back.
  const aOff = session.nextDiagnostics(a, (params) => params.diagnostics.length === 0);
  await session.close(configUri);
  await aOff;
});

test('the config file open in the editor gets config/invalid at the unknown rule id, with did-you-mean; its valid parts still apply', async () => {
  const config = 'root: true\nrules:\n  env/duplicat-key: off\n  env/duplicate-key: hint\n';
  const folder = workspace({ '.deploy-doctor.yaml': config, 'a.env': DUPLICATE });
  const session = await start({ folder });
  const opened = await session.openChecked(uriOf(folder, '.deploy-doctor.yaml'), config, 'yaml');
  assert.deepEqual(findings(opened), [['config/invalid', 1]]);
  const invalid = opened.diagnostics[0]!;
  assert.deepEqual(invalid.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 18 } });
  assert.match(String(invalid.message), /did you mean `env\/duplicate-key`\?/);
  assert.match(invalid.codeDescription?.href ?? '', /docs\/rules\/config\/invalid\.md$/);
  assert.deepEqual(findings(await session.openChecked(uriOf(folder, 'a.env'), DUPLICATE, 'dotenv')), [['env/duplicate-key', 4]]);
});

test('deployDoctor.rules sets or turns off config/invalid in the config file', async () => {
  const config = 'rulez: {}\n';
  const folder = workspace({ '.deploy-doctor.yaml': config });
  const session = await start({ folder, settings: { deployDoctor: { debounceMs: 20, rules: { 'config/invalid': 'warning' } } } });
  assert.deepEqual(findings(await session.openChecked(uriOf(folder, '.deploy-doctor.yaml'), config, 'yaml')), [['config/invalid', 2]]);
});

test('the walk stops at the workspace folder: a config above it, or a config linked from outside it, is not read', async () => {
  const outside = workspace({ '.deploy-doctor.yaml': 'rules:\n  env/duplicate-key: off\n', 'inner/a.env': DUPLICATE, 'elsewhere/.deploy-doctor.yaml': 'rules:\n  env/duplicate-key: off\n' });
  const linked = join(outside, 'linked');
  mkdirSync(linked);
  writeFileSync(join(linked, 'a.env'), DUPLICATE);
  symlinkSync(join(outside, 'elsewhere/.deploy-doctor.yaml'), join(linked, '.deploy-doctor.yaml'));
  const session = await start({ folders: [join(outside, 'inner'), linked] });
  assert.ok(has('env/duplicate-key')(await session.openChecked(uriOf(outside, 'inner/a.env'), DUPLICATE, 'dotenv')));
  assert.ok(has('env/duplicate-key')(await session.openChecked(uriOf(linked, 'a.env'), DUPLICATE, 'dotenv')));
});

test('a client without workspace/configuration still gets the config file', async () => {
  const folder = workspace({ '.deploy-doctor.yaml': CONFIG, 'a.env': DUPLICATE });
  const capabilities = { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, configuration: false } };
  const session = await start({ folder, capabilities });
  assert.deepEqual(findings(await session.openChecked(uriOf(folder, 'a.env'), DUPLICATE, 'dotenv')), []);
});

test('didSave of the open config re-checks every open document at once, without waiting for the debounce', async () => {
  const config = 'root: true\nrules:\n  env/duplicate-key: off\n';
  const folder = workspace({ '.deploy-doctor.yaml': config, 'a.env': DUPLICATE });
  const session = await start({ folder, settings: { deployDoctor: { debounceMs: 10_000 } } });
  const a = uriOf(folder, 'a.env');
  const configUri = uriOf(folder, '.deploy-doctor.yaml');
  assert.deepEqual(findings(await session.openChecked(a, DUPLICATE, 'dotenv')), []);
  await session.openChecked(configUri, config, 'yaml');
  await session.change(configUri, { start: { line: 2, character: 21 }, end: { line: 2, character: 24 } }, 'info');
  writeFileSync(join(folder, '.deploy-doctor.yaml'), config.replace('off', 'info'));
  const rechecked = session.nextDiagnostics(a, has('env/duplicate-key'), 3000);
  await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
  assert.deepEqual(findings(await rechecked), [['env/duplicate-key', 3]]);
});

test('an edit of the open config that changes no setting re-checks no open document; a rule change re-checks each once; its own findings follow every edit', async () => {
  const config = 'root: true\nrules:\n  env/duplicate-key: off\n';
  const folder = workspace({ '.deploy-doctor.yaml': config, 'a.env': DUPLICATE, 'svc/b.env': DUPLICATE });
  const session = await start({ folder });
  const a = uriOf(folder, 'a.env');
  const b = uriOf(folder, 'svc/b.env');
  const configUri = uriOf(folder, '.deploy-doctor.yaml');
  assert.deepEqual(findings(await session.openChecked(a, DUPLICATE, 'dotenv')), []);
  assert.deepEqual(findings(await session.openChecked(b, DUPLICATE, 'dotenv')), []);
  assert.deepEqual(findings(await session.openChecked(configUri, config, 'yaml')), []);
  const published = () => [session.publishCounts.get(a), session.publishCounts.get(b)];
  const before = published();
  /** Waits for the config's own diagnostics of `version`, then a bounded time (15 debounces) for anything else. */
  const settled = async (version: Promise<number>, accept: (params: PublishDiagnosticsParams) => boolean = () => true) => {
    const awaited = await version;
    const own = await session.nextDiagnostics(configUri, (params) => params.version === awaited && accept(params), 3000);
    await delay(300);
    return own;
  };

  // A comment and blank lines above the rules.
  assert.deepEqual(findings(await settled(session.change(configUri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# team settings\n\n'))), []);
  assert.deepEqual(published(), before, 'a comment re-checks nothing');
  // A key the config does not know: reported in the config, and nothing else changes.
  const unknown = await settled(session.change(configUri, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, 'rulez: {}\n'), has('config/invalid'));
  assert.deepEqual(findings(unknown), [['config/invalid', 1]]);
  assert.deepEqual(unknown.diagnostics[0]!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 5 } });
  assert.deepEqual(published(), before, 'a problem beside the same valid parts re-checks nothing');

  // The rule set to warning: each open document is checked once more.
  const aWarning = session.nextDiagnostics(a, has('env/duplicate-key'), 3000);
  const bWarning = session.nextDiagnostics(b, has('env/duplicate-key'), 3000);
  await settled(session.change(configUri, { start: { line: 4, character: 21 }, end: { line: 4, character: 24 } }, 'warning'));
  assert.deepEqual(findings(await aWarning), [['env/duplicate-key', 2]]);
  assert.deepEqual(findings(await bWarning), [['env/duplicate-key', 2]]);
  assert.deepEqual(published(), before.map((count) => count! + 1), 'one re-check each');
});

test("fileInfo says a product the config chose came from the config (an own product's files:, an override's product:); the user's pick stays the user's", async () => {
  const config = `${CONFIG}overrides:\n  - files: ["desk/**"]\n    product: firefly-desk\n`;
  const folder = workspace({ '.deploy-doctor.yaml': config });
  const session = await start({ folder });
  const billing = uriOf(folder, 'services/billing/.env');
  const desk = uriOf(folder, 'desk/.env');
  await session.openChecked(billing, BILLING_ENV, 'dotenv');
  await session.openChecked(desk, 'PORT=8000\n', 'dotenv');
  type Info = { product: string | null; productSource: string | null };
  const sourceOf = async (uri: string) => {
    const info = await session.request<Info>('deployDoctor/fileInfo', { uri });
    return [info.product, info.productSource];
  };
  assert.deepEqual(await sourceOf(billing), ['billing-api', 'config']);
  assert.deepEqual(await sourceOf(desk), ['firefly-desk', 'config']);
  const picked = await session.request<Info>('deployDoctor/setOverride', { uri: desk, product: 'agentim' });
  assert.deepEqual([picked.product, picked.productSource], ['agentim', 'option']);
});
