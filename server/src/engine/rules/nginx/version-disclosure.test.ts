import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/version-disclosure');

test('server_tokens on and build are reported on the value; the fix turns them off', () => {
  const text = 'http {\n    server_tokens on;\n}\n';
  const [finding] = findings(text);
  assert.equal(finding!.severity, 'info');
  assert.equal(textOf(text, finding!), 'on');
  assert.match(finding!.message, /sends nginx's version in the `Server` header/);
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), 'http {\n    server_tokens off;\n}\n');
  assert.equal(findings('http {\n    server_tokens build;\n}\n').length, 1);
});

test('server_tokens off and an absent directive pass', () => {
  assert.deepEqual(findings('http {\n    server_tokens off;\n}\n'), []);
  assert.deepEqual(findings('http {\n    server {\n        listen 80;\n    }\n}\n'), []);
});
