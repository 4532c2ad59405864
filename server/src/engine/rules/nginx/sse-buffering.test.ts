import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/desk.conf';
const URI = pathToUri(PATH);
const run = (text: string, product?: string) => checkText(text, { path: PATH, kind: 'nginx', ...(product ? { product } : {}) });

const DESK = [
  'server {',
  '    listen 443 ssl;',
  '    ssl_certificate /etc/ssl/desk.pem;',
  '    ssl_certificate_key /etc/ssl/desk.key;',
  '',
  '    location /api/ {',
  '        proxy_pass http://flydesk_backend;',
  '        proxy_set_header Host $host;',
  '    }',
  '}',
  '',
].join('\n');

test("Firefly Desk's /api/ without proxy_buffering off is an error, fixed by inserting it after proxy_pass", () => {
  const [finding, ...rest] = findingsOf(run(DESK, 'firefly-desk'), 'nginx/sse-buffering');
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(DESK, finding!), 'location /api/');
  assert.match(finding!.message, /Firefly Desk streams Server-Sent Events under `\/api\/`/);
  assert.match(finding!.message, /nginx buffers by default/);
  assert.equal(applyFix(DESK, URI, finding!.fixes[0]!), DESK.replace('proxy_pass http://flydesk_backend;\n', 'proxy_pass http://flydesk_backend;\n        proxy_buffering off;\n'));
});

test('the location nginx would pick for /api/ is the one checked: a catch-all location / counts', () => {
  const text = 'server {\n    location / {\n        proxy_pass http://flydesk_backend;\n    }\n    location /static/ {\n        root /srv;\n    }\n}\n';
  const [finding] = findingsOf(run(text, 'firefly-desk'), 'nginx/sse-buffering');
  assert.equal(textOf(text, finding!), 'location /');
});

test('proxy_buffering on written in the location is changed in place; an inherited off is enough', () => {
  const on = 'server {\n    location /events {\n        proxy_pass http://app;\n        proxy_buffering on;\n    }\n}\n';
  const [finding] = findingsOf(run(on), 'nginx/sse-buffering');
  assert.equal(finding!.severity, 'warning', 'found from the path, not required by a product');
  assert.equal(textOf(on, finding!), 'on');
  assert.match(finding!.message, /its path `\/events` names an event stream/);
  assert.equal(applyFix(on, URI, finding!.fixes[0]!), on.replace('proxy_buffering on;', 'proxy_buffering off;'));
  const inherited = 'server {\n    proxy_buffering off;\n    location /events {\n        proxy_pass http://app;\n    }\n}\n';
  assert.deepEqual(findingsOf(run(inherited), 'nginx/sse-buffering'), []);
});

test("Connection '' and X-Accel-Buffering mark a streaming location; Connection '' to a keep-alive upstream does not", () => {
  const cleared = "server {\n    location /chat {\n        proxy_pass http://api:5001;\n        proxy_set_header Connection '';\n    }\n}\n";
  assert.match(findingsOf(run(cleared), 'nginx/sse-buffering')[0]!.message, /clears the `Connection` header/);
  const accel = 'server {\n    location /chat {\n        proxy_pass http://api:5001;\n        proxy_pass_header X-Accel-Buffering;\n    }\n}\n';
  assert.match(findingsOf(run(accel), 'nginx/sse-buffering')[0]!.message, /X-Accel-Buffering/);
  const keepalive = "upstream backend {\n    server app:8065;\n    keepalive 64;\n}\nserver {\n    location / {\n        proxy_pass http://backend;\n        proxy_http_version 1.1;\n        proxy_set_header Connection \"\";\n    }\n}\n";
  assert.deepEqual(findingsOf(run(keepalive), 'nginx/sse-buffering'), []);
});

test('settings in an included snippet count, and an include the workspace lacks is not judged', () => {
  const text = 'server {\n    location /api {\n        proxy_pass http://api:5001;\n        include proxy.conf;\n    }\n}\n';
  const snippet = "proxy_http_version 1.1;\nproxy_set_header Connection \"\";\nproxy_buffering off;\n";
  const withSnippet = checkText(text, { path: '/project/nginx/conf.d/default.conf', kind: 'nginx', product: 'firefly-desk', files: { '/project/nginx/proxy.conf': snippet } });
  assert.deepEqual(findingsOf(withSnippet, 'nginx/sse-buffering'), []);
  assert.deepEqual(findingsOf(run(text, 'firefly-desk'), 'nginx/sse-buffering'), []);
});

test('the guide\'s own /api/ location passes', () => {
  const text = DESK.replace('proxy_set_header Host $host;', "proxy_set_header Host $host;\n        proxy_buffering off;\n        proxy_cache off;\n        proxy_read_timeout 300s;\n        proxy_http_version 1.1;\n        proxy_set_header Connection '';");
  const result = run(text, 'firefly-desk');
  assert.deepEqual(findingsOf(result, 'nginx/sse-buffering'), []);
  assert.deepEqual(findingsOf(result, 'nginx/sse-connection'), []);
});

test('a suppression comment silences it', () => {
  const text = DESK.replace('    location /api/ {', '    # deploy-doctor disable-next-line nginx/sse-buffering\n    location /api/ {');
  assert.deepEqual(findingsOf(run(text, 'firefly-desk'), 'nginx/sse-buffering'), []);
});
