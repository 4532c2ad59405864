import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string, files?: Record<string, string>) => findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...(files ? { files } : {}) }), 'nginx/allow-without-deny');
const server = (own: string, location: string) => `server {\n    listen 80;\n${own}    location /admin/ {\n${location}        root /srv;\n    }\n}\n`;

/*
 * From the ngx_http_access_module documentation: "The rules are checked in sequence until the
 * first match is found"; an address no rule matches is let through. Measured with nginx 1.22.1: a
 * location with `allow` of its own is open to everyone else even under a server's `deny all`.
 */
test('allow lines with no deny all are a warning on the last allow; the fix adds deny all after it', () => {
  const text = server('', '        allow 192.168.1.0/24;\n        allow 2001:0db8::/32;\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), 'allow 2001:0db8::/32;');
  assert.deepEqual(finding!.range.start, { line: 4, character: 8 });
  assert.equal(
    finding!.message,
    'No `deny all` follows the `allow` rules of `location`: nginx checks access rules in order and lets through every address that matches none, so these 2 `allow` lines restrict nothing. Add `deny all;` after them.',
  );
  const fix = finding!.fixes[0]!;
  assert.equal(fix.title, 'Add `deny all;` after the `allow` rules');
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safety, 'safe');
  const fixed = applyFix(text, URI, fix);
  assert.equal(fixed, server('', '        allow 192.168.1.0/24;\n        allow 2001:0db8::/32;\n        deny all;\n'));
  assert.deepEqual(findings(fixed), []);
});

test('the fix keeps CRLF, the rule\'s own indentation and a trailing comment; a one-line block gets it inline', () => {
  const crlf = server('', '\tallow 10.0.0.1; # office\n').replace(/\n/g, '\r\n');
  assert.equal(applyFix(crlf, URI, findings(crlf)[0]!.fixes[0]!), server('', '\tallow 10.0.0.1; # office\n\tdeny all;\n').replace(/\n/g, '\r\n'));
  const inline = 'server {\n    location /status { allow 127.0.0.1; stub_status; }\n}\n';
  const [finding] = findings(inline);
  assert.match(finding!.message, /so `allow 127\.0\.0\.1` restricts nothing/);
  assert.equal(applyFix(inline, URI, finding!.fixes[0]!), 'server {\n    location /status { allow 127.0.0.1; deny all; stub_status; }\n}\n');
});

test("a location's own allow replaces the server's deny all, and the message says so; satisfy any is named too", () => {
  const text = server('    deny all;\n', '        allow 10.0.0.1;\n');
  assert.match(findings(text)[0]!.message, /The `deny all` of `server` does not apply here: a block with access rules of its own inherits none\. Add/);
  const withAuth = server('    satisfy any;\n', '        allow 10.0.0.0/8;\n        auth_basic "admin";\n        auth_basic_user_file /etc/nginx/htpasswd;\n');
  assert.match(findings(withAuth)[0]!.message, /With `satisfy any`, every request passes this check, so the authentication beside it is never asked for either\./);
});

test('a specific deny after the allows is no deny all: the fix goes after the last rule', () => {
  const text = server('', '        allow 10.0.0.0/8;\n        deny 10.0.0.5;\n');
  const [finding] = findings(text);
  assert.equal(textOf(text, finding!), 'allow 10.0.0.0/8;');
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), server('', '        allow 10.0.0.0/8;\n        deny 10.0.0.5;\n        deny all;\n'));
});

test('deny all, allow all, inherited rules, no allow, and an include that may hold the deny pass', () => {
  // The documentation's example.
  assert.deepEqual(findings(server('', '        deny  192.168.1.1;\n        allow 192.168.1.0/24;\n        allow 10.1.1.0/16;\n        allow 2001:0db8::/32;\n        deny  all;\n')), []);
  assert.deepEqual(findings(server('    allow 10.0.0.0/8;\n    deny all;\n', '')), []);
  assert.deepEqual(findings(server('    deny all;\n', '        allow all;\n')), []);
  assert.deepEqual(findings(server('', '        deny 10.0.0.5;\n')), []);
  assert.deepEqual(findings(server('', '        allow 10.0.0.1;\n        include /etc/nginx/acl/deny.conf;\n')), []);
  assert.deepEqual(findings(server('', '        allow 10.0.0.1;\n        include acl/deny.conf;\n'), { '/project/nginx/acl/deny.conf': 'deny all;\n' }), []);
});

test('limit_except and stream servers are checked; allows only in an included file are marked on the block, with no fix', () => {
  const limited = server('', '        limit_except GET {\n            allow 192.168.1.0/32;\n        }\n');
  assert.equal(textOf(limited, findings(limited)[0]!), 'allow 192.168.1.0/32;');
  const stream = 'stream {\n    server {\n        listen 5432;\n        allow 10.0.0.0/8;\n        proxy_pass db:5432;\n    }\n}\n';
  assert.equal(findingsOf(checkText(stream, { path: '/project/nginx/nginx.conf', kind: 'nginx' }), 'nginx/allow-without-deny').length, 1);
  const included = server('', '        include acl/office.conf;\n');
  const [finding] = findings(included, { '/project/nginx/acl/office.conf': 'allow 10.0.0.1;\n' });
  assert.equal(textOf(included, finding!), 'location');
  assert.deepEqual(finding!.fixes, []);
});
