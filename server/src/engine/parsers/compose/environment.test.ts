import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { composeEnvironmentGroups, newSettingText } from './environment';
import { parseCompose } from './parse';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const lookupOf = (env: Record<string, string>) => (name: string) => env[name];

test('map form: exact spans, interpolated values from the lookup', () => {
  const text = [
    'services:',
    '  api:',
    '    image: ghcr.io/example/api:1',
    '    environment:',
    '      PLAIN: value',
    '      QUOTED: "two words"',
    '      FROM_ENV: ${SECRET}',
    '      DEFAULTED: ${MISSING:-fallback}',
    '      ESCAPED: a$$b',
    '      NUMBER: 5',
    '      INHERITED:',
    '    ports: ["80:80"]',
    '',
  ].join('\n');
  const [group] = composeEnvironmentGroups(parseCompose(text), lookupOf({ SECRET: 's3', INHERITED: 'from-dotenv' }));
  assert.ok(group);
  assert.equal(group.scope, 'api');
  assert.equal(slice(text, group.scopeSpan), 'api');
  assert.equal(group.image, 'ghcr.io/example/api:1');
  assert.equal(group.form, 'map');
  assert.deepEqual(
    group.settings.map((s) => [s.key, s.value, slice(text, s.keySpan), slice(text, s.valueSpan), s.interpolated]),
    [
      ['PLAIN', 'value', 'PLAIN', 'value', false],
      ['QUOTED', 'two words', 'QUOTED', '"two words"', false],
      ['FROM_ENV', 's3', 'FROM_ENV', '${SECRET}', true],
      ['DEFAULTED', 'fallback', 'DEFAULTED', '${MISSING:-fallback}', true],
      ['ESCAPED', 'a$b', 'ESCAPED', 'a$$b', true],
      ['NUMBER', '5', 'NUMBER', '5', false],
      ['INHERITED', 'from-dotenv', 'INHERITED', '', true],
    ],
  );
  // A new entry goes after the last one, in the map's indentation.
  assert.equal(group.insertAt, text.indexOf('    ports:'));
  assert.equal(newSettingText(group.insertion!, 'NEW_KEY', 'a$b c'), '      NEW_KEY: "a$$b c"\n');
});

test('list form: spans inside plain and quoted items, bare keys from the lookup', () => {
  const text = [
    'services:',
    '  worker:',
    '    environment:',
    '      - MODE=docker',
    '      - "QUOTED=with space"',
    '      - TZ',
    '      - UNSET',
    '      - EMPTY=',
  ].join('\r\n');
  const [group] = composeEnvironmentGroups(parseCompose(text), lookupOf({ TZ: 'UTC' }));
  assert.ok(group);
  assert.equal(group.form, 'list');
  assert.deepEqual(
    group.settings.map((s) => [s.key, s.value, slice(text, s.keySpan), slice(text, s.valueSpan), s.interpolated]),
    [
      ['MODE', 'docker', 'MODE', 'docker', false],
      ['QUOTED', 'with space', 'QUOTED', 'with space', false],
      ['TZ', 'UTC', 'TZ', '', true],
      ['UNSET', undefined, 'UNSET', '', false],
      ['EMPTY', '', 'EMPTY', '', false],
    ],
  );
  // The file ends without a line break: the new entry starts with one, in the file's CRLF.
  assert.equal(group.insertAt, text.length);
  assert.equal(newSettingText(group.insertion!, 'KEY', 'v'), '\r\n      - KEY=v\r\n');
});

test('a service without environment gets the whole block, at its indentation', () => {
  const text = 'services:\n    db:\n        image: postgres:16\n        volumes:\n            - data:/var/lib/postgresql/data\nvolumes:\n    data:\n';
  const [group] = composeEnvironmentGroups(parseCompose(text), () => undefined);
  assert.ok(group);
  assert.equal(group.form, 'absent');
  assert.deepEqual(group.settings, []);
  assert.equal(group.insertAt, text.indexOf('volumes:\n    data'));
  assert.equal(newSettingText(group.insertion!, 'POSTGRES_PASSWORD', 'x'), '        environment:\n            POSTGRES_PASSWORD: x\n');
});

test('env_file paths are listed in short and long form', () => {
  const text = 'services:\n  a:\n    env_file: .env.a\n  b:\n    env_file:\n      - common.env\n      - path: ./b.env\n        required: false\n';
  const groups = composeEnvironmentGroups(parseCompose(text), () => undefined);
  assert.deepEqual(groups.map((g) => g.envFiles), [['.env.a'], ['common.env', './b.env']]);
});

test('a service written in flow style has no insertion text, and spans stay inside the text', () => {
  const text = 'services: {web: {image: nginx, environment: {A: "1"}}}';
  const [group] = composeEnvironmentGroups(parseCompose(text), () => undefined);
  assert.ok(group);
  assert.equal(group.insertion, undefined);
  assert.equal(slice(text, group.settings[0]!.valueSpan), '"1"');
});
