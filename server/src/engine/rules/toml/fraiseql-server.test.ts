import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

/*
 * fraiseql-server's TOML (`--config` / FRAISEQL_CONFIG): flat keys read with
 * deny_unknown_fields, and the production refusals of its `validate()`.
 */

const PATH = '/project/deploy/fraiseql-server.toml';
const check = (text: string, mode: 'production' | 'development' = 'production') => checkText(text, { kind: 'toml', path: PATH, mode });

const GOOD = [
  'schema_path = "/app/schema.compiled.json"',
  'bind_addr = "0.0.0.0:8000"',
  'cors_origins = ["https://app.example.com"]',
  'playground_enabled = false',
  'metrics_enabled = true',
  'metrics_token = "9f3c1a7e5b2d8046"',
  'pool_min_size = 2',
  'pool_max_size = 20',
  '',
  '[auth]',
  'issuer = "https://accounts.example.com"',
  'audience = "fraiseql-api"',
  '',
  '[rate_limiting]',
  'enabled = true',
  'rps_per_ip = 50',
  'rps_per_user = 100',
  'burst_size = 20',
  '',
].join('\n');

test('a production server config is detected as FraiseQL and has no finding', () => {
  const result = check(GOOD);
  assert.equal(result.product, 'fraiseql');
  assert.deepEqual(result.diagnostics.map((diagnostic) => `${diagnostic.rule}: ${diagnostic.message}`), []);
});

test('three server keys are enough to recognise FraiseQL; Flovyn\'s config is not mistaken for it', () => {
  const minimal = 'database_url = "postgresql://app@db/app"\nbind_addr = "0.0.0.0:8000"\ncors_origins = ["https://app.example.com"]\n';
  assert.equal(check(minimal).product, 'fraiseql');
  assert.equal(check('database_url = "postgres://db/flovyn"\nserver_port = 8000\n[auth]\nenabled = true\n').product, 'flovyn');
});

test('an unknown top-level key stops the server: an error, with the closest key', () => {
  const text = GOOD.replace('bind_addr', 'bind_address');
  const [finding, ...rest] = findingsOf(check(text), 'schema/unknown-key');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'bind_address');
  assert.match(finding!.message, /bind_addr/);
  assert.match(finding!.message, /deny_unknown_fields/);
});

test('a `[database]` or `[server]` table belongs to fraiseql.toml: one error per table', () => {
  const text = `${GOOD}[database]\nurl = "postgres://db/app"\npool_max = 20\n[server]\nport = 8080\n`;
  const findings = findingsOf(check(text), 'schema/invalid-value');
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['url', 'port']);
  assert.match(findings[0]!.message, /`\[database\]` is a table of `fraiseql.toml`/);
  assert.deepEqual(findingsOf(check(text), 'schema/unknown-key'), []);
});

test('the playground in production is a development switch the server refuses', () => {
  const text = GOOD.replace('playground_enabled = false', 'playground_enabled = true');
  const [finding] = findingsOf(check(text), 'security/dev-mode');
  assert.equal(textOf(text, finding!), 'true');
  assert.match(finding!.message, /refuses to start in production/);
  assert.deepEqual(findingsOf(check(text, 'development'), 'security/dev-mode'), []);
});

test('CORS on (the default) with no origins: the server refuses to start in production', () => {
  const text = GOOD.replace('cors_origins = ["https://app.example.com"]\n', '');
  const [finding] = findingsOf(check(text), 'schema/missing-required');
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /cors_origins.*cors_enabled = false/);
  assert.deepEqual(findingsOf(check(`cors_enabled = false\n${text}`), 'schema/missing-required'), []);
  assert.deepEqual(findingsOf(check(text, 'development'), 'schema/missing-required'), []);
});

test('`*` among the CORS origins is a wildcard', () => {
  const text = GOOD.replace('["https://app.example.com"]', '["*"]');
  const [finding] = findingsOf(check(text), 'cors/wildcard');
  assert.ok(finding);
  assert.equal(text.slice(0, finding.span.start).split('\n').length, 3);
});

test('`[tls] enabled = true` is refused at start-up: terminate TLS in the proxy', () => {
  const text = `${GOOD}[tls]\nenabled = true\ncert_path = "/etc/tls/cert.pem"\nkey_path = "/etc/tls/key.pem"\n`;
  const [finding, ...rest] = findingsOf(check(text), 'schema/invalid-value');
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), 'true');
  assert.match(finding!.message, /reverse proxy/);
});

test('short metrics and admin tokens are weak and refused; the values never appear', () => {
  const text = `admin_api_enabled = true\nadmin_token = "only-twenty-chars-xx"\n${GOOD.replace('9f3c1a7e5b2d8046', 'short-token')}`;
  const findings = findingsOf(check(text), 'secret/weak');
  assert.deepEqual(findings.map((finding) => [finding.severity, textOf(text, finding)]), [
    ['error', '"only-twenty-chars-xx"'],
    ['error', '"short-token"'],
  ]);
  for (const diagnostic of check(text).diagnostics) {
    assert.ok(!diagnostic.message.includes('short-token') && !diagnostic.message.includes('only-twenty'), diagnostic.message);
  }
});

test('metrics on without a token is a missing required setting', () => {
  const text = GOOD.replace('metrics_token = "9f3c1a7e5b2d8046"\n', '');
  const findings = findingsOf(check(text), 'secret/missing').concat(findingsOf(check(text), 'schema/missing-required'));
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /metrics_token/);
});

test('an http issuer other than localhost, and `[auth]` with `[auth_hs256]`, are refused', () => {
  const text = `${GOOD.replace('https://accounts.example.com', 'http://accounts.example.com')}[auth_hs256]\nsecret_env = "FRAISEQL_HS256_SECRET"\naudience = "api"\n`;
  const invalid = findingsOf(check(text), 'schema/invalid-value');
  assert.deepEqual(invalid.map((finding) => textOf(text, finding)), ['"http://accounts.example.com"']);
  const conflicts = findingsOf(check(text), 'schema/conflict');
  assert.deepEqual(conflicts.map((finding) => textOf(text, finding)), ['secret_env']);
  const local = GOOD.replace('https://accounts.example.com', 'http://localhost:8080/realms/dev');
  assert.deepEqual(findingsOf(check(local), 'schema/invalid-value'), []);
});

test('pool and rate-limit settings that contradict each other', () => {
  const text = GOOD.replace('pool_min_size = 2', 'pool_min_size = 30').replace('rps_per_user = 100', 'rps_per_user = 10').replace('burst_size = 20', 'burst_size = 0');
  const conflicts = findingsOf(check(text), 'schema/conflict');
  assert.deepEqual(conflicts.map((finding) => [finding.severity, textOf(text, finding)]), [
    ['error', '30'],
    ['warning', '10'],
  ]);
  const invalid = findingsOf(check(text), 'schema/invalid-value');
  assert.deepEqual(invalid.map((finding) => textOf(text, finding)), ['0']);
});

test('a wrong TOML type is refused: the whole config fails to load', () => {
  const text = GOOD.replace('pool_max_size = 20', 'pool_max_size = "20"');
  const [finding] = findingsOf(check(text), 'schema/invalid-value');
  assert.equal(textOf(text, finding!), '"20"');
  assert.equal(finding!.severity, 'error');
});

test('a password in database_url is an inline credential', () => {
  const text = `database_url = "postgresql://app:hunter2hunter2@db/app"\n${GOOD}`;
  const [finding] = findingsOf(check(text), 'security/inline-credential');
  assert.equal(textOf(text, finding!), '"postgresql://app:hunter2hunter2@db/app"');
  assert.ok(!finding!.message.includes('hunter2'));
});
