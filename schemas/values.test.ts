import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf } from '../server/src/engine/testing';
import { withoutUrlPassword } from './values';

test('a connection URL keeps its shape in messages but never its password', () => {
  assert.equal(withoutUrlPassword('postgresql://desk:s3cr3t-pass@db:5432/desk'), 'postgresql://desk:****@db:5432/desk');
  assert.equal(withoutUrlPassword('redis://cache:6379/0'), 'redis://cache:6379/0');
});

test('schema/invalid-value on a malformed database URL does not print its password', () => {
  const text = 'FLYDESK_DATABASE_URL=postgres://desk:canary-0b7e1d@db:5432/desk\n';
  const result = checkText(text, { kind: 'env', product: 'firefly-desk' });
  const findings = findingsOf(result, 'schema/invalid-value');
  assert.ok(findings.length >= 1, 'the wrong scheme is reported');
  for (const diagnostic of result.diagnostics) assert.doesNotMatch(diagnostic.message, /canary-0b7e1d/);
});
