import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/healthcheck-missing';

test('service_healthy on postgres without a healthcheck: pg_isready from its environment, at its indentation', () => {
  const text = [
    'services:',
    '    app:',
    '        image: example/app',
    '        depends_on:',
    '            db:',
    '                condition: service_healthy',
    '    db:',
    '        image: pgvector/pgvector:pg16',
    '        environment:',
    '            POSTGRES_DB: flydesk',
    '            POSTGRES_USER: flydesk_user',
    '            POSTGRES_PASSWORD: ${DB_PASSWORD}',
    'volumes: {}',
    '',
  ].join('\n');
  const result = checkText(text, { kind: 'compose' });
  const [finding, ...rest] = findingsOf(result, RULE);
  assert.equal(rest.length, 0);
  assert.ok(finding);
  assert.equal(finding.span.start, text.indexOf('db:'));
  assert.equal(textOf(text, finding), 'db');
  assert.match(finding.message, /`db` has no healthcheck, and the PostgreSQL image \(`pgvector\/pgvector:pg16`\) defines none/);
  assert.equal(finding.related[0]!.range.start.line, 6);
  const fixed = applyFix(text, result.uri, finding.fixes[0]!);
  assert.equal(
    fixed,
    text.replace(
      '            POSTGRES_PASSWORD: ${DB_PASSWORD}\n',
      [
        '            POSTGRES_PASSWORD: ${DB_PASSWORD}',
        '        healthcheck:',
        '            test: ["CMD-SHELL", "pg_isready -U flydesk_user -d flydesk"]',
        '            interval: 5s',
        '            timeout: 3s',
        '            retries: 5',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(checkText(fixed, { kind: 'compose' }), RULE), []);
});

test('redis gets redis-cli ping; CRLF files keep CRLF; a file without a final line break gets one', () => {
  const text = 'services:\r\n  app:\r\n    image: x\r\n    depends_on:\r\n      cache: {condition: service_healthy}\r\n  cache:\r\n    image: redis:7-alpine';
  const result = checkText(text, { kind: 'compose' });
  const [finding] = findingsOf(result, RULE);
  assert.equal(
    applyFix(text, result.uri, finding!.fixes[0]!),
    text + '\r\n    healthcheck:\r\n      test: ["CMD", "redis-cli", "ping"]\r\n      interval: 5s\r\n      timeout: 3s\r\n      retries: 5\r\n',
  );
});

test('an unknown image: the message says its image may define one, and there is no fix', () => {
  const text = 'services:\n  web:\n    image: nginx\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    image: example/api:1\n';
  const [finding] = findingsOf(checkText(text, { kind: 'compose' }), RULE);
  assert.match(finding!.message, /unless its image `example\/api:1` defines a HEALTHCHECK \(not knowable from here\)/);
  assert.deepEqual(finding!.fixes, []);
});

test('a disabled healthcheck is reported; a defined one, one inherited by extends, and other conditions are not', () => {
  const disabled = 'services:\n  web:\n    image: a\n    depends_on:\n      db: {condition: service_healthy}\n  db:\n    image: postgres\n    healthcheck:\n      disable: true\n';
  assert.match(findingsOf(checkText(disabled, { kind: 'compose' }), RULE)[0]!.message, /disables its healthcheck/);
  const fine = [
    'services:',
    '  web:',
    '    image: a',
    '    depends_on:',
    '      db: {condition: service_healthy}',
    '      child: {condition: service_healthy}',
    '      other: {condition: service_started}',
    '  db:',
    '    image: postgres',
    '    healthcheck: {test: ["CMD", "pg_isready"]}',
    '  child:',
    '    extends: db',
    '  other:',
    '    image: redis',
    '',
  ].join('\n');
  assert.deepEqual(findingsOf(checkText(fine, { kind: 'compose' }), RULE), []);
});

test('postgres with an env_file reads the user from the container environment', () => {
  const text = 'services:\n  web:\n    image: a\n    depends_on:\n      db: {condition: service_healthy}\n  db:\n    image: postgres:16\n    env_file: db.env\n';
  const result = checkText(text, { kind: 'compose', files: { '/project/db.env': 'POSTGRES_USER=u\n' } });
  const fixed = applyFix(text, result.uri, findingsOf(result, RULE)[0]!.fixes[0]!);
  assert.match(fixed, /test: \["CMD-SHELL", "pg_isready -U '\$\$\{POSTGRES_USER:-postgres\}' -d '\$\$\{POSTGRES_DB:-\$\$\{POSTGRES_USER:-postgres\}\}'"\]/);
  assert.deepEqual(findingsOf(checkText(fixed, { kind: 'compose', files: { '/project/db.env': 'POSTGRES_USER=u\n' } }), 'compose/syntax'), []);
});
