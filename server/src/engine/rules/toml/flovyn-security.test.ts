import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

/*
 * The security rules on Flovyn's config.toml: development switches, plain-http auth URLs and a
 * password inside the database URL, in both the guide's layout and the one Flovyn's own
 * configs use.
 */

const PATH = '/project/config.toml';
const check = (text: string, mode: 'production' | 'development' = 'production') => checkText(text, { kind: 'toml', path: PATH, mode });

/** A production config that needs nothing: the guide's self-hosted example, corrected. */
const GOOD = [
  'database_url = "postgres://flovyn@db:5432/flovyn"',
  'server_port = 8000',
  'grpc_server_port = 9090',
  '',
  '[[orgs]]',
  'id = "550e8400-e29b-41d4-a716-446655440000"',
  'name = "Acme Corp"',
  'slug = "acme"',
  '',
  '[auth]',
  'enabled = true',
  '',
  '[auth.jwt]',
  'skip_verification = false',
  '',
  '[auth.better_auth]',
  'validation_url = "https://app.acme.com/api/auth/validate-key"',
  '',
  '[auth.better_auth.jwt]',
  'jwks_uri = "https://app.acme.com/.well-known/jwks.json"',
  'issuer = "https://app.acme.com"',
  '',
  '[auth.endpoints.http]',
  'authenticators = ["better_auth_jwt", "better_auth_api_key"]',
  'authorizer = "cedar"',
  'exclude_paths = ["/_/health"]',
  '',
  '[auth.endpoints.grpc]',
  'authenticators = ["better_auth_api_key", "worker_token"]',
  'authorizer = "cedar"',
  '',
].join('\n');

test('the corrected guide config is detected as Flovyn and has no security finding', () => {
  const result = check(GOOD);
  assert.equal(result.product, 'flovyn');
  for (const rule of ['security/dev-mode', 'security/insecure-url', 'security/inline-credential', 'toml/syntax']) {
    assert.deepEqual(findingsOf(result, rule), [], rule);
  }
});

test('`[auth] enabled = false` in production is a development switch, fixed to true', () => {
  const text = GOOD.replace('enabled = true', 'enabled = false');
  const [finding, ...rest] = findingsOf(check(text), 'security/dev-mode');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'false');
  assert.match(finding!.message, /auth\.enabled .*every request is accepted without credentials/);
  assert.equal(applyFix(text, pathToUri(PATH), finding!.fixes[0]!), GOOD);
  assert.deepEqual(findingsOf(check(text, 'development'), 'security/dev-mode'), []);
});

test('skipped signature verification is reported in both JWT sections and the guide layout', () => {
  const nested = GOOD.replace('skip_verification = false', 'skip_verification = true');
  const [jwt] = findingsOf(check(nested), 'security/dev-mode');
  assert.equal(nested.slice(0, jwt!.span.start).split('\n').length, 14);
  assert.equal(textOf(nested, jwt!), 'true');
  assert.match(jwt!.message, /forge/);

  const guide = GOOD.replace('[auth.better_auth.jwt]', '[auth.better_auth_jwt]').replace('issuer = "https://app.acme.com"', 'issuer = "https://app.acme.com"\nskip_verification = true');
  const findings = findingsOf(check(guide), 'security/dev-mode');
  assert.deepEqual(findings.map((finding) => textOf(guide, finding)), ['true']);
  assert.match(findings[0]!.message, /skip_verification/);
});

test('`authorizer = "none"` is a development switch; `tenant_scope` is not', () => {
  const none = GOOD.replace('authorizer = "cedar"', 'authorizer = "none"');
  assert.deepEqual(findingsOf(check(none), 'security/dev-mode').map((finding) => textOf(none, finding)), ['"none"']);
  const scoped = GOOD.replace('authorizer = "cedar"', 'authorizer = "tenant_scope"');
  assert.deepEqual(findingsOf(check(scoped), 'security/dev-mode'), []);
});

test('a server config without `[auth]` in production is reported once, the credentials file never', () => {
  const text = '# Flovyn\ndatabase_url = "postgres://db/flovyn"\nserver_port = 8000\n';
  const findings = findingsOf(check(text), 'security/dev-mode');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'database_url = "postgres://db/flovyn"');
  assert.match(findings[0]!.message, /authentication is off by default/);
  const credentials = '[default]\ntype = "api_key"\ntoken = "flovyn_sk_0123456789abcdef"\nserver_url = "https://api.flovyn.ai"\norg_slug = "acme"\n';
  assert.deepEqual(findingsOf(checkText(credentials, { kind: 'toml', path: '/home/dev/.flovyn/credentials' }), 'security/dev-mode'), []);
});

test('plain-http JWKS, issuer and validation URLs are reported at `http://` and switched to https', () => {
  const text = GOOD.replace('https://app.acme.com/.well-known', 'http://app.acme.com/.well-known').replace('validation_url = "https://', 'validation_url = "http://');
  const findings = findingsOf(check(text), 'security/insecure-url');
  assert.deepEqual(findings.map((finding) => [textOf(text, finding), finding.message.split(' ')[0]]), [
    ['http://', 'auth.better_auth.validation_url'],
    ['http://', 'auth.better_auth.jwt.jwks_uri'],
  ]);
  assert.equal(applyFix(text, pathToUri(PATH), findings[0]!.fixes[0]!), GOOD.replace('https://app.acme.com/.well-known', 'http://app.acme.com/.well-known'));
});

test('the guide layout `[auth.better_auth_jwt]` is checked the same way; loopback http is fine', () => {
  const guide = '[auth]\nenabled = true\n[auth.better_auth_jwt]\njwks_uri = "http://app.acme.com/.well-known/jwks.json"\nissuer = "http://localhost:3000"\n';
  const findings = findingsOf(checkText(guide, { kind: 'toml', path: PATH, product: 'flovyn' }), 'security/insecure-url');
  assert.equal(findings.length, 1);
  assert.equal(guide.slice(0, findings[0]!.span.start).split('\n').length, 4);
});

test('a password inside the database URL is an inline credential, in either layout', () => {
  for (const line of ['database_url = "postgres://flovyn:s3cret-pw@db:5432/flovyn"', '[database]\nurl = "postgres://flovyn:s3cret-pw@db:5432/flovyn"']) {
    const text = `${line}\n`;
    const findings = findingsOf(checkText(text, { kind: 'toml', path: PATH, product: 'flovyn' }), 'security/inline-credential');
    assert.equal(findings.length, 1, line);
    assert.equal(textOf(text, findings[0]!), '"postgres://flovyn:s3cret-pw@db:5432/flovyn"');
    assert.match(findings[0]!.message, /DATABASE_URL/);
    assert.ok(!findings[0]!.message.includes('s3cret-pw'));
  }
  assert.deepEqual(findingsOf(check(GOOD), 'security/inline-credential'), []);
});

test('a short static API key is weak, and its value never appears in a message', () => {
  const text = `${GOOD}\n[auth.static_api_key]\nkeys = [{ key = "abc123", org_id = "550e8400-e29b-41d4-a716-446655440000", principal_type = "Worker" }]\n`;
  const findings = findingsOf(check(text), 'secret/weak');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '"abc123"');
  for (const diagnostic of check(text).diagnostics) assert.ok(!diagnostic.message.includes('abc123'), diagnostic.message);
});
