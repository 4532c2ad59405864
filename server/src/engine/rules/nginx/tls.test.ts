import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { products } from '../../../../../schemas';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const tlsOf = (text: string, options: { product?: string; mode?: 'production' | 'development'; products?: typeof products } = {}) =>
  findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...options }), 'nginx/tls');

const TLS_SERVER = 'server {\n    listen 443 ssl;\n    server_name app.example.com;\n    ssl_certificate /etc/ssl/app.pem;\n    ssl_certificate_key /etc/ssl/app.key;\n    location / {\n        proxy_pass http://app;\n    }\n}\n';

test('listen ssl without ssl_certificate is an error on the ssl parameter', () => {
  const text = 'server {\n    listen 443 ssl;\n    location / {\n        proxy_pass http://app;\n    }\n}\n';
  const [finding] = tlsOf(text);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'ssl');
  assert.match(finding!.message, /no `ssl_certificate` is set/);
  assert.deepEqual(tlsOf('http {\n    ssl_certificate /a.pem;\n    ssl_certificate_key /a.key;\n' + text.replace(/^/gm, '    ') + '}\n'), [], 'a certificate in http covers the server');
});

test('a port-80 server serving content beside a TLS server should redirect; the fix inserts the redirect', () => {
  const plain = 'server {\n    listen 80;\n    server_name app.example.com;\n    location / {\n        proxy_pass http://app;\n    }\n}\n';
  const text = plain + TLS_SERVER;
  const [finding, ...rest] = tlsOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), '80');
  assert.match(finding!.message, /answers plain HTTP on port 80 with content instead of redirecting to HTTPS \(this file configures TLS\)/);
  const fixed = applyFix(text, URI, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('server_name app.example.com;\n    location', 'server_name app.example.com;\n    return 301 https://$host$request_uri;\n    location'));
  assert.deepEqual(tlsOf(fixed), []);
});

test('redirecting servers, ACME-only servers, development files and plain-HTTP-only files pass', () => {
  const redirect = 'server {\n    listen 80;\n    location /.well-known/acme-challenge/ { root /var/www/acme; }\n    location / { return 301 https://$host$request_uri; }\n}\n';
  assert.deepEqual(tlsOf(redirect + TLS_SERVER), []);
  const serving = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app;\n    }\n}\n';
  assert.deepEqual(tlsOf(serving + TLS_SERVER, { mode: 'development' }), []);
  assert.deepEqual(tlsOf(serving), [], 'TLS may be terminated in front of this nginx');
});

test("FraiseQL's guide requires HSTS: it is inserted in its TLS server, detected from the upstream's name", () => {
  const text = TLS_SERVER.replace('http://app', 'http://FraiseQL');
  const [finding, ...rest] = tlsOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'ssl');
  assert.match(finding!.message, /FraiseQL's deployment guide requires HSTS/);
  const fixed = applyFix(text, URI, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('ssl_certificate_key /etc/ssl/app.key;\n', 'ssl_certificate_key /etc/ssl/app.key;\n    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n'));
  assert.deepEqual(tlsOf(fixed), []);
  assert.deepEqual(tlsOf(TLS_SERVER), [], 'no product, no HSTS requirement');
});
