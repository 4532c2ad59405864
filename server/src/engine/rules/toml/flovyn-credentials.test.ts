import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

/* `~/.flovyn/credentials`: the CLI's TOML profiles. */

const PATH = '/home/dev/.flovyn/credentials';
const check = (text: string) => checkText(text, { path: PATH });
const API_KEY = 'flovyn_sk_4f9c2a7e1b8d6035c9e2f1a7b4d8c6e0';

const profile = (header: string, fields: Record<string, string>) =>
  `[${header}]\n${Object.entries(fields)
    .map(([key, value]) => `${key} = "${value}"`)
    .join('\n')}\n`;

test('the credentials file is TOML of Flovyn, and a current file has no finding', () => {
  const text =
    profile('default', { type: 'jwt', token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl', expires_at: '2999-01-01T00:00:00Z', org_slug: 'acme', server_url: 'https://api.flovyn.ai' }) +
    '\n' +
    profile('profiles.staging', { type: 'api_key', token: API_KEY, org_slug: 'acme-staging', server_url: 'https://staging.api.flovyn.ai' });
  const result = check(text);
  assert.equal(result.kind, 'toml');
  assert.equal(result.product, 'flovyn');
  assert.deepEqual(result.diagnostics.map((diagnostic) => `${diagnostic.rule}: ${diagnostic.message}`), []);
});

test('an api_key token must start flovyn_sk_ or flovyn_wk_; the message never shows it', () => {
  const text = profile('default', { type: 'api_key', token: 'sk_live_0123456789abcdef0123456789', org_slug: 'acme', server_url: 'https://api.flovyn.ai' });
  const [finding, ...rest] = findingsOf(check(text), 'schema/invalid-value');
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), '"sk_live_0123456789abcdef0123456789"');
  assert.match(finding!.message, /flovyn_sk_.*flovyn_wk_/);
  for (const diagnostic of check(text).diagnostics) assert.ok(!diagnostic.message.includes('sk_live_0123'), diagnostic.message);
  const worker = profile('default', { type: 'api_key', token: API_KEY.replace('_sk_', '_wk_'), org_slug: 'acme', server_url: 'https://api.flovyn.ai' });
  assert.deepEqual(findingsOf(check(worker), 'schema/invalid-value'), []);
});

test('an API key saved with `type = "jwt"` is reported at the type, fixed to api_key', () => {
  const text = profile('profiles.ci', { type: 'jwt', token: API_KEY, org_slug: 'acme', server_url: 'https://api.flovyn.ai' });
  const [finding] = findingsOf(check(text), 'schema/invalid-value');
  assert.equal(textOf(text, finding!), '"jwt"');
  assert.equal(applyFix(text, pathToUri(PATH), finding!.fixes[0]!), text.replace('"jwt"', '"api_key"'));
});

test('an expired JWT is reported at expires_at, naming the profile to log in again', () => {
  const text =
    profile('default', { type: 'jwt', token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl', expires_at: '2025-12-29T12:00:00Z', org_slug: 'acme', server_url: 'https://api.flovyn.ai' }) +
    profile('profiles.staging', { type: 'jwt', token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MiJ9.c2lnbmF0dXJl', expires_at: '2020-01-01T00:00:00Z', org_slug: 'acme', server_url: 'https://api.flovyn.ai' });
  const findings = findingsOf(check(text), 'schema/invalid-value');
  assert.deepEqual(findings.map((finding) => [finding.severity, textOf(text, finding)]), [
    ['warning', '"2025-12-29T12:00:00Z"'],
    ['warning', '"2020-01-01T00:00:00Z"'],
  ]);
  assert.match(findings[0]!.message, /expired on 2025-12-29.*flovyn auth login`/);
  assert.match(findings[1]!.message, /flovyn auth login --profile staging/);
});

test('a plain-http server URL is reported; localhost is fine', () => {
  const text = profile('default', { type: 'api_key', token: API_KEY, org_slug: 'acme', server_url: 'http://flovyn.internal:8000' });
  const [finding] = findingsOf(check(text), 'security/insecure-url');
  assert.equal(textOf(text, finding!), 'http://');
  const local = profile('default', { type: 'api_key', token: API_KEY, org_slug: 'acme', server_url: 'http://localhost:8000' });
  assert.deepEqual(findingsOf(check(local), 'security/insecure-url'), []);
});

test('profile keys are known under any profile name; a misspelt one is not', () => {
  const text = profile('profiles.eu-west', { type: 'api_key', token: API_KEY, org_slug: 'acme', server_url: 'https://api.flovyn.ai' }).replace('org_slug', 'org');
  const findings = findingsOf(check(text), 'schema/unknown-key');
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['org']);
  assert.deepEqual(findingsOf(check(text), 'schema/invalid-value'), []);
});

test('the guide\'s example tokens are placeholders', () => {
  const text = profile('default', { type: 'jwt', token: 'eyJhbG...', expires_at: '2999-12-29T12:00:00Z', org_slug: 'acme', server_url: 'https://api.flovyn.ai' });
  const findings = findingsOf(check(text), 'secret/placeholder');
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['"eyJhbG..."']);
});
