import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string, mode?: 'production' | 'development') =>
  findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...(mode ? { mode } : {}) }), 'nginx/autoindex');

test('autoindex on is a warning on its value in production; the fix turns it off', () => {
  const text = 'server {\n    location /downloads/ {\n        root /srv;\n        autoindex on;\n    }\n}\n';
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), 'on');
  assert.equal(finding!.range.start.line, 3);
  assert.match(finding!.message, /^`autoindex on` lists the files of every folder/);
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, URI, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('autoindex on;', 'autoindex off;'));
  assert.deepEqual(findings(fixed), []);
});

test('autoindex off, no autoindex, and development mode pass', () => {
  assert.deepEqual(findings('server {\n    autoindex off;\n}\n'), []);
  assert.deepEqual(findings('server {\n    root /srv;\n}\n'), []);
  assert.deepEqual(findings('server {\n    autoindex on;\n}\n', 'development'), []);
});
