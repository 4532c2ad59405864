import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/host-spoofing');
const server = (body: string) => `server {\n    listen 80;\n${body}}\n`;

test('proxy_set_header Host $http_host is reported; the fix to $host is a choice that says it drops the port', () => {
  const text = server('    location / {\n        proxy_set_header Host $http_host;\n        proxy_pass http://backend;\n    }\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), '$http_host');
  assert.equal(finding!.message, "`$http_host` is the `Host` header exactly as the client sent it (any name, or empty when it is missing), used for the `Host` header sent upstream; `$host` is the validated host name, or the server's own name when the header is missing.");
  const fix = finding!.fixes[0]!;
  assert.equal(fix.title, 'Use `$host` (it drops the port the client sent)');
  assert.equal(fix.isPreferred, false);
  assert.equal(fix.safety, 'choice');
  const fixed = applyFix(text, URI, fix);
  assert.equal(fixed, text.replace('Host $http_host;', 'Host $host;'));
  assert.deepEqual(findings(fixed), []);
});

test('redirects whose host is $http_host or $http_x_forwarded_host are reported; only $http_host gets a fix', () => {
  const redirect = server('    return 301 https://${http_host}$request_uri;\n');
  const [finding] = findings(redirect);
  assert.equal(textOf(redirect, finding!), '${http_host}');
  assert.equal(applyFix(redirect, URI, finding!.fixes[0]!), redirect.replace('${http_host}', '${host}'));
  const forwarded = server('    rewrite ^/old(.*)$ $scheme://$http_x_forwarded_host/new$1 permanent;\n');
  const [fromForwarded] = findings(forwarded);
  assert.equal(textOf(forwarded, fromForwarded!), '$http_x_forwarded_host');
  assert.match(fromForwarded!.message, /the `X-Forwarded-Host` header exactly as the client sent it/);
  assert.deepEqual(fromForwarded!.fixes, []);
  const location = server('    location / {\n        add_header Location "https://$http_host/login";\n    }\n');
  assert.equal(findings(location).length, 1);
});

test('$host, $http_host outside the host part, and other headers pass', () => {
  assert.deepEqual(findings(server('    location / {\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Host $http_host;\n    }\n')), []);
  assert.deepEqual(findings(server('    return 301 https://example.com/?from=$http_host;\n')), []);
  assert.deepEqual(findings(server('    return 301 https://$host$request_uri;\n')), []);
  assert.deepEqual(findings(server('    add_header X-Host $http_host;\n')), []);
});
