import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/weak-tls');
const http = (line: string) => `http {\n    ${line}\n}\n`;

test('each broken protocol is reported; the fix leaves TLSv1.2 and TLSv1.3', () => {
  const text = http('ssl_protocols TLSv1 TLSv1.1 TLSv1.2;');
  const found = findings(text);
  assert.deepEqual(found.map((finding) => textOf(text, finding)), ['TLSv1', 'TLSv1.1']);
  assert.equal(found[0]!.severity, 'warning');
  const fixed = applyFix(text, URI, found[0]!.fixes[0]!);
  assert.equal(fixed, http('ssl_protocols TLSv1.2 TLSv1.3;'));
  assert.deepEqual(findings(fixed), []);
});

test('cipher elements enabling broken families are reported at their own bytes', () => {
  const text = http("ssl_ciphers 'ECDHE-RSA-AES128-GCM-SHA256:RC4-MD5:DES-CBC3-SHA';");
  const found = findings(text);
  assert.deepEqual(found.map((finding) => textOf(text, finding)), ['RC4-MD5', 'DES-CBC3-SHA']);
  assert.match(found[0]!.message, /enables RC4, MD5 cipher suites/);
  assert.match(found[1]!.message, /enables 3DES cipher suites/);
});

test('families removed with ! anywhere in the string, and modern settings, pass', () => {
  assert.deepEqual(findings(http('ssl_ciphers HIGH:!aNULL:!MD5;')), []);
  assert.deepEqual(findings(http("ssl_ciphers 'RC4-SHA:!RC4';")), []);
  assert.deepEqual(findings(http('ssl_protocols TLSv1.2 TLSv1.3;')), []);
});
