import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const unknownOf = (text: string, files?: Record<string, string>) => findingsOf(checkText(text, { path: PATH, ...(files ? { files } : {}) }), 'nginx/unknown-directive');

test('the guide\'s `@backend {` gets "did you mean location @backend {" with a fix', () => {
  const text = 'server {\n    location / {\n        try_files $uri @backend;\n    }\n\n    @backend {\n        proxy_pass http://flydesk_backend;\n    }\n}\n';
  const [finding, ...rest] = unknownOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), '@backend');
  assert.deepEqual(finding!.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 12 } });
  assert.match(finding!.message, /a named location is written `location @backend \{`/);
  const fixed = applyFix(text, URI, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('    @backend {', '    location @backend {'));
  assert.deepEqual(unknownOf(fixed), []);
});

test('a misspelt name suggests the closest directive valid there and fixes it', () => {
  const text = 'server {\n    location /api/ {\n        proxy_bufering off;\n    }\n}\n';
  const [finding] = unknownOf(text);
  assert.equal(textOf(text, finding!), 'proxy_bufering');
  assert.equal(finding!.message, 'Unknown directive `proxy_bufering`; did you mean `proxy_buffering`? nginx refuses to start with it.');
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), text.replace('proxy_bufering', 'proxy_buffering'));
});

test('a name far from any directive gets no suggestion and no fix', () => {
  const [finding] = unknownOf('server {\n    frobnicate_everything yes;\n}\n');
  assert.equal(finding!.message, 'Unknown directive `frobnicate_everything`. nginx refuses to start with it.');
  assert.deepEqual(finding!.fixes, []);
});

test('entries of map, types, geo, split_clients and charset_map are data, not directives', () => {
  const text = [
    'map $http_upgrade $connection_upgrade {',
    '    default upgrade;',
    "    ''      close;",
    '}',
    'types {',
    '    application/wasm wasm;',
    '}',
    'geo $trusted {',
    '    default 0;',
    '    10.0.0.0/8 1;',
    '}',
    'split_clients "${remote_addr}" $variant {',
    '    50% a;',
    '    *   b;',
    '}',
    'upstream app {',
    '    server app:8000 weight=2;',
    '    keepalive 16;',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(unknownOf(text), []);
});

test('with a load_module in the workspace, unknown names are warnings that may come from that module', () => {
  const text = 'server {\n    zstd_comp_level 3;\n}\n';
  const [finding] = unknownOf(text, { '/project/nginx/nginx.conf': 'load_module modules/ngx_http_headers_more_filter_module.so;\nevents {}\nhttp { include conf.d/*.conf; }\n' });
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /load_module/);
  assert.equal(unknownOf(text)[0]!.severity, 'error');
});

test('template placeholders are not directives', () => {
  const text = 'server {\n    ${ACME_CHALLENGE_LOCATION}\n    {{ .Env.EXTRA }}\n}\n';
  assert.deepEqual(findingsOf(checkText(text, { path: '/project/nginx/conf.d/default.conf.template', kind: 'nginx' }), 'nginx/unknown-directive'), []);
});

test('a suppression comment silences it', () => {
  const text = 'server {\n    # deploy-doctor disable-next-line nginx/unknown-directive\n    zstd_comp_level 3;\n}\n';
  assert.deepEqual(unknownOf(text), []);
});

test('an unknown word that is not a directive name (a pasted secret) is not echoed', () => {
  const text = 'events {}\nhttp {\n    sk_LIVE_9f8A7b6C5d4E3f2;\n}\n';
  const result = checkText(text, { kind: 'nginx' });
  const findings = result.diagnostics.filter((d) => d.rule === 'nginx/unknown-directive');
  assert.equal(findings.length, 1);
  assert.doesNotMatch(findings[0]!.message, /sk_LIVE/);
});
