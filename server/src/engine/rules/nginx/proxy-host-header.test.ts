import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string, files?: Record<string, string>) => findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...(files ? { files } : {}) }), 'nginx/proxy-host-header');

/*
 * From the ngx_http_proxy_module documentation: by default nginx redefines `Host` as `$proxy_host`
 * (the name and port written in `proxy_pass`); `proxy_set_header` lines are inherited from the
 * previous level only when the current level has none.
 */
const UPSTREAM = 'upstream backend {\n    server 10.0.0.5:8080;\n}\n';
const site = (server: string, location: string) => `${UPSTREAM}server {\n    listen 80;\n${server}    location /api/ {\n${location}    }\n}\n`;

test('proxy_pass to an upstream block without proxy_set_header Host is info on its name; the fix adds the header before it', () => {
  const text = site('', '        proxy_pass http://backend/;\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'info');
  assert.equal(textOf(text, finding!), 'backend');
  assert.deepEqual(finding!.range.start, { line: 6, character: 26 });
  assert.equal(
    finding!.message,
    'nginx sends `Host: backend` to this upstream (its default, `$proxy_host`): no `proxy_set_header Host` is in effect here. ' +
      'An upstream that picks its site or checks allowed host names by the `Host` header rejects or mis-routes that name, and links it builds point to it; `proxy_set_header Host $host;` passes on the name the client asked for.',
  );
  const fix = finding!.fixes[0]!;
  assert.equal(fix.title, 'Send the host the client asked for: `proxy_set_header Host $host;`');
  assert.equal(fix.isPreferred, false);
  assert.equal(fix.safety, 'choice');
  const fixed = applyFix(text, URI, fix);
  assert.equal(fixed, site('', '        proxy_set_header Host $host;\n        proxy_pass http://backend/;\n'));
  assert.deepEqual(findings(fixed), []);
});

test('a single-label host keeps the port nginx sends, and only a port other than the scheme\'s; CRLF is kept', () => {
  const withPort = site('', '        proxy_pass http://app:3000;\n');
  assert.match(findings(withPort)[0]!.message, /^nginx sends `Host: app:3000` /);
  assert.equal(textOf(withPort, findings(withPort)[0]!), 'app:3000');
  assert.match(findings(site('', '        proxy_pass https://app:443/v1/;\n'))[0]!.message, /^nginx sends `Host: app` /);

  const crlf = site('', '\tproxy_pass http://backend;\n').replace(/\n/g, '\r\n');
  const fixed = applyFix(crlf, URI, findings(crlf)[0]!.fixes[0]!);
  assert.equal(fixed, site('', '\tproxy_set_header Host $host;\n\tproxy_pass http://backend;\n').replace(/\n/g, '\r\n'));
});

test('in a one-line location the header goes right before proxy_pass', () => {
  const text = `${UPSTREAM}server {\n    location / { proxy_pass http://backend; }\n}\n`;
  const fixed = applyFix(text, URI, findings(text)[0]!.fixes[0]!);
  assert.equal(fixed, `${UPSTREAM}server {\n    location / { proxy_set_header Host $host; proxy_pass http://backend; }\n}\n`);
});

test('a location whose own headers replace the server\'s Host says so, and the fix adds Host beside them', () => {
  const text = site('    proxy_set_header Host $host;\n', '        proxy_set_header X-Real-IP $remote_addr;\n        proxy_pass http://backend;\n');
  const [finding] = findings(text);
  assert.match(finding!.message, /The `proxy_set_header Host` of `server` does not apply: `location` sets `proxy_set_header` lines of its own, and nginx then inherits none\./);
  const fixed = applyFix(text, URI, finding!.fixes[0]!);
  assert.equal(fixed, text.replace('        proxy_pass', '        proxy_set_header Host $host;\n        proxy_pass'));
  assert.deepEqual(findings(fixed), []);
});

test('headers inherited from the server without Host: reported, but no fix (one line here would drop the inherited ones)', () => {
  const text = site('    proxy_set_header X-Real-IP $remote_addr;\n', '        proxy_pass http://backend;\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.doesNotMatch(finding!.message, /does not apply/);
  assert.deepEqual(finding!.fixes, []);
});

test('Host in effect from the location, the server or the http block passes, in any letter case', () => {
  assert.deepEqual(findings(site('', '        proxy_set_header host $host;\n        proxy_pass http://backend;\n')), []);
  assert.deepEqual(findings(site('    proxy_set_header Host $http_host;\n', '        proxy_pass http://backend;\n')), []);
  const http = `http {\n    proxy_set_header Host $host;\n    ${UPSTREAM.replace(/\n/g, ' ')}\n    server {\n        location / {\n            if ($request_method = POST) {\n                proxy_pass http://backend;\n            }\n        }\n    }\n}\n`;
  assert.deepEqual(findings(http), []);
  assert.equal(findings(http.replace('    proxy_set_header Host $host;\n', '')).length, 1);
});

test('addresses, localhost, unix sockets, variables and dotted names that are no upstream pass', () => {
  for (const target of ['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:3000', 'http://unix:/run/app.sock:', 'http://$backend', 'https://api.example.com/', 'http://backend$request_uri'.replace('backend', '$name')]) {
    assert.deepEqual(findings(site('', `        proxy_pass ${target};\n`)), [], target);
  }
  // A dotted name given to an upstream block is still that block's name.
  const dotted = site('', '        proxy_pass http://app.internal;\n').replace('upstream backend', 'upstream app.internal');
  assert.match(findings(dotted)[0]!.message, /`Host: app\.internal`/);
  // The upstream block may be in another file of the workspace.
  const elsewhere = `server {\n    location / {\n        proxy_pass http://app.internal;\n    }\n}\n`;
  assert.equal(findings(elsewhere, { '/project/nginx/conf.d/upstreams.conf': 'upstream app.internal {\n    server 10.0.0.5;\n}\n' }).length, 1);
  assert.deepEqual(findings(elsewhere), []);
});

test('an include that may set the header, or a file included where the includer may, passes', () => {
  assert.deepEqual(findings(site('', '        include /etc/nginx/proxy_params_custom;\n        proxy_pass http://backend;\n')), []);
  // Debian's and Ubuntu's proxy_params sets Host.
  assert.deepEqual(findings(site('    include proxy_params;\n', '        proxy_pass http://backend;\n')), []);
  const includer = 'http {\n    proxy_set_header Host $host;\n    include conf.d/*.conf;\n}\n';
  assert.deepEqual(findings(site('', '        proxy_pass http://backend;\n'), { '/project/nginx/nginx.conf': includer }), []);
});
