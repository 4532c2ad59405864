import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/alias-traversal');
const server = (body: string) => `server {\n    listen 80;\n${body}}\n`;

test('a prefix location without a trailing slash aliased to a folder with one is reported on the prefix; the fix adds the slash', () => {
  const text = server('    location /files {\n        alias /data/;\n    }\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), '/files');
  assert.match(finding!.message, /`\/files\.\.\/` maps to `\/data\/\.\.\/`/);
  const fixed = applyFix(text, URI, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('location /files {', 'location /files/ {'));
  assert.deepEqual(findings(fixed), []);
});

test('^~ prefixes are prefixes too; a quoted prefix keeps its quotes', () => {
  const text = server('    location ^~ "/static" { alias /srv/static/; }\n');
  const [finding] = findings(text);
  assert.equal(textOf(text, finding!), '"/static"');
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), text.replace('"/static"', '"/static/"'));
});

test('regex and exact locations, matching slashes and named locations pass', () => {
  assert.deepEqual(findings(server('    location ~ ^/files(.*)$ { alias /data/$1; }\n')), []);
  assert.deepEqual(findings(server('    location = /favicon.ico { alias /data/; }\n')), []);
  assert.deepEqual(findings(server('    location /files/ { alias /data/; }\n')), []);
  assert.deepEqual(findings(server('    location /files { alias /data; }\n')), []);
  assert.deepEqual(findings(server('    location /files { root /data/; }\n')), []);
});
