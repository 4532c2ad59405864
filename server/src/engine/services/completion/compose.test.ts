import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { engineFor, memoryWorkspace } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/docker-compose.yml';
const completeAt = (text: string, offset: number) =>
  engineFor().complete({ uri: pathToUri(PATH), text, kind: 'compose' }, memoryWorkspace({ [PATH]: text }), offset).filter((item) => item.detail?.startsWith('Compose'));

test('service keys the service does not have yet, with descriptions', () => {
  const text = 'services:\n  web:\n    image: nginx\n    \n  db:\n    image: postgres\n';
  const labels = completeAt(text, text.indexOf('    \n') + 4).map((item) => item.label);
  assert.ok(labels.includes('healthcheck'));
  assert.ok(labels.includes('depends_on'));
  assert.ok(!labels.includes('image'));
  const healthcheck = completeAt(text, text.indexOf('    \n') + 4).find((item) => item.label === 'healthcheck')!;
  assert.equal(healthcheck.insertText, 'healthcheck: ');
  assert.ok(healthcheck.documentation && healthcheck.documentation.length > 0);
});

test('top-level keys at column 0, healthcheck keys inside healthcheck, an empty service from its key line', () => {
  const top = 'services:\n  web:\n    image: nginx\nvol';
  assert.ok(completeAt(top, top.length).some((item) => item.label === 'volumes'));
  assert.ok(!completeAt(top, top.length).some((item) => item.label === 'services'));

  const nested = 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n      \n';
  const labels = completeAt(nested, nested.indexOf('      \n') + 6).map((item) => item.label);
  assert.ok(labels.includes('interval') && labels.includes('retries') && !labels.includes('test'));

  const empty = 'services:\n  web:\n    image: nginx\n  db:\n    \n';
  const inDb = completeAt(empty, empty.lastIndexOf('    \n') + 4).map((item) => item.label);
  assert.ok(inDb.includes('image'));
});

test('no key completion in the middle of a value', () => {
  const text = 'services:\n  web:\n    image: ngi\n';
  assert.deepEqual(completeAt(text, text.indexOf('ngi') + 3), []);
});
