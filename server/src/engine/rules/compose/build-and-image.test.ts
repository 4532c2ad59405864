import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/build-and-image';

test('build and image without pull_policy: reported at `image`, with a pull_policy fix that is offered, not preferred', () => {
  const text = 'services:\r\n  api:\r\n    build: ./api\r\n    image: acme/api:1.0\r\n  db:\r\n    image: postgres:16\r\n';
  const result = checkText(text, { kind: 'compose' });
  const [finding, ...rest] = findingsOf(result, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), 'image');
  assert.equal(finding!.severity, 'info');
  assert.match(finding!.message, /^Service `api` has both `build:` and `image:` but no `pull_policy`/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.isPreferred, false);
  const fixed = applyFix(text, result.uri, fix);
  assert.equal(fixed, 'services:\r\n  api:\r\n    build: ./api\r\n    image: acme/api:1.0\r\n    pull_policy: build\r\n  db:\r\n    image: postgres:16\r\n');
  assert.deepEqual(findingsOf(checkText(fixed, { kind: 'compose' }), RULE), []);
});

test('a pull_policy, or only one of build and image, passes', () => {
  const text = 'services:\n  a:\n    build: .\n    image: a:1\n    pull_policy: missing\n  b:\n    build: .\n  c:\n    image: c:1\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose' }), RULE), []);
});
