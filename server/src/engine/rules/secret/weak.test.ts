import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isFernetKey } from '../../keygen';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const weakIn = (text: string, product?: string, mode?: 'production' | 'development') => {
  const result = checkText(text, { kind: 'env', ...(product ? { product } : {}), ...(mode ? { mode } : {}) });
  return { result, findings: findingsOf(result, 'secret/weak') };
};

test('Firefly Desk: a token_urlsafe(32) key is not a Fernet key; the fix writes one that is', () => {
  const key = 'Dq3x0uKk1m8wQ2cV9pZ7rT4yS6bN5hJ0aL1fE3gW2iO';
  const text = `FLYDESK_CREDENTIAL_ENCRYPTION_KEY=${key}\n`;
  const { result, findings } = weakIn(text, 'firefly-desk');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), key);
  assert.match(findings[0]!.message, /^FLYDESK_CREDENTIAL_ENCRYPTION_KEY is not a valid Fernet key: it has 43 characters and no `=` padding/);
  assert.match(findings[0]!.message, /publicly known development key/);
  assert.ok(!findings[0]!.message.includes(key));
  const fixed = applyFix(text, result.uri, findings[0]!.fixes[0]!);
  assert.ok(isFernetKey(fixed.slice('FLYDESK_CREDENTIAL_ENCRYPTION_KEY='.length).trim()));
});

test('Fernet: `openssl rand -base64 32` output is accepted, as Python\'s urlsafe_b64decode accepts it', () => {
  assert.equal(weakIn('FLYDESK_CREDENTIAL_ENCRYPTION_KEY=q+8/2mXr9LcP4zKw7NbF1sHd6JyA3gUeq+8/2mXr9Lc=\n', 'firefly-desk').findings.length, 0);
  assert.equal(weakIn('FLYDESK_CREDENTIAL_ENCRYPTION_KEY=q-8_2mXr9LcP4zKw7NbF1sHd6JyA3gUeq-8_2mXr9Lc=\n', 'firefly-desk').findings.length, 0);
});

test('AgentIM in production: a JWT secret under 32 characters stops the server (error); in development only the dev minimum applies', () => {
  const text = 'JWT_SECRET=Zq3vN8xL0pR5tY7u\n';
  const { findings } = weakIn(text, 'agentim');
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.message, 'JWT_SECRET is shorter than 32 characters; AgentIM exits at start-up in production: JWT_SECRET is missing or too short.');
  assert.equal(weakIn(text, 'agentim', 'development').findings.length, 0);
});

test('AgentIM: the admin password needs every character class in production; `openssl rand -hex 16` never passes', () => {
  const text = 'ADMIN_PASSWORD=3f9a8c2e1b7d4f6a0c5e9b2d8f1a7c3e\n';
  const { result, findings } = weakIn(text, 'agentim');
  assert.equal(findings[0]!.message, 'ADMIN_PASSWORD has no uppercase letter, no symbol (it needs a lowercase letter, an uppercase letter, a digit and a symbol); AgentIM exits at start-up in production: the admin password is too weak.');
  const fixed = applyFix(text, result.uri, findings[0]!.fixes[0]!);
  assert.equal(weakIn(fixed, 'agentim').findings.length, 0);
  assert.equal(weakIn('ADMIN_PASSWORD=Xy7!kq9%Lm2^pz\n', 'agentim').findings.length, 0);
});

test('Flowfile: JWT_SECRET_KEY under 32 characters is weak although the code accepts it', () => {
  const { findings } = weakIn('JWT_SECRET_KEY=short-but-random-9x\n', 'flowfile');
  assert.match(findings[0]!.message, /^JWT_SECRET_KEY is shorter than 32 characters; the docs require at least 32 characters/);
});

test('generic keys: one repeated character, a run of consecutive characters, low entropy; a warning in development', () => {
  const text = 'SESSION_SECRET=aaaaaaaaaaaaaaaaaaaaaaaa\nAPI_KEY=abcdefghijklmnopq\nSIGNING_TOKEN=abababababababababab\nAPP_PASSWORD=Tr0ub4dor&3xyz\n';
  const { findings } = weakIn(text);
  assert.deepEqual(
    findings.map((finding) => finding.message),
    [
      'SESSION_SECRET is one character repeated.',
      'API_KEY is a run of consecutive characters.',
      'SIGNING_TOKEN has very low entropy (few distinct characters).',
    ],
  );
  assert.ok(findings.every((finding) => finding.severity === 'error'));
  assert.ok(weakIn(text, undefined, 'development').findings.every((finding) => finding.severity === 'warning'));
});

test('keys that only look like secrets are left alone: TOKEN_CLEANUP_INTERVAL, MAX_TOKENS', () => {
  assert.equal(weakIn('TOKEN_CLEANUP_INTERVAL=60000\nMAX_TOKENS=4000\nJWT_ACCESS_EXPIRY=15m\n').findings.length, 0);
});

test('an access key is the public half of a pair: only its secret key is judged (getsentry self-hosted writes both as `sentry`)', () => {
  const { findings } = weakIn('AWS_ACCESS_KEY=sentry\nAWS_ACCESS_KEY_ID=sentry\nMINIO_ACCESS_KEY=minio\nAWS_SECRET_ACCESS_KEY=sentry\nAWS_SECRET_KEY=sentry\n');
  assert.deepEqual(findings.map((finding) => finding.message.split(' ')[0]), ['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY']);
});

test('compose: a weak secret in a service\'s environment, replaced in its own syntax', () => {
  const text = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    environment:\n      ENCRYPTION_KEY: "too-short-key"\n';
  const result = checkText(text, { kind: 'compose' });
  const findings = findingsOf(result, 'secret/weak');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '"too-short-key"');
  assert.match(applyFix(text, result.uri, findings[0]!.fixes[0]!), /\n      ENCRYPTION_KEY: [A-Za-z0-9+/=]{44}\n$|\n      ENCRYPTION_KEY: "[A-Za-z0-9+/=]{44}"\n$/);
});
