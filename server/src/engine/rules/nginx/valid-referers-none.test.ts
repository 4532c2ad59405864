import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/valid-referers-none');

// The hotlink-protection shape of the ngx_http_referer_module documentation.
const HOTLINK = (values: string) => `server {\n    location /images/ {\n        valid_referers ${values};\n        if ($invalid_referer) {\n            return 403;\n        }\n    }\n}\n`;

test('none and blocked are reported on the value; the fix removes it and is a choice, not preferred', () => {
  const text = HOTLINK('none blocked server_names *.example.com');
  const [none, blocked, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(none!.severity, 'info');
  assert.equal(textOf(text, none!), 'none');
  assert.deepEqual(none!.range.start, { line: 2, character: 23 });
  assert.match(none!.message, /accepts a request without a `Referer` header/);
  assert.equal(textOf(text, blocked!), 'blocked');
  assert.match(blocked!.message, /does not start with `http:\/\/` or `https:\/\/`/);
  assert.equal(none!.fixes[0]!.isPreferred, false);
  assert.equal(applyFix(text, URI, none!.fixes[0]!), HOTLINK('blocked server_names *.example.com'));
  assert.equal(applyFix(text, URI, blocked!.fixes[0]!), HOTLINK('none server_names *.example.com'));
});

test('a last value is removed with the blank before it; the only value gets no fix', () => {
  const text = HOTLINK('server_names none');
  assert.equal(applyFix(text, URI, findings(text)[0]!.fixes[0]!), HOTLINK('server_names'));
  assert.deepEqual(findings(HOTLINK('none'))[0]!.fixes, []);
});

test('server names, masks and regexes pass', () => {
  assert.deepEqual(findings(HOTLINK('server_names *.example.com example.* ~\\.google\\.')), []);
  assert.deepEqual(findings('server {\n    listen 80;\n}\n'), []);
});
