import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/exposed-datastore';

test('datastore ports published on all interfaces, in every short form, each with a loopback fix', () => {
  const text = [
    'services:',
    '  db:',
    '    image: postgres:16',
    '    ports:',
    '      - "5432:5432"',
    '      - 0.0.0.0:5433:5432',
    '      - 5432',
    '      - "${REDIS_PORT:-6379}:6379/tcp"',
    '      - "127.0.0.1:5434:5432"',
    '      - "8080:80"',
    '      - "[::]:27017:27017"',
    '',
  ].join('\n');
  const result = checkText(text, { kind: 'compose' });
  const findings = findingsOf(result, RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), [
    '"5432:5432"',
    '0.0.0.0:5433:5432',
    '5432',
    '"${REDIS_PORT:-6379}:6379/tcp"',
    '"[::]:27017:27017"',
  ]);
  assert.match(findings[0]!.message, /^PostgreSQL port 5432 of service `db` is published on all interfaces/);
  assert.match(findings[3]!.message, /^Redis port 6379/);
  const fixed = findings.map((finding) => applyFix(text, result.uri, finding.fixes[0]!));
  assert.ok(fixed[0]!.includes('      - "127.0.0.1:5432:5432"\n'));
  assert.ok(fixed[1]!.includes('      - 127.0.0.1:5433:5432\n'));
  assert.ok(fixed[2]!.includes('      - "127.0.0.1::5432"\n'));
  assert.ok(fixed[3]!.includes('      - "127.0.0.1:${REDIS_PORT:-6379}:6379/tcp"\n'));
  assert.ok(fixed[4]!.includes('      - "127.0.0.1:27017:27017"\n'));
  for (const after of fixed) assert.equal(findingsOf(checkText(after, { kind: 'compose' }), RULE).length, 4);
});

test('long syntax: host_ip inserted under the mapping, or 0.0.0.0 replaced', () => {
  const text = 'services:\n  cache:\n    image: redis\n    ports:\n      - target: 6379\n        published: 6379\n      - target: 6379\n        host_ip: 0.0.0.0\n        published: 6380\n';
  const result = checkText(text, { kind: 'compose' });
  const [first, second] = findingsOf(result, RULE);
  assert.equal(
    applyFix(text, result.uri, first!.fixes[0]!),
    text.replace('        published: 6379\n', '        published: 6379\n        host_ip: 127.0.0.1\n'),
  );
  assert.equal(applyFix(text, result.uri, second!.fixes[0]!), text.replace('0.0.0.0', '127.0.0.1'));
});

test('loopback bindings, non-datastore ports and development mode are not reported', () => {
  const text = 'services:\n  web:\n    image: nginx\n    ports: ["80:80", "443:443"]\n  db:\n    image: postgres\n    ports: ["127.0.0.1:5432:5432"]\n    expose: ["5432"]\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose' }), RULE), []);
  const dev = '# deploy-doctor mode=development\nservices:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n';
  assert.deepEqual(findingsOf(checkText(dev, { kind: 'compose' }), RULE), []);
});
