import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { fireflyDesk } from './firefly-desk';
import { flovyn } from './flovyn';
import { settingsView } from './view';

const written = (entries: Record<string, string>) => Object.entries(entries).map(([key, value]) => ({ key, value, typedValue: value }));

test('a setting is found by its key, an alias or another case where the product ignores case', () => {
  const view = settingsView(fireflyDesk, written({ flydesk_dev_mode: 'true', FLYDESK_CORS_ORIGINS: '["https://a.example"]' }), 'production', 'env');
  assert.equal(view.get('FLYDESK_DEV_MODE')?.value, 'true');
  assert.equal(view.bool('FLYDESK_DEV_MODE'), true);
  assert.equal(view.all('FLYDESK_CORS_ORIGINS').length, 1);
  assert.equal(view.get('FLYDESK_REDIS_URL'), undefined);
});

test('a key family answers to its own name with every member; a member answers only for itself', () => {
  const view = settingsView(flovyn, written({ NATS__URL: 'nats://a:4222', AUTH__JWT__ISSUER: 'https://id.example', FOO__BAR: 'x' }), 'production', 'env');
  assert.equal(view.get('AUTH__JWT__ISSUER')?.value, 'https://id.example');
  assert.equal(view.get('FOO__BAR')?.value, 'x');
  assert.equal(view.get('NATS__URL')?.value, 'nats://a:4222');
  assert.deepEqual(view.all('SECTION__KEY').map((setting) => setting.key), ['AUTH__JWT__ISSUER', 'FOO__BAR']);
  assert.equal(view.get('AUTH__JWT__AUDIENCE'), undefined, 'another member of the family is not set');
});

test('keys the product does not read are found as written; absent keys fall back to the default', () => {
  const view = settingsView(flovyn, written({ SOMETHING_ELSE: '1' }), 'production', 'env');
  assert.equal(view.get('SOMETHING_ELSE')?.value, '1');
  assert.deepEqual(view.keys(), ['SOMETHING_ELSE']);
  assert.equal(view.valueOrDefault('UNKNOWN_AND_ABSENT'), undefined);
});
