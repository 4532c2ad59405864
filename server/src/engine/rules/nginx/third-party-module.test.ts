import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const PATH = '/project/nginx/conf.d/site.conf';
const check = (text: string, options: { files?: Record<string, string>; nginxModules?: readonly string[] } = {}) => checkText(text, { path: PATH, kind: 'nginx', ...options });
const STRUCTURAL = ['nginx/unknown-directive', 'nginx/directive-context', 'nginx/invalid-args'];

const OPENRESTY = [
  'lua_shared_dict cache 10m;',
  'server {',
  '    more_set_headers "Server: app";',
  '    more_clear_headers X-Powered-By;',
  '    location /lua {',
  '        set_by_lua_block $a { return 1 }',
  '        access_by_lua_file /etc/nginx/access.lua;',
  '        content_by_lua_block {',
  '            ngx.say("hello")',
  '        }',
  '    }',
  '    brotli on;',
  '    brotli_types text/css;',
  '}',
  '',
].join('\n');

test('third-party directives are information naming their module, once per module, and no structural error', () => {
  const result = check(OPENRESTY);
  assert.deepEqual(result.diagnostics.filter((diagnostic) => STRUCTURAL.includes(diagnostic.rule)), []);
  const findings = findingsOf(result, 'nginx/third-party-module');
  assert.deepEqual(findings.map((finding) => [textOf(OPENRESTY, finding), finding.severity, finding.range.start.line]), [
    ['lua_shared_dict', 'info', 0],
    ['more_set_headers', 'info', 2],
    ['brotli', 'info', 11],
  ]);
  assert.equal(
    findings[1]!.message,
    '`more_set_headers` comes from the module headers-more-nginx-module (Debian/Ubuntu `libnginx-mod-http-headers-more-filter`; built into OpenResty), which nginx does not build in: nginx starts only where it is loaded. Declare it as `headers-more` among the project\'s nginx modules to silence this.',
  );
});

test('a module declared in the engine options is not reported at all', () => {
  const findings = findingsOf(check(OPENRESTY, { nginxModules: ['lua', 'headers-more'] }), 'nginx/third-party-module');
  assert.deepEqual(findings.map((finding) => textOf(OPENRESTY, finding)), ['brotli']);
});

test('a module a load_module of the workspace loads is not reported', () => {
  const text = 'server {\n    brotli on;\n}\n';
  const files = { '/project/nginx/nginx.conf': 'load_module modules/ngx_http_brotli_filter_module.so;\nevents {}\nhttp { include conf.d/*.conf; }\n' };
  assert.deepEqual(findingsOf(check(text, { files }), 'nginx/third-party-module'), []);
  assert.equal(findingsOf(check(text), 'nginx/third-party-module').length, 1);
});

test('njs directives, which the official reference documents, name the njs module and keep their context checks', () => {
  const text = 'js_import main.js;\nserver {\n    location / {\n        js_content main.hello;\n    }\n}\n';
  const result = check(text);
  const [finding, ...rest] = findingsOf(result, 'nginx/third-party-module');
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'js_import');
  assert.match(finding!.message, /njs \(ngx_http_js_module\).*libnginx-mod-http-js/);
  assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
});

test('a misspelt official directive and an unknown name stay unknown-directive errors', () => {
  const text = 'server {\n    proxy_bufering off;\n    zstd_comp_level 3;\n}\n';
  const result = check(text);
  assert.deepEqual(findingsOf(result, 'nginx/unknown-directive').map((finding) => [textOf(text, finding), finding.severity]), [
    ['proxy_bufering', 'error'],
    ['zstd_comp_level', 'error'],
  ]);
  assert.deepEqual(findingsOf(result, 'nginx/third-party-module'), []);
});
