import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { duplicateKey } from '../../server/src/engine/rules/env/duplicate-key';
import { keyFormat } from '../../server/src/engine/rules/env/key-format';
import { undefinedReference } from '../../server/src/engine/rules/env/undefined-reference';
import { valueFormat } from '../../server/src/engine/rules/env/value-format';
import { nginxRules } from '../../server/src/engine/rules/nginx';
import type { Rule } from '../../server/src/engine/rules/rule';
import { checkText } from '../../server/src/engine/testing';
import type { FileKind } from '../../server/src/engine/types';

/*
 * Regression guards for rules that once did work per line proportional to the whole file
 * (quadratic time), each on an input where that old behaviour takes minutes and linear work takes
 * about a second. The bound is generous — a guard against a hang, not a speed target; the speed
 * targets live in `npm run bench`.
 */
const BOUND_MS = 15_000;

function assertChecksWithinBound(what: string, text: string, kind: FileKind, rules: readonly Rule[], expectFindings: boolean, workspace: { path?: string; files?: Record<string, string> } = {}): void {
  const started = Date.now();
  const result = checkText(text, { kind, rules, products: [], ...workspace });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < BOUND_MS, `${what}: ${elapsed} ms for ${text.length} characters`);
  assert.ok(!result.diagnostics.some((diagnostic) => diagnostic.rule === 'deploy-doctor/internal-error'));
  assert.equal(result.diagnostics.length > 0, expectFindings, `${what}: findings`);
}

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n') + '\n';

test('env/value-format: 150,000 values without `$(` (the search for one stays inside each value)', () => {
  assertChecksWithinBound('value-format', lines(150_000, (i) => `SERVICE_${i}_URL=https://svc${i}.example.com/api`), 'env', [valueFormat], false);
});

test('env/key-format: 100,000 lowercase keys (the rename fix looks its target up in a set)', () => {
  assertChecksWithinBound('key-format', lines(100_000, (i) => `service_${i}_url=x`), 'env', [keyFormat], true);
});

test('env/duplicate-key: 20,000 overridden lines (the delete fix is proven local without re-parsing)', () => {
  assertChecksWithinBound('duplicate-key', lines(40_000, (i) => `KEY_${i % 20_000}="value ${i}"`), 'env', [duplicateKey], true);
});

test('env/duplicate-key: 20,000 overridden empty values (an empty value above the lines is local too)', () => {
  assertChecksWithinBound('duplicate-key', lines(20_000, () => 'KEY='), 'env', [duplicateKey], true);
});

test('nginx rules: 20,000 servers of one proxied location (enclosing scopes are built once per check)', () => {
  const servers = lines(20_000, (i) => `  server { listen ${1000 + (i % 60000)}; location /events/ { proxy_pass http://app; } }`);
  assertChecksWithinBound('nginx', `events {}\nhttp {\n${servers}}\n`, 'nginx', nginxRules, true);
});

test('env/undefined-reference: a value of 200,000 `${a:-` with no `}` (each `${` does not scan on to the end)', () => {
  assertChecksWithinBound('undefined-reference', `KEY="${'${a:-'.repeat(200_000)}"\nOTHER=$MISSING\n`, 'env', [undefinedReference], true);
});

test('nginx include contexts: 300 other files that each hold an `include` (only files that include this one are followed)', () => {
  const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`/w/site${i}/nginx.conf`, `events {}\nhttp {\n  include /run/custom/extra${i}.conf;\n  server { listen 80; }\n}\n`]));
  assertChecksWithinBound('nginx includes', 'location /events/ {\n  proxy_pass http://app;\n}\n', 'nginx', nginxRules, true, { path: '/w/snippets/events.conf', files });
});

test('nginx include contexts: 40 files that all include each other by glob (each is resolved once per include depth)', () => {
  const site = (i: number) => `server {\n  listen 80;\n  server_name s${i}.example.com;\n  include conf.d/*.conf;\n  location / {\n    proxy_pass http://app;\n    include conf.d/*.conf;\n  }\n}\n`;
  const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`/w/conf.d/s${i + 1}.conf`, site(i + 1)]));
  assertChecksWithinBound('nginx includes', site(0), 'nginx', nginxRules, true, { path: '/w/conf.d/s0.conf', files: { ...files, '/w/nginx.conf': 'events {}\nhttp {\n  include conf.d/*.conf;\n}\n' } });
});

test('nginx scopes: 120 snippets that include each other by glob, included by a server (each file is spliced into a scope once)', () => {
  const files = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`/w/snippets/s${i}.conf`, `add_header X-S${i} v;\ninclude snippets/*.conf;\nproxy_buffering on;\n`]));
  const main = 'events {}\nhttp {\n  server {\n    listen 80;\n    add_header X-A b;\n    include snippets/*.conf;\n    location /events {\n      add_header X-B c;\n      proxy_pass http://app;\n      include snippets/*.conf;\n    }\n  }\n}\n';
  assertChecksWithinBound('nginx scopes', main, 'nginx', nginxRules, true, { path: '/w/nginx.conf', files });
});
