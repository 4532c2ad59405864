import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const deprecatedOf = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/deprecated');

test('`ssl on;` (removed in nginx 1.25.1) is an error; the fix removes it and adds `ssl` to the 443 listen lines', () => {
  const text = 'server {\n    listen 443;\n    listen [::]:443;\n    listen 80;\n    ssl on;\n    ssl_certificate /etc/ssl/site.pem;\n}\n';
  const [finding, ...rest] = deprecatedOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'ssl');
  assert.deepEqual(finding!.range.start, { line: 4, character: 4 });
  assert.equal(
    finding!.message,
    '`ssl` is obsolete since nginx 1.15.0 and was removed in 1.25.1: nginx 1.25.1 and later refuse to start with it. The `ssl` parameter of the `listen` directive should be used instead.',
  );
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), 'server {\n    listen 443 ssl;\n    listen [::]:443 ssl;\n    listen 80;\n    ssl_certificate /etc/ssl/site.pem;\n}\n');
});

test('`listen … http2` is deprecated; the fix drops the parameter and adds `http2 on;` once', () => {
  const text = 'server {\n    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n    server_name a.example;\n}\n';
  const findings = deprecatedOf(text);
  assert.deepEqual(findings.map((finding) => [textOf(text, finding), finding.severity]), [
    ['http2', 'warning'],
    ['http2', 'warning'],
  ]);
  assert.match(findings[0]!.message, /use the `http2 on;` directive/);
  assert.equal(applyFix(text, URI, findings[0]!.fixes[0]!), 'server {\n    listen 443 ssl;\n    http2 on;\n    listen [::]:443 ssl http2;\n    server_name a.example;\n}\n');
  const withDirective = 'server {\n    listen 443 ssl http2;\n    http2 on;\n}\n';
  assert.equal(applyFix(withDirective, URI, deprecatedOf(withDirective)[0]!.fixes[0]!), 'server {\n    listen 443 ssl;\n    http2 on;\n}\n');
});

test('directives the reference calls obsolete are warnings with its advice', () => {
  const text = 'server {\n    http2_push_preload on;\n    http2_max_requests 1000;\n}\n';
  const findings = deprecatedOf(text);
  assert.deepEqual(findings.map((finding) => [textOf(text, finding), finding.severity]), [
    ['http2_push_preload', 'warning'],
    ['http2_max_requests', 'warning'],
  ]);
  assert.equal(findings[1]!.message, '`http2_max_requests` is obsolete since nginx 1.19.7: nginx ignores it and warns. The `keepalive_requests` directive should be used instead.');
});

test('current forms pass', () => {
  assert.deepEqual(deprecatedOf('server {\n    listen 443 ssl;\n    http2 on;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n'), []);
});
