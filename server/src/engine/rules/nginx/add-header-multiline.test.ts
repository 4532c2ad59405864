import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/site.conf';
const URI = pathToUri(PATH);
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/add-header-multiline');
const location = (body: string) => `server {\n    listen 80;\n    location / {\n${body}        return 204;\n    }\n}\n`;

// A Content-Security-Policy split over lines for readability, as people write it.
const CSP = `        add_header Content-Security-Policy "default-src 'self';\n            script-src 'self'" always;\n`;

test('a quoted add_header value over two lines is a warning on the value; the fix joins it with one space', () => {
  const text = location(CSP);
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), `"default-src 'self';\n            script-src 'self'"`);
  assert.deepEqual(finding!.range.start, { line: 3, character: 43 });
  assert.deepEqual(finding!.range.end, { line: 4, character: 30 });
  assert.equal(
    finding!.message,
    'This `add_header` value spans 2 lines: nginx accepts it and sends the line breaks and the indentation inside the header, as written. ' +
      "Node's HTTP client and `fetch` reject the whole response; other clients read a value with a line break in it. Write the value on one line.",
  );
  const fix = finding!.fixes[0]!;
  assert.equal(fix.title, 'Join the value onto one line');
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safety, 'safe');
  const fixed = applyFix(text, URI, fix);
  assert.equal(fixed, location(`        add_header Content-Security-Policy "default-src 'self'; script-src 'self'" always;\n`));
  assert.deepEqual(findings(fixed), []);
});

test('CRLF breaks, blank lines and breaks right inside the quotes are joined; the file keeps its other CRLFs', () => {
  const text = location("        add_header Permissions-Policy '\n            camera=(),\n\n            microphone=()\n        ';\n").replace(/\n/g, '\r\n');
  const [finding] = findings(text);
  assert.match(finding!.message, /spans 5 lines/);
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), location("        add_header Permissions-Policy 'camera=(), microphone=()';\n").replace(/\n/g, '\r\n'));
});

test('proxy_set_header says what the upstream does; add_trailer and more_set_headers values are checked, not their options', () => {
  const proxied = location('        proxy_set_header X-Roles "admin\n            editor";\n');
  assert.match(findings(proxied)[0]!.message, /^This `proxy_set_header` value spans 2 lines: .* Node's HTTP server answers the request with 400;/);
  assert.equal(findings(location('        add_trailer Server-Timing "db;dur=53,\n            app;dur=47.2";\n')).length, 1);
  const more = location('        more_set_headers -s "404\n            500" "X-Error: not\n            found";\n');
  const [finding, ...rest] = findings(more);
  assert.deepEqual(rest, []);
  assert.equal(textOf(more, finding!), '"X-Error: not\n            found"');
  assert.equal(applyFix(more, URI, finding!.fixes[0]!), location('        more_set_headers -s "404\n            500" "X-Error: not found";\n'));
});

test('one-line values, a directive spread over lines between its arguments, and other directives pass', () => {
  assert.deepEqual(findings(location(`        add_header Content-Security-Policy "default-src 'self'; script-src 'self'" always;\n`)), []);
  assert.deepEqual(findings(location('        add_header X-Frame-Options\n            DENY\n            always;\n')), []);
  assert.deepEqual(findings(location('        set $csp "default-src\n            \'self\'";\n')), []);
});
