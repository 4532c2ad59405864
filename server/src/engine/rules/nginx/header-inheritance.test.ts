import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const inheritanceOf = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/header-inheritance');

test("an add_header in a location drops the server's headers: reported on it, with the dropped ones related", () => {
  const text = [
    'server {',
    '    add_header Strict-Transport-Security "max-age=31536000" always;',
    '    add_header X-Frame-Options SAMEORIGIN;',
    '    location /assets/ {',
    '        add_header Cache-Control "public, max-age=31536000";',
    '    }',
    '}',
    '',
  ].join('\n');
  const [finding, ...rest] = inheritanceOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), 'add_header');
  assert.deepEqual(finding!.range.start, { line: 4, character: 8 });
  assert.equal(
    finding!.message,
    'This `add_header` stops `location /assets/` from inheriting 2 headers set in `server`: `Strict-Transport-Security`, `X-Frame-Options`. nginx inherits `add_header` only into blocks that set none; repeat them here, or move them all into a snippet included in both.',
  );
  assert.deepEqual(finding!.related.map((related) => [related.uri, related.range.start.line]), [
    [pathToUri(PATH), 1],
    [pathToUri(PATH), 2],
  ]);
});

test('a block that repeats every inherited header, or sets none, passes', () => {
  const text = 'server {\n    add_header X-Frame-Options SAMEORIGIN;\n    location /a/ {\n        add_header X-Frame-Options DENY;\n        add_header Cache-Control no-store;\n    }\n    location /b/ {\n        root /srv;\n    }\n}\n';
  assert.deepEqual(inheritanceOf(text), []);
});

test('the nearest level with add_header is what is lost, across nested blocks and at the top level of an http file', () => {
  const text = 'add_header X-Top 1;\nserver {\n    location / {\n        if ($arg_v) {\n            add_header X-If 1;\n        }\n    }\n}\n';
  const [finding] = inheritanceOf(text);
  assert.match(finding!.message, /stops `if \(…\)` from inheriting the header set in the top level: `X-Top`/);
});

test('add_header_inherit merge (nginx 1.29.3) keeps the parent headers', () => {
  const text = 'server {\n    add_header X-Frame-Options SAMEORIGIN;\n    location / {\n        add_header_inherit merge;\n        add_header Cache-Control no-store;\n    }\n}\n';
  assert.deepEqual(inheritanceOf(text), []);
});

test("a proxy_set_header in a location drops the server's: the same rule, naming the directive and the lost headers, never their values", () => {
  const text = [
    'server {',
    '    proxy_set_header X-Real-IP $remote_addr;',
    '    proxy_set_header Authorization "Bearer s3cr3t-value";',
    '    location /api/ {',
    '        proxy_set_header Host $host;',
    '        proxy_pass http://app:8000;',
    '    }',
    '}',
    '',
  ].join('\n');
  const [finding, ...rest] = inheritanceOf(text);
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'proxy_set_header');
  assert.deepEqual(finding!.range.start, { line: 4, character: 8 });
  assert.equal(
    finding!.message,
    'This `proxy_set_header` stops `location /api/` from inheriting 2 headers set in `server`: `X-Real-IP`, `Authorization`. nginx inherits `proxy_set_header` only into blocks that set none; repeat them here, or move them all into a snippet included in both.',
  );
  assert.doesNotMatch(JSON.stringify(finding), /s3cr3t/);
});

test('error_page, limit_req, limit_conn and fastcgi_param are compared by codes, zone and exact parameter name', () => {
  const text = [
    'server {',
    '    error_page 404 /404.html;',
    '    error_page 500 502 = /50x.html;',
    '    limit_req zone=api burst=10;',
    '    limit_conn addr 10;',
    '    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
    '    location /a/ {',
    '        error_page 404 /a404.html;',
    '        error_page 500 502 /a50x.html;',
    '        limit_req zone=api burst=20;',
    '    }',
    '    location /b/ {',
    '        error_page 404 /b404.html;',
    '        limit_conn perip 1;',
    '        fastcgi_param script_filename x;',
    '    }',
    '}',
    '',
  ].join('\n');
  const findings = inheritanceOf(text);
  assert.deepEqual(findings.map((finding) => [finding.range.start.line, textOf(text, finding), /inheriting (.*?) set/.exec(finding.message)![1]]), [
    [12, 'error_page', 'the error page'],
    [13, 'limit_conn', 'the limit'],
    [14, 'fastcgi_param', 'the parameter'],
  ]);
  assert.match(findings[0]!.message, /`500 502`/);
  assert.match(findings[1]!.message, /`addr`/);
  assert.match(findings[2]!.message, /`SCRIPT_FILENAME`/);
});
