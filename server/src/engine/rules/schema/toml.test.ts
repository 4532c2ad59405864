import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

/* The product rules on TOML files: the same schema as for env keys, with TOML's types and tables. */

const flovyn = [
  'database_url = "postgres://flovyn:Zq3vN8xL0pR5tY7u@db:5432/flovyn"',
  'server_port = 8000',
  'grpc_server_port = 9090',
  '',
  '[auth]',
  'enabled = false',
  '',
  '[auth.better_auth.jwt]',
  'jwks_uri = "http://app.example.com/.well-known/jwks.json"',
  'issuer = "https://app.example.com"',
  '',
].join('\n');

test('Flovyn config.toml: `[auth] enabled = false` is a development switch; the fix writes `true`', () => {
  const result = checkText(flovyn, { kind: 'toml', product: 'flovyn' });
  const findings = findingsOf(result, 'security/dev-mode');
  const enabled = findings.find((finding) => textOf(flovyn, finding) === 'false' && finding.range.start.line === 5)!;
  assert.ok(enabled, findings.map((finding) => finding.message).join('\n'));
  assert.match(enabled.message, /^auth\.enabled is set to a development value in a production file/);
  assert.equal(applyFix(flovyn, result.uri, enabled.fixes[0]!), flovyn.replace('enabled = false', 'enabled = true'));
});

test('Flovyn config.toml: an http JWKS URI is insecure; the fix switches the scheme only', () => {
  const result = checkText(flovyn, { kind: 'toml', product: 'flovyn' });
  const findings = findingsOf(result, 'security/insecure-url');
  assert.equal(findings.length, 1);
  assert.equal(textOf(flovyn, findings[0]!), 'http://');
  assert.equal(findings[0]!.range.start.line, 8);
  assert.equal(applyFix(flovyn, result.uri, findings[0]!.fixes[0]!), flovyn.replace('"http://app', '"https://app'));
});

test('a TOML value of the wrong type is refused; a misspelt FraiseQL key is an error with a rename of its last part', () => {
  const text = 'bind_addr = "0.0.0.0:8000"\ncors_origins = ["https://app.example.com"]\nplayground_enabled = "false"\ncors_enabeld = true\n';
  const result = checkText(text, { kind: 'toml', product: 'fraiseql' });
  const invalid = findingsOf(result, 'schema/invalid-value');
  assert.equal(invalid.length, 1);
  assert.equal(textOf(text, invalid[0]!), '"false"');
  assert.match(invalid[0]!.message, /^playground_enabled must be a boolean \(`true` or `false`, unquoted\), not a quoted string/);
  const unknown = findingsOf(result, 'schema/unknown-key');
  assert.equal(unknown.length, 1);
  assert.equal(textOf(text, unknown[0]!), 'cors_enabeld');
  assert.equal(unknown[0]!.severity, 'error');
  assert.equal(applyFix(text, result.uri, unknown[0]!.fixes[0]!), text.replace('cors_enabeld', 'cors_enabled'));
});

test('a CORS wildcard in a TOML array', () => {
  const text = 'cors_origins = ["https://app.example.com", "*"]\n';
  const result = checkText(text, { kind: 'toml', product: 'fraiseql' });
  const findings = findingsOf(result, 'cors/wildcard');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '*');
});
