import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const unknownIn = (text: string, options: { kind?: 'env' | 'compose' | 'toml'; product?: string; path?: string } = {}) => {
  const result = checkText(text, { kind: options.kind ?? 'env', ...(options.product ? { product: options.product } : {}), ...(options.path ? { path: options.path } : {}) });
  return { result, findings: findingsOf(result, 'schema/unknown-key') };
};

test('a typo of a prefixed Firefly Desk key: error at the key, with the closest key and a rename fix', () => {
  const text = 'FLYDESK_DEV_MODE=false\nFLYDESK_CORS_ORIGIN=["https://desk.example.com"]\n';
  const { result, findings } = unknownIn(text, { product: 'firefly-desk' });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'FLYDESK_CORS_ORIGIN');
  assert.equal(findings[0]!.severity, 'error');
  assert.match(findings[0]!.message, /^Firefly Desk has no setting FLYDESK_CORS_ORIGIN\. Did you mean FLYDESK_CORS_ORIGINS\? DeskConfig forbids extra inputs/);
  const fix = findings[0]!.fixes[0]!;
  assert.equal(fix.title, 'Rename to FLYDESK_CORS_ORIGINS');
  assert.equal(applyFix(text, result.uri, fix), text.replace('FLYDESK_CORS_ORIGIN=', 'FLYDESK_CORS_ORIGINS='));
});

test('Firefly Desk .env: another tool\'s key is a warning (fatal only if Firefly Desk reads this file itself); dev-user keys are errors', () => {
  const text = 'FLYDESK_DEV_MODE=false\nPOSTGRES_PASSWORD=Zq3vN8xL0pR5tY7uW2eA9sD4\nFLYDESK_DEV_USER_NAME=Ada\n';
  const { findings } = unknownIn(text, { product: 'firefly-desk' });
  assert.deepEqual(findings.map((finding) => [textOf(text, finding), finding.severity]), [
    ['POSTGRES_PASSWORD', 'warning'],
    ['FLYDESK_DEV_USER_NAME', 'error'],
  ]);
  assert.match(findings[1]!.message, /reads it from the process environment only/);
});

test('a compose service: unknown prefixed keys are ignored by the product (warning), other keys are not reported', () => {
  const text = 'services:\n  worker:\n    image: flowfile-worker\n    environment:\n      FLOWFILE_MOD: docker\n      PYTHONUNBUFFERED: "1"\n';
  const { findings } = unknownIn(text, { kind: 'compose' });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'FLOWFILE_MOD');
  assert.equal(findings[0]!.severity, 'warning');
  assert.match(findings[0]!.message, /Did you mean FLOWFILE_MODE\?/);
});

test('a product without a prefix: only near misses of its keys', () => {
  const { findings } = unknownIn('JWT_SECRETS=Zq3vN8xL0pR5tY7uW2eA9sD4fG6hJ1kM\nPOSTGRES_USER=agentim\n', { product: 'agentim' });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.message, 'AgentIM does not read JWT_SECRETS. Did you mean JWT_SECRET?');
});

test('known keys and no product: nothing', () => {
  assert.equal(unknownIn('FLYDESK_CORS_ORIGINS=["https://desk.example.com"]\n', { product: 'firefly-desk' }).findings.length, 0);
  assert.equal(unknownIn('ANYTHING_GOES=1\n').findings.length, 0);
});

test('Firefly Desk in compose: a misspelt prefixed key is only ignored there, and the message does not speak of the .env', () => {
  const text = 'services:\n  api:\n    image: ghcr.io/fireflyresearch/firefly-desk\n    environment:\n      FLYDESK_CORS_ORIGIN: \'["https://desk.example.com"]\'\n';
  const findings = findingsOf(checkText(text, { kind: 'compose' }), 'schema/unknown-key');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.message, 'Firefly Desk has no setting FLYDESK_CORS_ORIGIN. Did you mean FLYDESK_CORS_ORIGINS? Firefly Desk does not read it, so the setting has no effect.');
});

test('a remembered answer is the product\'s and the format\'s: the same key in a .env and in a compose service, and for another product', () => {
  // A key Firefly Desk reads from the process environment only: an error in its .env, fine in a
  // compose service. Checked in the .env, then in compose, then in the .env again.
  const env = 'FLYDESK_DEV_MODE=false\nFLYDESK_DEV_USER_NAME=Ada\n';
  const compose = 'services:\n  desk:\n    image: ghcr.io/fireflyresearch/firefly-desk:latest\n    environment:\n      FLYDESK_DEV_USER_NAME: Ada\n';
  const first = unknownIn(env, { product: 'firefly-desk' }).findings.map((finding) => [finding.severity, finding.message]);
  const inCompose = unknownIn(compose, { kind: 'compose', product: 'firefly-desk' }).findings.map((finding) => [finding.severity, finding.message]);
  const again = unknownIn(env, { product: 'firefly-desk' }).findings.map((finding) => [finding.severity, finding.message]);
  assert.equal(first.length, 1);
  assert.equal(first[0]![0], 'error');
  assert.deepEqual(inCompose, []);
  assert.deepEqual(again, first);
  // Another product's file with the same key: not Firefly Desk's answer.
  assert.deepEqual(unknownIn(env, { product: 'flowfile' }).findings, []);
});
