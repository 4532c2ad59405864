import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const findings = (text: string) => findingsOf(checkText(text, { path: '/project/nginx/nginx.conf', kind: 'nginx' }), 'nginx/map-default');

// The shape of the ngx_http_map_module documentation's example.
const MAP = (entries: string) => `http {\n    map $http_host $name {\n${entries}    }\n}\n`;

test('a map without default is reported on its header', () => {
  const text = MAP('        hostnames;\n        example.com 1;\n        *.example.com 1;\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'info');
  assert.equal(textOf(text, finding!), 'map $http_host $name');
  assert.match(finding!.message, /has no `default`: a value that matches none of its entries sets `\$name` to an empty string/);
  assert.deepEqual(finding!.fixes, []);
});

test('a default, an include that may hold one, or an empty map pass', () => {
  assert.deepEqual(findings(MAP('        default 0;\n        example.com 1;\n')), []);
  assert.deepEqual(findings(MAP('        include /etc/nginx/hosts.map;\n')), []);
  assert.deepEqual(findings(MAP('')), []);
});
