import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/duplicate-container-name';

const check = (text: string) => findingsOf(checkText(text, { kind: 'compose' }), RULE);

test('two services with one container name: the second is reported, pointing at the first', () => {
  const text = 'services:\n  web:\n    image: w:1\n    container_name: app\n  worker:\n    image: w:1\n    container_name: "app"\n';
  const [finding, ...rest] = check(text);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), '"app"');
  assert.match(finding!.message, /^Container name `app` is already used by service `web`/);
  assert.equal(finding!.related[0]!.range.start.line, 3);
});

test('a container name on a service with replicas is reported', () => {
  const text = 'services:\n  web:\n    image: w:1\n    container_name: web\n    deploy: {replicas: 2}\n';
  const [finding] = check(text);
  assert.match(finding!.message, /runs 2 replicas/);
});

test('distinct names, variable names and one replica pass', () => {
  const text = 'services:\n  a:\n    image: w:1\n    container_name: a\n    deploy: {replicas: 1}\n  b:\n    image: w:1\n    container_name: b\n  c:\n    image: w:1\n    container_name: ${NAME}\n  d:\n    image: w:1\n    container_name: ${NAME}\n';
  assert.deepEqual(check(text), []);
});
