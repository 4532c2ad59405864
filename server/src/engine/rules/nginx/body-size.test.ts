import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/deploy/nginx/agentim.conf';
const URI = pathToUri(PATH);
const sizeOf = (text: string, files?: Record<string, string>, product = 'agentim') =>
  findingsOf(checkText(text, { path: PATH, kind: 'nginx', product, ...(files ? { files } : {}) }), 'nginx/body-size');

const SERVER = 'server {\n    listen 443 ssl;\n    server_name agentim.example.com;\n\n    location / {\n        proxy_pass http://agentim;\n    }\n}\n';

test("nginx's 1m default below AgentIM's 10 MB default is an error; the fix sets 12m after server_name", () => {
  const [finding, ...rest] = sizeOf(SERVER);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(SERVER, finding!), 'server');
  assert.equal(
    finding!.message,
    "nginx's default `client_max_body_size` of 1m rejects uploads with 413 Request Entity Too Large, but AgentIM accepts uploads up to 10 MB (its default, as `MAX_FILE_SIZE` is not set).",
  );
  assert.equal(applyFix(SERVER, URI, finding!.fixes[0]!), SERVER.replace('server_name agentim.example.com;\n', 'server_name agentim.example.com;\n    client_max_body_size 12m;\n'));
});

test('MAX_FILE_SIZE from the .env in a parent folder sets the limit, and the .env line is related', () => {
  const text = SERVER.replace('server_name agentim.example.com;', 'server_name agentim.example.com;\n    client_max_body_size 12M;');
  const env = 'NODE_ENV=production\nMAX_FILE_SIZE=52428800\n';
  const [finding] = sizeOf(text, { '/project/deploy/.env': env });
  assert.equal(textOf(text, finding!), '12M');
  assert.match(finding!.message, /^`client_max_body_size 12M` rejects uploads .* up to 50 MB \(`MAX_FILE_SIZE=52428800` in \.\.\/\.env\)\.$/);
  assert.equal(finding!.related[0]!.uri, pathToUri('/project/deploy/.env'));
  assert.deepEqual(finding!.related[0]!.range.start, { line: 1, character: 0 });
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), text.replace('12M', '52m'));
  assert.deepEqual(sizeOf(text), [], "12M covers AgentIM's default");
});

test('a location that lowers the limit is reported; 0 (no limit) passes', () => {
  const text = SERVER.replace('server_name agentim.example.com;', 'server_name agentim.example.com;\n    client_max_body_size 0;').replace('proxy_pass http://agentim;', 'proxy_pass http://agentim;\n        client_max_body_size 2m;');
  const [finding, ...rest] = sizeOf(text);
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), '2m');
  assert.match(finding!.message, /rejects uploads to this location/);
});

test('a server that only redirects, or a product without an upload limit, is not checked', () => {
  assert.deepEqual(sizeOf('server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n'), []);
  assert.deepEqual(sizeOf(SERVER, undefined, 'firefly-desk'), []);
});
