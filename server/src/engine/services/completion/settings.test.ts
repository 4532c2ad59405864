import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isFernetKey } from '../../keygen';
import { engineFor, memoryWorkspace } from '../../testing';
import { pathToUri } from '../../uri';

const completeAt = (text: string, offset: number, options: { path?: string; product?: string } = {}) => {
  const path = options.path ?? '/project/.env';
  return engineFor().complete({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), offset, options.product ? { product: options.product } : {});
};

test('key position: the product\'s keys not yet set, required ones first, with a value snippet', () => {
  const text = 'FLYDESK_DEV_MODE=false\nFLYDESK_CO';
  const items = completeAt(text, text.length);
  const labels = items.map((item) => item.label);
  assert.ok(!labels.includes('FLYDESK_DEV_MODE'), 'keys already set are not offered');
  const cors = items.find((item) => item.label === 'FLYDESK_CORS_ORIGINS')!;
  assert.deepEqual(cors.replace, { start: 23, end: 33 });
  assert.equal(cors.insertText, 'FLYDESK_CORS_ORIGINS=${1:["http://localhost:3000", "http://localhost:5173"]}');
  assert.equal(cors.isSnippet, true);
  assert.equal(cors.sortText!.charAt(0), '0');
  const provider = items.find((item) => item.label === 'FLYDESK_OIDC_PROVIDER_TYPE')!;
  assert.equal(provider.insertText, 'FLYDESK_OIDC_PROVIDER_TYPE=${1|keycloak,google,microsoft,auth0,cognito,okta|}');
  assert.ok(!labels.includes('FLYDESK_DEV_USER_NAME'), 'keys that must not be in a .env are not offered');
});

test('a secret key is completed with a freshly generated value in its format', () => {
  const text = 'FLYDESK_DEV_MODE=false\n';
  const item = completeAt(text, text.length).find((candidate) => candidate.label === 'FLYDESK_CREDENTIAL_ENCRYPTION_KEY')!;
  assert.equal(item.kind, 'secret');
  assert.ok(!item.isSnippet);
  assert.ok(isFernetKey(item.insertText.slice('FLYDESK_CREDENTIAL_ENCRYPTION_KEY='.length)));
});

test('value position: enum values, booleans as the product writes them, and a generated secret', () => {
  const enumText = 'FLYDESK_DEV_MODE=false\nFLYDESK_VECTOR_STORE=pg';
  const values = completeAt(enumText, enumText.length).map((item) => item.label);
  assert.deepEqual(values, ['pgvector', 'chromadb', 'pinecone', 'sqlite', 'memory']);
  const boolText = 'JWT_SECRET=x\nCORS_ORIGIN=https://a.example\nTRUST_PROXY=';
  assert.deepEqual(completeAt(boolText, boolText.length, { product: 'agentim' }).map((item) => item.label), ['true', 'false']);
  const secretText = 'JWT_SECRET=\nCORS_ORIGIN=https://a.example\nADMIN_USERNAME=admin\n';
  const generated = completeAt(secretText, 'JWT_SECRET='.length, { product: 'agentim' });
  assert.equal(generated[0]!.label, 'Generate base64 key (32 bytes)');
  assert.match(generated[0]!.insertText, /^[A-Za-z0-9+/]{43}=$/);
});

test('compose: keys of the service\'s product in its environment form', () => {
  const text = 'services:\n  core:\n    image: flowfile-core\n    environment:\n      - FLOWFILE_MODE=docker\n      - JWT_';
  const item = completeAt(text, text.length, { path: '/project/docker-compose.yml' }).find((candidate) => candidate.label === 'JWT_SECRET_KEY')!;
  assert.match(item.insertText, /^JWT_SECRET_KEY=[0-9a-f]{64}$/);
});

test('nothing outside key and value positions, nor without a product', () => {
  assert.deepEqual(completeAt('# a comment FLY', 15), []);
  assert.deepEqual(completeAt('FOO=', 4), []);
});
