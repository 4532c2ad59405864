import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf } from '../testing';

const PATH = '/project/nginx/conf.d/site.conf';
const productOf = (text: string) => checkText(text, { path: PATH, kind: 'nginx' }).product;

const proxy = (location: string, target: string) => `server {\n    listen 80;\n    location ${location} {\n        proxy_pass ${target};\n    }\n}\n`;

test('nginx: a location path alone names no product (half the proxies in the world have /api/ or /ws/)', () => {
  assert.equal(productOf(proxy('/api/', 'http://app:8000')), undefined);
  assert.equal(productOf(proxy('/ws/', 'http://backend')), undefined);
});

test("nginx: the product is read from an upstream's name or a proxy_pass host, in any case", () => {
  assert.equal(productOf(`upstream flydesk_backend {\n    server 127.0.0.1:8000;\n}\n${proxy('/api/', 'http://flydesk_backend')}`), 'firefly-desk');
  assert.equal(productOf(proxy('/ws/', 'http://agentim:3000/')), 'agentim');
  assert.equal(productOf(proxy('/graphql', 'http://FraiseQL')), 'fraiseql');
  assert.equal(productOf(proxy('/', 'https://flowfile-core:63578')), 'flowfile');
  assert.equal(productOf(proxy('/', 'http://$upstream_host')), undefined, 'a variable names nothing');
});

test("a generic /api/ proxy gets only the generic streaming checks, not Firefly Desk's errors", () => {
  const generic = checkText(proxy('/api/', 'http://app:8000'), { path: PATH, kind: 'nginx' });
  assert.deepEqual(findingsOf(generic, 'nginx/sse-buffering'), []);
  const desk = checkText(proxy('/api/', 'http://flydesk_backend'), { path: PATH, kind: 'nginx' });
  assert.equal(findingsOf(desk, 'nginx/sse-buffering')[0]?.severity, 'error');
});
