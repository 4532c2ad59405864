import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as parseToml } from '@iarna/toml';
import { parse as parseYaml } from 'yaml';
import { Engine } from '../engine';
import type { FileKind } from '../types';
import { pathToUri } from '../uri';
import { keyTargetAt } from './keyTarget';

const engine = new Engine();
const VALUE = 'gen-Value_1=';

/** The text after writing VALUE for the key on `line`, and the format the schema gives it. */
function generate(path: string, text: string, line: number, kind?: FileKind): { format: string | undefined; key: string; text: string | undefined } {
  const analyzed = engine.analyze({ uri: pathToUri(path), text, ...(kind ? { kind } : {}) })!;
  const target = keyTargetAt(analyzed, engine.products, line);
  assert.ok(target, `a key on line ${line}`);
  const edit = target.replaceValue?.(VALUE);
  return { format: target.format, key: target.key, text: edit ? text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end) : undefined };
}

test('.env: the schema format of the key, the value replaced in its quote style', () => {
  const text = 'FLYDESK_CREDENTIAL_ENCRYPTION_KEY=changeme\nFLYDESK_SECRET_KEY="old value"\nFLYDESK_DEV_MODE=false\n';
  assert.deepEqual(generate('/p/.env', text, 0), {
    format: 'fernet',
    key: 'FLYDESK_CREDENTIAL_ENCRYPTION_KEY',
    text: `FLYDESK_CREDENTIAL_ENCRYPTION_KEY=${VALUE}\nFLYDESK_SECRET_KEY="old value"\nFLYDESK_DEV_MODE=false\n`,
  });
  assert.equal(generate('/p/.env', text, 1).text, `FLYDESK_CREDENTIAL_ENCRYPTION_KEY=changeme\nFLYDESK_SECRET_KEY="${VALUE}"\nFLYDESK_DEV_MODE=false\n`);
  assert.equal(generate('/p/.env', text, 2).format, undefined, 'not a secret');
});

test('.env: a key without a value gets one; no product detected still finds a known secret format', () => {
  assert.deepEqual(generate('/p/.env', 'JWT_SECRET=\n', 0), { format: 'base64-32', key: 'JWT_SECRET', text: `JWT_SECRET=${VALUE}\n` });
});

test('no key on the line: no target', () => {
  const analyzed = engine.analyze({ uri: pathToUri('/p/.env'), text: '# comment\n\nA=1\n' })!;
  assert.equal(keyTargetAt(analyzed, engine.products, 0), undefined);
  assert.equal(keyTargetAt(analyzed, engine.products, 1), undefined);
});

test('compose: a list item inside a map (malformed YAML) is not a setting name, so nothing of its value is named', () => {
  const text = 'services:\n  app:\n    environment:\n      JWT_SECRET: a\n      - ENCRYPTION_KEY=hunter2hunter2\n';
  const analyzed = engine.analyze({ uri: pathToUri('/p/docker-compose.yml'), text })!;
  const target = keyTargetAt(analyzed, engine.products, 4);
  assert.ok(!target || !target.key.includes('hunter2'), JSON.stringify(target?.key));
});

test('compose: map form keeps YAML valid, list form writes inside the item, ${VAR} references are not replaced', () => {
  const text = [
    'services:',
    '  app:',
    '    image: ghcr.io/example/app',
    '    environment:',
    '      JWT_SECRET: old',
    '      ENCRYPTION_KEY:',
    '      SESSION: ${SESSION_SECRET}',
    '  worker:',
    '    image: ghcr.io/example/worker',
    '    environment:',
    '      - "JWT_SECRET=old"',
    '',
  ].join('\n');
  const path = '/p/docker-compose.yml';
  const map = generate(path, text, 4);
  assert.equal(map.key, 'JWT_SECRET');
  assert.deepEqual(parseYaml(map.text!).services.app.environment.JWT_SECRET, VALUE);
  const empty = generate(path, text, 5);
  assert.deepEqual(parseYaml(empty.text!).services.app.environment.ENCRYPTION_KEY, VALUE);
  assert.equal(generate(path, text, 6).text, undefined);
  const list = generate(path, text, 10);
  assert.deepEqual(parseYaml(list.text!).services.worker.environment, [`JWT_SECRET=${VALUE}`]);
});

test('TOML: string values are quoted', () => {
  const text = '[auth]\nsecret = \'old\'\ntoken = 12\n';
  const path = '/p/config/config.toml';
  assert.deepEqual(parseToml(generate(path, text, 1, 'toml').text!), { auth: { secret: VALUE, token: 12 } });
  assert.deepEqual(parseToml(generate(path, text, 2, 'toml').text!), { auth: { secret: 'old', token: VALUE } });
});
