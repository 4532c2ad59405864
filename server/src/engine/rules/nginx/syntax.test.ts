import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/nginx.conf';
const URI = pathToUri(PATH);
const check = (text: string) => checkText(text, { path: PATH });

test('a missing ";" before "}" is an error on the last argument, fixed by inserting ";"', () => {
  const text = 'server {\n    location / {\n        proxy_pass http://app\n    }\n}\n';
  const [finding, ...rest] = findingsOf(check(text), 'nginx/syntax');
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'http://app');
  assert.deepEqual(finding!.range, { start: { line: 2, character: 19 }, end: { line: 2, character: 29 } });
  assert.match(finding!.message, /Missing ";" at the end of `proxy_pass`/);
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), 'server {\n    location / {\n        proxy_pass http://app;\n    }\n}\n');
});

test('two directives run together by a missing ";" are one syntax error at the end of the first line', () => {
  const text = 'http {\n    proxy_buffering off\n    proxy_cache off;\n}\n';
  const result = check(text);
  const [finding, ...rest] = findingsOf(result, 'nginx/syntax');
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'off');
  assert.equal(finding!.range.start.line, 1);
  assert.match(finding!.message, /reads `proxy_cache` on the next line as more arguments of `proxy_buffering`/);
  assert.deepEqual(findingsOf(result, 'nginx/invalid-args'), [], 'not reported twice');
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), 'http {\n    proxy_buffering off;\n    proxy_cache off;\n}\n');
});

test('a run-together directive nginx happens to accept is a warning', () => {
  const text = 'http {\n  server {\n    server_name example.com\n    listen 80;\n  }\n}\n';
  const [finding] = findingsOf(check(text), 'nginx/syntax');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), 'example.com');
  assert.match(finding!.message, /another argument of `server_name`/);
});

test('a line that merely continues arguments is not a missing ";"', () => {
  const text = "http {\n    log_format main '$remote_addr'\n                    '$status';\n    gzip_types text/plain\n               text/css;\n}\n";
  assert.deepEqual(findingsOf(check(text), 'nginx/syntax'), []);
});

test('a directive that takes no block, followed by "{", and a block directive followed by ";"', () => {
  const text = 'http {\n    proxy_buffering off { }\n    server;\n}\n';
  const findings = findingsOf(check(text), 'nginx/syntax');
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['proxy_buffering', 'server']);
  assert.match(findings[0]!.message, /takes no block.*not terminated by ";"/);
  assert.match(findings[1]!.message, /needs a block.*has no opening "\{"/);
});

test('a block inside map is an error: map entries are key value lines', () => {
  const text = 'http {\n    map $uri $x {\n        default 1;\n        ~^/a { }\n    }\n}\n';
  const [finding] = findingsOf(check(text), 'nginx/syntax');
  assert.equal(textOf(text, finding!), '{');
  assert.equal(finding!.range.start.line, 3);
  assert.match(finding!.message, /inside `map`/);
});

test('the block whose "}" is missing is named, and the fix closes it at its indentation', () => {
  const text = 'http {\n    server {\n        location /api/ {\n            proxy_pass http://app;\n    }\n}\n';
  const [finding, ...rest] = findingsOf(check(text), 'nginx/syntax');
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'location');
  assert.match(finding!.message, /The block of `location \/api\/` is never closed/);
  assert.equal(
    applyFix(text, URI, finding!.fixes[0]!),
    'http {\n    server {\n        location /api/ {\n            proxy_pass http://app;\n        }\n    }\n}\n',
  );
});

test('an unterminated quote names no value and the file is still checked after it', () => {
  const text = 'http {\n    add_header X-Token "s3cr3t;\n    server {\n        listen 80;\n    }\n}\n';
  const findings = findingsOf(check(text), 'nginx/syntax');
  assert.equal(findings[0]!.range.start.line, 1);
  assert.match(findings[0]!.message, /Unterminated quoted string/);
  for (const finding of findings) assert.doesNotMatch(finding.message, /s3cr3t/);
});

test('the guides\' valid configurations and envsubst/Go templates have no syntax findings', () => {
  const text = [
    'upstream agentim {',
    '    server 127.0.0.1:3000;',
    '    keepalive 64;',
    '}',
    'server {',
    '    listen ${NGINX_PORT};',
    '    ${HTTPS_CONFIG}',
    '    location /ws/ {',
    '        proxy_pass http://agentim;',
    '        proxy_set_header Connection "upgrade";',
    '    }',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(findingsOf(checkText(text, { path: '/project/nginx/templates/default.conf.template', kind: 'nginx' }), 'nginx/syntax'), []);
});

test('a suppression comment silences it for the next line', () => {
  const text = 'http {\n    # deploy-doctor disable-next-line nginx/syntax\n    proxy_buffering off\n    proxy_cache off;\n}\n';
  assert.deepEqual(findingsOf(check(text), 'nginx/syntax'), []);
});

test('a line that is no directive (a pasted credential) is never quoted in a message', () => {
  const token = 'https://deploy:CANARY-d1b2@github.com';
  for (const text of [`${token}\n`, `server {\n  ${token}\n}\n`, `${token} {\n`]) {
    const messages = check(text).diagnostics.map((d) => d.message);
    assert.ok(messages.length > 0, text);
    for (const message of messages) assert.ok(!message.includes('CANARY') && !message.includes('deploy:'), message);
  }
  assert.match(findingsOf(check(`${token}\n`), 'nginx/syntax')[0]!.message, /^Missing ";" at the end of this directive: /);
});
