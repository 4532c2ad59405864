import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/http-splitting');
const server = (body: string) => `server {\n    listen 80;\n${body}}\n`;

test('$uri in a response header is reported on the variable, without a fix', () => {
  const text = server('    location / {\n        add_header X-Path $uri;\n    }\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), '$uri');
  assert.equal(finding!.message, '`$uri` is the decoded request URI and can hold CR and LF (`%0d%0a` in the request): used in the `X-Path` response header, it lets a client add headers of its own or split the response.');
  assert.deepEqual(finding!.fixes, []);
});

test('$document_uri in a redirect and in an upstream header are reported', () => {
  const redirect = server('    return 301 https://example.com$document_uri;\n');
  assert.equal(textOf(redirect, findings(redirect)[0]!), '$document_uri');
  assert.match(findings(redirect)[0]!.message, /the `Location` of the redirect/);
  const upstream = server('    location / {\n        proxy_set_header X-Original-URI "$uri";\n        proxy_pass http://backend;\n    }\n');
  assert.match(findings(upstream)[0]!.message, /split the request to the upstream/);
});

test('a `.*` capture can hold a CR; the fix narrows it to [^\\r\\n]', () => {
  const text = server('    location ~ ^/go/(.*)$ {\n        return 302 https://example.com/$1;\n    }\n');
  const [finding] = findings(text);
  assert.equal(textOf(text, finding!), '$1');
  assert.match(finding!.message, /can hold a CR/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.isPreferred, false);
  assert.equal(fix.safety, 'choice');
  const fixed = applyFix(text, URI, fix);
  assert.equal(fixed, text.replace('^/go/(.*)$', '^/go/([^\\r\\n]*)$'));
  assert.deepEqual(findings(fixed), []);
});

test('negated classes without \\r\\n and named captures in add_header are reported; no fix for them', () => {
  const text = server('    location ~ /v1/(?<action>[^.]*)\\.json$ {\n        add_header X-Action $action;\n    }\n');
  const [finding] = findings(text);
  assert.equal(textOf(text, finding!), '$action');
  assert.match(finding!.message, /can hold CR and LF/);
  assert.deepEqual(finding!.fixes, []);
});

test('raw request values, narrow captures, escaped rewrite captures and non-header uses pass', () => {
  assert.deepEqual(findings(server('    return 301 https://example.com$request_uri;\n')), []);
  assert.deepEqual(findings(server('    location / {\n        add_header X-Args "$args $arg_q $http_user_agent $cookie_id";\n    }\n')), []);
  assert.deepEqual(findings(server('    location ~ ^/u/([^/\\s]+)/(\\d+)/([a-z0-9-]+)$ {\n        add_header X-User "$1 $2 $3";\n    }\n')), []);
  assert.deepEqual(findings(server('    location ~ ^/u/([^\\r\\n]*)$ {\n        add_header X-User $1;\n    }\n')), []);
  // nginx escapes `$1` in a redirecting rewrite.
  assert.deepEqual(findings(server('    rewrite ^/old/(.*)$ https://example.com/new/$1 permanent;\n')), []);
  assert.deepEqual(findings(server('    rewrite ^/old/(.*)$ /new/$1 last;\n')), []);
  assert.deepEqual(findings(server('    return 200 "you asked for $uri";\n')), []);
  // A capture of a raw header holds no line break.
  assert.deepEqual(findings(server('    if ($http_referer ~ ^(.*)$) {\n        add_header X-Ref $1;\n    }\n')), []);
});

test('$uri in a redirecting rewrite is not escaped and is reported', () => {
  const text = server('    rewrite ^/old https://example.com$uri permanent;\n');
  assert.equal(textOf(text, findings(text)[0]!), '$uri');
});
