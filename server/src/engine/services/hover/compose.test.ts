import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { engineFor, memoryWorkspace } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/docker-compose.yml';
const hoverAt = (text: string, needle: string, files: Record<string, string> = {}, delta = 1) =>
  engineFor().hover({ uri: pathToUri(PATH), text, kind: 'compose' }, memoryWorkspace({ ...files, [PATH]: text }), text.indexOf(needle) + delta);

const TEXT = 'x-common: &c\n  restart: always\nservices:\n  web:\n    image: nginx\n    healthcheck:\n      interval: 10s\n    environment:\n      PASSWORD: ${DB_PASSWORD}\n      OTHER: ${MISSING:-x}\n';

test('a service key shows its Compose Specification description, with the key as the span', () => {
  const hover = hoverAt(TEXT, 'healthcheck');
  assert.ok(hover);
  assert.equal(TEXT.slice(hover.span.start, hover.span.end), 'healthcheck');
  assert.match(hover.markdown, /^\*\*healthcheck\*\* · Compose Specification/);
  assert.match(hover.markdown, /services\/#healthcheck/);
  const nested = hoverAt(TEXT, 'interval');
  assert.match(nested!.markdown, /\*\*interval\*\*/);
});

test('an x- key explains extension fields', () => {
  assert.match(hoverAt(TEXT, 'x-common')!.markdown, /Compose ignores keys that start with `x-`/);
});

test('a variable says whether .env sets it, never its value', () => {
  const set = hoverAt(TEXT, '${DB_PASSWORD}', { '/project/.env': 'DB_PASSWORD=super-secret-value\n' }, 3);
  assert.ok(set);
  assert.equal(TEXT.slice(set.span.start, set.span.end), '${DB_PASSWORD}');
  assert.match(set.markdown, /`\.env` beside this compose file sets it/);
  assert.ok(!set.markdown.includes('super-secret-value'));
  const unset = hoverAt(TEXT, '${MISSING', {}, 3);
  assert.match(unset!.markdown, /There is no `\.env`.*the default after `:-` is used/s);
});
