import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const duplicatesOf = (text: string, files?: Record<string, string>) => findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...(files ? { files } : {}) }), 'nginx/duplicate-directive');

test('a directive nginx reads once, set twice in one location: reported at the later one, the first related, the fix deletes an identical repeat', () => {
  const text = 'server {\n    location /api/ {\n        proxy_buffering off;\n        proxy_pass http://app:8000;\n        proxy_buffering off;\n    }\n}\n';
  const [finding, ...rest] = duplicatesOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'proxy_buffering');
  assert.deepEqual(finding!.range.start, { line: 4, character: 8 });
  assert.equal(finding!.message, '`proxy_buffering` is already set in this `location` block: nginx refuses to start ("proxy_buffering" directive is duplicate). Keep one of them.');
  assert.deepEqual(finding!.related.map((related) => [related.uri, related.range.start]), [[URI, { line: 2, character: 8 }]]);
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), 'server {\n    location /api/ {\n        proxy_buffering off;\n        proxy_pass http://app:8000;\n    }\n}\n');
});

test('two different values get no fix: which one is meant is the author\'s choice', () => {
  const text = 'worker_processes auto;\nworker_processes 4;\nevents {}\n';
  const [finding] = findingsOf(checkText(text, { path: '/project/nginx/nginx.conf', kind: 'nginx' }), 'nginx/duplicate-directive');
  assert.equal(textOf(text, finding!), 'worker_processes');
  assert.match(finding!.message, /in the same block/);
  assert.deepEqual(finding!.fixes, []);
});

test('directives nginx lets repeat, and the same directive in different blocks, pass', () => {
  const text = [
    'server {',
    '    listen 80;',
    '    listen [::]:80;',
    '    server_name a.example;',
    '    server_name b.example;',
    '    add_header X-A 1;',
    '    add_header X-B 2;',
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Real-IP $remote_addr;',
    '    error_page 404 /404.html;',
    '    error_page 500 /500.html;',
    '    root /srv;',
    '    location / {',
    '        root /srv/www;',
    '        if ($arg_x) {',
    '            return 204;',
    '        }',
    '        return 200;',
    '    }',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(duplicatesOf(text), []);
});

test('a repeat brought in by an included file is found, the first related in that file', () => {
  const text = 'server {\n    include snippets/gzip.conf;\n    gzip on;\n}\n';
  const [finding] = duplicatesOf(text, { '/project/nginx/snippets/gzip.conf': 'gzip on;\ngzip_types text/css;\n' });
  assert.equal(textOf(text, finding!), 'gzip');
  assert.equal(finding!.related[0]!.uri, pathToUri('/project/nginx/snippets/gzip.conf'));
});

test('the branches of a Go template are not both read by nginx', () => {
  const text = 'server {\n{{ if .Env.TLS }}\n    root /srv/tls;\n{{ else }}\n    root /srv;\n{{ end }}\n}\n';
  assert.deepEqual(findingsOf(checkText(text, { path: '/project/nginx/conf.d/site.conf.tmpl', kind: 'nginx' }), 'nginx/duplicate-directive'), []);
});
