import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, engineFor, findingsOf, memoryWorkspace, textOf } from '../../testing';
import { pathToUri } from '../../uri';

/*
 * The schema rules on Flovyn's config.toml: values, both layouts never unknown, and the
 * cross-setting conflicts of Flovyn's product checks.
 */

const check = (text: string, mode: 'production' | 'development' = 'production') =>
  checkText(text, { kind: 'toml', path: '/project/config.toml', product: 'flovyn', mode });
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

const AUTH = [
  '[auth]',
  'enabled = true',
  '[auth.better_auth]',
  'validation_url = "https://app.acme.com/api/auth/validate-key"',
  '[auth.better_auth.jwt]',
  'jwks_uri = "https://app.acme.com/.well-known/jwks.json"',
  '[auth.endpoints.http]',
  'authenticators = ["better_auth_jwt"]',
  'exclude_paths = ["/_/health"]',
  '[auth.endpoints.grpc]',
  'authenticators = ["better_auth_api_key"]',
  '',
].join('\n');

test('both layouts of the database URL, ports and Better Auth JWT section are known keys', () => {
  const source = 'database_url = "postgres://db/flovyn"\nserver_port = 8000\ngrpc_server_port = 9090\n' + AUTH;
  const guide = '[database]\nurl = "postgres://db/flovyn"\n[server]\nhttp_port = 8000\ngrpc_port = 9090\n' + AUTH.replace('[auth.better_auth.jwt]', '[auth.better_auth_jwt]') + '[auth.org_resolver]\ncache_ttl_secs = 300\nauto_create = true\n';
  for (const text of [source, guide]) {
    const result = check(text);
    assert.deepEqual(findingsOf(result, 'schema/unknown-key'), []);
    assert.deepEqual(findingsOf(result, 'schema/invalid-value'), []);
    assert.deepEqual(findingsOf(result, 'schema/conflict'), []);
  }
});

test('a misspelt key is unknown (a warning: Flovyn ignores it) with the closest known key', () => {
  const text = `${AUTH}[auth.endpoints.http]\n`.replace('exclude_paths', 'exclude_path');
  const findings = findingsOf(check(text.replace(/\[auth\.endpoints\.http\]\n$/, '')), 'schema/unknown-key');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.match(findings[0]!.message, /exclude_paths/);
});

test('ports out of range, a non-UUID org id and an upper-case slug are invalid values', () => {
  const text = 'server_port = 70000\n[[orgs]]\nid = "acme-1"\nname = "Acme"\nslug = "Acme"\ntier = "GOLD"\n';
  const findings = findingsOf(check(text), 'schema/invalid-value');
  assert.deepEqual(
    findings.map((finding) => textOf(text, finding)),
    ['70000', '"acme-1"', '"Acme"', '"GOLD"'],
  );
  assert.ok(findings.every((finding) => finding.severity === 'error'));
  assert.match(findings[1]!.message, /UUID/);
});

test('a port written as a string is the wrong TOML type', () => {
  const text = 'server_port = "8000"\n';
  const [finding] = findingsOf(check(text), 'schema/invalid-value');
  assert.equal(textOf(text, finding!), '"8000"');
  assert.match(finding!.message, /integer/);
});

test('the same port twice is a conflict, including a port equal to the other\'s default', () => {
  const text = '[server]\nhttp_port = 9000\ngrpc_port = 9000\n';
  const findings = findingsOf(check(text), 'schema/conflict');
  assert.equal(findings.length, 1);
  assert.equal(lineOf(text, findings[0]!.span.start), 3);
  assert.match(findings[0]!.message, /gRPC port is the same as the HTTP port \(9000\)/);
  const implicit = 'server_port = 9090\n';
  const [onDefault] = findingsOf(check(implicit), 'schema/conflict');
  assert.equal(textOf(implicit, onDefault!), '9090');
  assert.match(onDefault!.message, /its default/);
  assert.deepEqual(findingsOf(check('server_port = 8000\ngrpc_server_port = 9090\n'), 'schema/conflict'), []);
});

test('duplicate org ids and slugs are reported at the second org', () => {
  const org = (id: string, slug: string) => `[[orgs]]\nid = "${id}"\nname = "N"\nslug = "${slug}"\n`;
  const text = org('550e8400-e29b-41d4-a716-446655440000', 'acme') + org('550e8400-e29b-41d4-a716-446655440000', 'beta') + org('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'acme');
  const findings = findingsOf(check(text), 'schema/conflict');
  assert.deepEqual(
    findings.map((finding) => [lineOf(text, finding.span.start), textOf(text, finding)]),
    [
      [6, '"550e8400-e29b-41d4-a716-446655440000"'],
      [12, '"acme"'],
    ],
  );
  assert.match(findings[0]!.message, /orgs 1 and 2/);
  assert.match(findings[1]!.message, /orgs 1 and 3/);
});

test('an authenticator listed with no section configuring it is a conflict', () => {
  const text = AUTH.replace('["better_auth_jwt"]', '["better_auth_jwt", "jwt", "static_api_key"]').replace('jwks_uri = "https://app.acme.com/.well-known/jwks.json"\n', '');
  const findings = findingsOf(check(text), 'schema/conflict');
  assert.deepEqual(
    findings.map((finding) => [finding.severity, finding.message.split(' ')[0]]),
    [
      ['error', '`better_auth_jwt`'],
      ['error', '`jwt`'],
      ['warning', '`static_api_key`'],
    ],
  );
  assert.ok(findings.every((finding) => textOf(text, finding) === '["better_auth_jwt", "jwt", "static_api_key"]'));
});

test('an unknown authenticator name fails closed and is an invalid value', () => {
  const text = AUTH.replace('["better_auth_api_key"]', '["better_auth_api_key", "api_key"]');
  const [finding, ...rest] = findingsOf(check(text), 'schema/invalid-value');
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), '["better_auth_api_key", "api_key"]');
  assert.match(finding!.message, /Unknown authenticator `api_key`.*denies every gRPC request/);
});

test('an empty authenticator list while auth is enabled allows everything: an error in production', () => {
  const text = AUTH.replace('authenticators = ["better_auth_api_key"]', 'authenticators = []');
  const [finding] = findingsOf(check(text), 'schema/conflict');
  assert.equal(textOf(text, finding!), '[]');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /allows every gRPC request/);
  assert.equal(findingsOf(check(text, 'development'), 'schema/conflict')[0]!.severity, 'warning');
  const disabled = text.replace('enabled = true', 'enabled = false');
  assert.deepEqual(findingsOf(check(disabled, 'development'), 'schema/conflict'), []);
});

test('without `/_/health` in exclude_paths, health checks get 401: a warning', () => {
  const text = AUTH.replace('exclude_paths = ["/_/health"]', 'exclude_paths = ["/api/docs"]');
  const findings = findingsOf(check(text), 'schema/invalid-value');
  assert.deepEqual(findings.map((finding) => [finding.severity, textOf(text, finding)]), [['warning', '["/api/docs"]']]);
});

test('NATS enabled without a URL is a missing required setting', () => {
  const text = '[nats]\nenabled = true\n';
  const [finding, ...rest] = findingsOf(check(text), 'schema/missing-required');
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /nats\.url/);
  assert.deepEqual(findingsOf(check('[nats]\nenabled = true\nurl = "nats://nats:4222"\n'), 'schema/missing-required'), []);
});

test('hover on either layout says which form Flovyn\'s own configs use', () => {
  const text = '[database]\nurl = "postgres://db/flovyn"\n[auth.better_auth_jwt]\njwks_uri = "https://app.acme.com/.well-known/jwks.json"\n';
  const uri = pathToUri('/project/config.toml');
  const hoverAt = (needle: string) =>
    engineFor().hover({ uri, text, kind: 'toml' }, memoryWorkspace({ '/project/config.toml': text }), text.indexOf(needle) + 1, { product: 'flovyn' });
  const url = hoverAt('url =');
  assert.ok(url);
  assert.equal(textOf(text, url), 'url');
  assert.match(url.markdown, /own configs .* write top-level `database_url`; the deployment guide .* writes `\[database\] url`/);
  const jwks = hoverAt('jwks_uri');
  assert.match(jwks!.markdown, /\[auth\.better_auth\.jwt\] jwks_uri`; the deployment guide .* `\[auth\.better_auth_jwt\] jwks_uri`/);
  assert.ok(!jwks!.markdown.includes('app.acme.com'));
});
