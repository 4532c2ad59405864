import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const contextOf = (text: string, path = '/project/nginx/nginx.conf', files?: Record<string, string>) =>
  findingsOf(checkText(text, { path, kind: 'nginx', ...(files ? { files } : {}) }), 'nginx/directive-context');

test('the guide\'s limit_req_zone inside server is an error, and the fix moves it above the server block', () => {
  const text = [
    'server {',
    '    listen 443 ssl;',
    '',
    '    # Rate limiting',
    '    limit_req_zone $binary_remote_addr zone=api_limit:10m rate=10r/s;',
    '',
    '    location /graphql {',
    '        limit_req zone=api_limit burst=20;',
    '    }',
    '}',
    '',
  ].join('\n');
  const [finding, ...rest] = contextOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'limit_req_zone');
  assert.deepEqual(finding!.range.start, { line: 4, character: 4 });
  assert.equal(finding!.message, '`limit_req_zone` is not allowed in `server`: nginx accepts it only in `http` and refuses to start.');
  assert.equal(finding!.fixes[0]!.title, 'Move `limit_req_zone` into `http`');
  const fixed = applyFix(text, pathToUri('/project/nginx/nginx.conf'), finding!.fixes[0]!);
  assert.equal(
    fixed,
    [
      'limit_req_zone $binary_remote_addr zone=api_limit:10m rate=10r/s;',
      'server {',
      '    listen 443 ssl;',
      '',
      '    # Rate limiting',
      '',
      '    location /graphql {',
      '        limit_req zone=api_limit burst=20;',
      '    }',
      '}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(contextOf(fixed), []);
});

test('inside an http block the fix moves the directive into http, at the server\'s indentation, keeping CRLF', () => {
  const text = 'events {}\r\nhttp {\r\n    server {\r\n        limit_req_zone $binary_remote_addr zone=z:10m rate=1r/s;\r\n    }\r\n}\r\n';
  const [finding] = contextOf(text);
  assert.equal(
    applyFix(text, pathToUri('/project/nginx/nginx.conf'), finding!.fixes[0]!),
    'events {}\r\nhttp {\r\n    limit_req_zone $binary_remote_addr zone=z:10m rate=1r/s;\r\n    server {\r\n    }\r\n}\r\n',
  );
});

test('a directive no enclosing block accepts has no fix', () => {
  const text = 'http {\n    server {\n        proxy_pass http://app;\n    }\n}\n';
  const [finding] = contextOf(text);
  assert.match(finding!.message, /`proxy_pass` is not allowed in `server`: nginx accepts it only in `location`, `if in location`, `limit_except`/);
  assert.deepEqual(finding!.fixes, []);
});

test('every directive is checked, not only blocks: add_header inside if in server', () => {
  const text = 'server {\n    if ($scheme = http) {\n        add_header X-A b;\n        return 301 https://$host$request_uri;\n    }\n}\n';
  const [finding, ...rest] = contextOf(text);
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'add_header');
  assert.match(finding!.message, /not allowed in `if` inside `server`/);
});

test('stream and http blocks share names but not directives', () => {
  const text = 'stream {\n    server {\n        listen 5432;\n        proxy_pass db:5432;\n        proxy_buffering off;\n    }\n}\nevents {}\n';
  const findings = contextOf(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['proxy_buffering']);
});

test('a conf.d file is read in http: a top-level location is an error', () => {
  const text = 'location /api/ {\n    proxy_pass http://app;\n}\n';
  const [finding] = contextOf(text, '/project/nginx/conf.d/api.conf');
  assert.match(finding!.message, /`location` is not allowed in `http`/);
  // Elsewhere, a file of locations is a server snippet.
  assert.deepEqual(contextOf(text, '/project/deploy/api-locations.conf'), []);
});

test('a snippet is checked in the context its includer puts it in', () => {
  const snippet = 'listen 443 ssl;\nproxy_pass http://app;\n';
  const includer = 'events {}\nhttp {\n    server {\n        location / {\n            include snippets/app.conf;\n        }\n    }\n}\n';
  const [finding, ...rest] = contextOf(snippet, '/project/nginx/snippets/app.conf', { '/project/nginx/nginx.conf': includer });
  assert.deepEqual(rest, []);
  assert.equal(textOf(snippet, finding!), 'listen');
  assert.equal(finding!.message, '`listen` is not allowed in `location` (this file is included there by nginx.conf): nginx accepts it only in `server` and refuses to start.');
});

test('absolute /etc/nginx include paths and Docker templates map onto the workspace', () => {
  const snippet = 'proxy_set_header Connection "";\nproxy_buffering off;\nserver_name x;\n';
  const includer = 'server {\n    location /api/ {\n        include /etc/nginx/proxy.conf;\n    }\n}\n';
  const findings = contextOf(snippet, '/project/docker/nginx/proxy.conf.template', { '/project/docker/nginx/conf.d/default.conf.template': includer });
  assert.deepEqual(findings.map((finding) => textOf(snippet, finding)), ['server_name']);
});

test('a context comment sets the context of a file', () => {
  const text = '# deploy-doctor context=location\nlisten 80;\nproxy_pass http://app;\n';
  const findings = contextOf(text, '/project/nginx/extra.conf');
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['listen']);
});

test('a main configuration is read in main: http-only directives at the top are errors', () => {
  const text = 'worker_processes auto;\nevents {}\nproxy_buffering off;\nhttp {}\n';
  const [finding] = contextOf(text);
  assert.match(finding!.message, /`proxy_buffering` is not allowed in `main`/);
});

test('an unknown context in the comment is a warning on the comment', () => {
  const text = '# deploy-doctor context=serverr\nlisten 80;\n';
  const [finding] = contextOf(text, '/project/nginx/extra.conf');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), '# deploy-doctor context=serverr');
  assert.match(finding!.message, /Unknown context `serverr`/);
});
