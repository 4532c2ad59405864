import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/desk.conf';
const URI = pathToUri(PATH);
const connectionOf = (text: string, product?: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...(product ? { product } : {}) }), 'nginx/sse-connection');

test('an SSE location without HTTP/1.1 and an empty Connection header gets both inserted', () => {
  const text = 'server {\n\tlocation /api/ {\n\t\tproxy_pass http://desk;\n\t\tproxy_buffering off;\n\t\tproxy_read_timeout 300s;\n\t}\n}\n';
  const [finding, ...rest] = connectionOf(text, 'firefly-desk');
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'location /api/');
  assert.match(finding!.message, /no `proxy_http_version 1.1` \(nginx uses HTTP\/1.0 upstream\) and no `proxy_set_header Connection ''`/);
  assert.equal(
    applyFix(text, URI, finding!.fixes[0]!),
    "server {\n\tlocation /api/ {\n\t\tproxy_pass http://desk;\n\t\tproxy_http_version 1.1;\n\t\tproxy_set_header Connection '';\n\t\tproxy_buffering off;\n\t\tproxy_read_timeout 300s;\n\t}\n}\n",
  );
});

test("Firefly Desk's /api/ needs proxy_read_timeout of at least 300s: the value is raised in place", () => {
  const text = "server {\n    location /api/ {\n        proxy_pass http://desk;\n        proxy_http_version 1.1;\n        proxy_set_header Connection '';\n        proxy_read_timeout 2m;\n    }\n}\n";
  const [finding] = connectionOf(text, 'firefly-desk');
  assert.equal(textOf(text, finding!), '2m');
  assert.equal(finding!.message, '`location /api/` closes streams after `proxy_read_timeout 2m` of upstream silence; Firefly Desk needs at least 300s, or long answers are cut off.');
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), text.replace('proxy_read_timeout 2m;', 'proxy_read_timeout 300s;'));
  assert.deepEqual(connectionOf(text.replace('2m', '5m'), 'firefly-desk'), []);
});

test('without a product minimum, nginx\'s default timeout is not reported', () => {
  const text = "server {\n    location /sse/ {\n        proxy_pass http://app;\n        proxy_http_version 1.1;\n        proxy_set_header Connection '';\n    }\n}\n";
  assert.deepEqual(connectionOf(text), []);
});

test("a server's Connection '' does not reach a location that sets its own proxy_set_header", () => {
  const text = "server {\n    proxy_http_version 1.1;\n    proxy_set_header Connection '';\n    location /stream/ {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n    }\n}\n";
  const [finding] = connectionOf(text);
  assert.match(finding!.message, /the one in an enclosing block does not apply: nginx inherits `proxy_set_header` only into blocks that set none/);
  assert.doesNotMatch(finding!.message, /proxy_http_version/, 'the inherited HTTP/1.1 counts');
});

test('a wrong Connection value written in the location is replaced', () => {
  const text = 'server {\n    location /events/ {\n        proxy_pass http://app;\n        proxy_http_version 1.1;\n        proxy_set_header Connection "close";\n    }\n}\n';
  const [finding] = connectionOf(text);
  assert.match(finding!.message, /`Connection "close"` instead of `Connection ''`/);
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), text.replace('"close"', "''"));
});

test('a location that is also a WebSocket endpoint may use a $connection_upgrade map', () => {
  const text = 'server {\n    location /api/v1/streaming {\n        proxy_pass http://streaming;\n        proxy_buffering off;\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n    }\n}\n';
  assert.deepEqual(connectionOf(text), []);
});
