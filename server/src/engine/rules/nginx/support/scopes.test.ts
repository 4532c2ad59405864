import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseNginx } from '../../../parsers/nginx/parse';
import type { RuleWorkspace } from '../../rule';
import { effective, scopeChain, scopeOf } from './scopes';

const URI = 'file:///project/nginx/nginx.conf';
const workspace: RuleWorkspace = { readText: () => undefined, files: () => [], parse: () => undefined };

test('a block finds its directives by name alike when it is scanned and when it is large enough to be indexed', () => {
  // 3 headers make a block searched directly; 40 make one indexed at its first lookup.
  for (const count of [3, 40]) {
    const headers = Array.from({ length: count }, (_, index) => `    add_header X-Header-${index} value;`);
    const text = ['server {', '    proxy_buffering off;', ...headers, '    proxy_buffering on;', '}', ''].join('\n');
    const server = parseNginx(text).directives[0]!;
    const scope = scopeOf(server, server.block!.children, URI, workspace);
    assert.deepEqual(
      scope.named('add_header').map((entry) => entry.directive.args[0]!.value),
      headers.map((_, index) => `X-Header-${index}`),
      `${count} headers`,
    );
    assert.deepEqual(scope.named('proxy_buffering').map((entry) => entry.directive.args[0]!.value), ['off', 'on']);
    assert.equal(scope.last('proxy_buffering')?.directive.args[0]?.value, 'on', 'the last one is in force');
    assert.equal(scope.last('proxy_buffering')?.uri, URI);
    assert.equal(scope.has('gzip'), false);
    assert.deepEqual(scope.named('gzip'), []);
  }
});

test('a setting in force is the nearest block’s last one, inherited from enclosing blocks', () => {
  const text = 'http {\n    proxy_buffering off;\n    server {\n        location /a/ {\n            proxy_pass http://app;\n        }\n        location /b/ {\n            proxy_buffering on;\n        }\n    }\n}\n';
  const top = parseNginx(text).directives;
  const http = top[0]!;
  const server = http.block!.children[1]!;
  const [a, b] = server.block!.children;
  assert.equal(effective(scopeChain(a!, [http, server], top, URI, workspace), 'proxy_buffering')?.found.directive.args[0]?.value, 'off');
  assert.equal(effective(scopeChain(b!, [http, server], top, URI, workspace), 'proxy_buffering')?.found.directive.args[0]?.value, 'on');
  assert.equal(effective(scopeChain(a!, [http, server], top, URI, workspace), 'gzip'), undefined);
});
