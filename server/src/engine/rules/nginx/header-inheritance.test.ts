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
