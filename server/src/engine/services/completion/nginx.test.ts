import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { engineFor, memoryWorkspace } from '../../testing';
import { pathToUri } from '../../uri';

const completeAt = (text: string, offset: number, path = '/project/nginx/nginx.conf') =>
  engineFor().complete({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), offset);
const labelsAt = (text: string, marker: string, path?: string) => completeAt(text.replace(marker, ''), text.indexOf(marker), path).map((item) => item.label);

test('only directives nginx accepts in the cursor\'s block are offered', () => {
  const location = labelsAt('http {\n    server {\n        location / {\n            |\n        }\n    }\n}\n', '|');
  assert.ok(location.includes('proxy_pass') && location.includes('proxy_buffering') && location.includes('location'));
  assert.ok(!location.includes('listen') && !location.includes('server_name') && !location.includes('worker_connections') && !location.includes('limit_req_zone'));
  const server = labelsAt('http {\n    server {\n        |\n    }\n}\n', '|');
  assert.ok(server.includes('listen') && server.includes('server_name') && !server.includes('proxy_pass'));
  const events = labelsAt('events {\n    |\n}\n', '|');
  assert.ok(events.includes('worker_connections') && !events.includes('listen'));
  const http = labelsAt('http {\n    |\n}\n', '|');
  assert.ok(http.includes('limit_req_zone') && http.includes('server') && !http.includes('listen'));
});

test('a conf.d file completes as http; map blocks offer no directives', () => {
  const top = labelsAt('|\n', '|', '/project/nginx/conf.d/site.conf');
  assert.ok(top.includes('server') && top.includes('upstream') && !top.includes('worker_processes'));
  assert.deepEqual(labelsAt('map $a $b {\n    |\n}\n', '|', '/project/nginx/conf.d/site.conf'), []);
});

test('items carry the syntax as detail, a snippet, and replace the word being typed', () => {
  const text = 'server {\n    location / {\n        proxy_buf\n    }\n}\n';
  const offset = text.indexOf('proxy_buf') + 'proxy_buf'.length;
  const item = completeAt(text, offset, '/project/nginx/conf.d/site.conf').find((candidate) => candidate.label === 'proxy_buffering')!;
  assert.equal(item.kind, 'directive');
  assert.equal(item.detail, 'proxy_buffering on | off;');
  assert.equal(item.insertText, 'proxy_buffering ${1|on,off|};');
  assert.equal(item.isSnippet, true);
  assert.deepEqual(item.replace, { start: text.indexOf('proxy_buf'), end: offset });
  assert.match(item.documentation!, /buffering of responses/);
  const block = completeAt(text, offset, '/project/nginx/conf.d/site.conf').find((candidate) => candidate.label === 'location')!;
  assert.equal(block.insertText, 'location ${1} {\n\t$0\n}');
});

test('after a directive with a fixed set of values, those values are offered', () => {
  const text = 'server {\n    location / {\n        proxy_buffering o\n    }\n}\n';
  const offset = text.indexOf(' o\n') + 2;
  const items = completeAt(text, offset, '/project/nginx/conf.d/site.conf');
  assert.deepEqual(items.map((item) => [item.label, item.kind]), [['on', 'value'], ['off', 'value']]);
  assert.deepEqual(items[0]!.replace, { start: offset - 1, end: offset });
});

test('nothing is offered inside comments, strings or free-form arguments', () => {
  assert.deepEqual(labelsAt('server {\n    # prox|\n}\n', '|', '/project/nginx/conf.d/site.conf'), []);
  assert.deepEqual(labelsAt('server {\n    return 200 "prox|\n}\n', '|', '/project/nginx/conf.d/site.conf'), []);
  assert.deepEqual(labelsAt('server {\n    location / {\n        proxy_pass http|\n    }\n}\n', '|', '/project/nginx/conf.d/site.conf'), []);
});
