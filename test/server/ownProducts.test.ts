import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { FileInfo, ProductSummary } from '../../server/src/lsp/protocol';
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
  '    settings:',
  '      BILLING_JWT_SECRET: { secret: hex-32, required: always, description: Signs the billing session tokens. }',
  '      BILLING_API_TOKEN: { secret: base64url-32 }',
  '      BILLING_PORT: { type: port, default: 8080 }',
  '      BILLING_LOG_LEVEL: { enum: [debug, info, warn, error] }',
  '      server.port: { type: port, source: toml, description: The port billing listens on. }',
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
  assert.deepEqual(listed.filter((product) => product.own), [{ id: 'billing-api', name: 'Billing API', own: true }]);
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
