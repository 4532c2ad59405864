import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine } from '../engine';
import type { WorkspaceView } from '../types';
import { ConfigChains, ConfigEngines, type ConfigFileSystem } from '.';

/*
 * Engines are kept by what they are built from: a reparse that says the same (a comment, a
 * problem beside the valid parts) gets the same engine and setup key; one that changes a rule,
 * or two configs that define a product of one name differently, get engines of their own.
 */

const base = new Engine();
const vocabulary = { ruleIds: new Set(base.rules.map((rule) => rule.meta.id)), productIds: new Set(base.products.map((product) => product.id)) };
const none: WorkspaceView = { readText: () => undefined, files: () => [] };

function editableFileSystem(files: Record<string, string>): ConfigFileSystem {
  return { readText: (path) => files[path], isDirectory: () => false };
}

const billing = (secret: string) => `root: true\nproducts:\n  billing-api:\n    files: ["**/.env"]\n    envPrefix: BILLING_\n    settings:\n      ${secret}: { secret: hex-32, required: always }\n`;

function messagesOf(engines: ConfigEngines, chains: ConfigChains, path: string, text: string): string[] {
  const setup = engines.setupFor(chains.chainFor(path.slice(0, path.lastIndexOf('/'))), path);
  return setup.engine.check({ uri: `file://${path}`, text, kind: 'env' }, none, setup.options).diagnostics.map((diagnostic) => `${diagnostic.rule}: ${diagnostic.message}`);
}

test('two configs defining a product of the same name differently are checked each with its own definition', () => {
  const files = { '/w/a/.deploy-doctor.yaml': billing('BILLING_JWT_SECRET'), '/w/b/.deploy-doctor.yaml': billing('BILLING_API_KEY') };
  const chains = new ConfigChains('/w', editableFileSystem(files), vocabulary);
  const engines = new ConfigEngines({ engineOptions: {}, checkOptions: {} }, base);
  const a = messagesOf(engines, chains, '/w/a/.env', 'BILLING_PORT=1\n');
  const b = messagesOf(engines, chains, '/w/b/.env', 'BILLING_PORT=1\n');
  assert.ok(a.some((message) => message.startsWith('secret/missing') && message.includes('BILLING_JWT_SECRET')), JSON.stringify(a));
  assert.ok(!a.some((message) => message.includes('BILLING_API_KEY')), JSON.stringify(a));
  assert.ok(b.some((message) => message.startsWith('secret/missing') && message.includes('BILLING_API_KEY')), JSON.stringify(b));
  assert.ok(!b.some((message) => message.includes('BILLING_JWT_SECRET')), JSON.stringify(b));
});

test('a reparse that says the same keeps the engine and the setup key; a rule change makes a new one', () => {
  const files: Record<string, string> = { '/w/.deploy-doctor.yaml': `${billing('BILLING_JWT_SECRET')}rules:\n  env/duplicate-key: off\n` };
  const chains = new ConfigChains('/w', editableFileSystem(files), vocabulary);
  const engines = new ConfigEngines({ engineOptions: {}, checkOptions: {} }, base);
  const setup = () => engines.setupFor(chains.chainFor('/w/svc'), '/w/svc/.env');
  const first = setup();

  // A comment, blank lines, and a key the config does not know (reported, not applied).
  files['/w/.deploy-doctor.yaml'] = `# billing\n\n${files['/w/.deploy-doctor.yaml']}rulez: {}\n`;
  assert.equal(chains.reload('/w'), false);
  engines.sweep();
  assert.equal(chains.chainFor('/w/svc')[0]!.config.problems.length, 1, 'the new parse, with its problem, is the one used');
  assert.equal(setup().engine, first.engine);
  assert.equal(setup().key, first.key);

  // Half typed: the bad severity is dropped, so the rule is back at its default.
  files['/w/.deploy-doctor.yaml'] = files['/w/.deploy-doctor.yaml']!.replace('env/duplicate-key: off', 'env/duplicate-key: of');
  assert.equal(chains.reload('/w'), true);
  engines.sweep();
  const halfTyped = setup();
  assert.notEqual(halfTyped.key, first.key);
  assert.notEqual(halfTyped.engine, first.engine);
  assert.equal(halfTyped.engine.overrideOf('env/duplicate-key'), undefined);

  files['/w/.deploy-doctor.yaml'] = files['/w/.deploy-doctor.yaml']!.replace('env/duplicate-key: of', 'env/duplicate-key: warning');
  assert.equal(chains.reload('/w'), true);
  engines.sweep();
  assert.equal(setup().engine.overrideOf('env/duplicate-key'), 'warning');
  // The first state's engine was not asked for since the half-typed reparse: it is gone, and
  // going back to that state builds a new engine with the same key.
  files['/w/.deploy-doctor.yaml'] = files['/w/.deploy-doctor.yaml']!.replace('env/duplicate-key: warning', 'env/duplicate-key: off');
  assert.equal(chains.reload('/w'), true);
  const back = setup();
  assert.equal(back.key, first.key);
  assert.notEqual(back.engine, first.engine);
});

test('creating and deleting a config file count as changes; a folder that had none and still has none does not', () => {
  const files: Record<string, string> = {};
  const chains = new ConfigChains('/w', editableFileSystem(files), vocabulary);
  chains.chainFor('/w/svc');
  assert.equal(chains.reload('/w/svc'), false);
  files['/w/svc/.deploy-doctor.yaml'] = 'rules:\n  env/duplicate-key: off\n';
  assert.equal(chains.reload('/w/svc'), true);
  assert.equal(chains.chainFor('/w/svc').length, 1);
  delete files['/w/svc/.deploy-doctor.yaml'];
  assert.equal(chains.reload('/w/svc'), true);
  assert.equal(chains.chainFor('/w/svc').length, 0);
});

test("a product a config chose is reported as the config's: an own product's files: and an override's product; a host's flag stays an option", () => {
  const files = { '/w/.deploy-doctor.yaml': `${billing('BILLING_JWT_SECRET')}overrides:\n  - files: ["fraiseql/**"]\n    product: fraiseql\n` };
  const chains = new ConfigChains('/w', editableFileSystem(files), vocabulary);
  const sourceOf = (engines: ConfigEngines, path: string) => {
    const setup = engines.setupFor(chains.chainFor(path.slice(0, path.lastIndexOf('/'))), path);
    const result = setup.engine.check({ uri: `file://${path}`, text: 'PORT=1\n', kind: 'env' }, none, setup.options);
    return [result.product, result.productSource];
  };
  const fromConfig = new ConfigEngines({ engineOptions: {}, checkOptions: {} }, base);
  assert.deepEqual(sourceOf(fromConfig, '/w/svc/.env'), ['billing-api', 'config']);
  assert.deepEqual(sourceOf(fromConfig, '/w/fraiseql/.env'), ['fraiseql', 'config']);
  const flagged = new ConfigEngines({ engineOptions: {}, checkOptions: { product: 'flovyn' } }, base);
  assert.deepEqual(sourceOf(flagged, '/w/fraiseql/.env'), ['flovyn', 'option']);
  const settings = new ConfigEngines({ engineOptions: { productAssociations: [{ glob: '/w/svc/**', product: 'agentim' }] }, checkOptions: {} }, base);
  assert.deepEqual(sourceOf(settings, '/w/svc/.env'), ['agentim', 'setting']);
});
