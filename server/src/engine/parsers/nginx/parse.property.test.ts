import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { corpusFiles } from '../../../../../test/corpus';
import { checkText } from '../../testing';
import type { Span } from '../../types';
import type { NginxDirective, NginxFile } from './ast';
import { parseNginx } from './parse';

/*
 * Whatever the input, the parser returns, and every span it produces lies inside the text:
 * random token soup, and real configurations with random edits. DD_PROPERTY_RUNS raises the
 * number of cases.
 */
const RUNS = Number(process.env['DD_PROPERTY_RUNS'] ?? '') || 2000;

const TOKENS = [
  'server', 'location', 'http', 'events', 'map $a $b', 'types', 'upstream u', 'if ($a = "b")', 'proxy_pass', 'http://x:80/',
  'proxy_buffering', 'on', 'off', '/', '~', '^/x{2}$', '{', '}', ';', '"', "'", '\\', '$', '${', '${VAR}', '$host', '#', '# c',
  '\n', '\r\n', '\r', ' ', '\t', 'a', '{{', '}}', '{{ if .Env.X }}', '{{ end }}', '{{ .Env.Y }}', '(', ')', 'content_by_lua_block',
  '--[[', ']]', '[==[', 'é', '\u2028', '😀', '\uFEFF',
];

const SAMPLES = [
  'events {}\nhttp {\n  server {\n    listen 443 ssl;\n    location /api/ {\n      proxy_pass http://app;\n      proxy_buffering off;\n    }\n  }\n}\n',
  'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    \'\' close;\n}\nserver {\n    location /ws/ { proxy_set_header Connection $connection_upgrade; }\n}\n',
  'server {\r\n\tlisten ${PORT};\r\n\t${EXTRA}\r\n\tlocation = /{{ .Env.P }} {\r\n\t\treturn 301 "/x\\"y";\r\n\t}\r\n}\r\n',
  // The corpus's nginx files, as its manifest names them (none when ../shared/corpus is absent).
  ...(corpusFiles('nginx') ?? []).map((file) => file.text),
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 6 }),
  insert: fc.oneof(fc.constantFrom('', ';', '{', '}', '"', "'", '\\', '#', '\n', '$', '{{', '}}', ' x '), fc.string({ maxLength: 4 })),
});
const mutated = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([base, edits]) => edits.reduce((text, { at, remove, insert }) => {
    const start = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + remove);
  }, base));

function assertInside(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: [${span.start}, ${span.end}) inside 0..${text.length}`);
}

function assertSpans(text: string, file: NginxFile): void {
  const stack: NginxDirective[] = [...file.directives];
  while (stack.length > 0) {
    const directive = stack.pop()!;
    assertInside(text, directive.span, 'directive');
    assertInside(text, directive.nameSpan, 'name');
    assert.equal(text.slice(directive.nameSpan.start, directive.nameSpan.end).length > 0, true, 'names are never empty');
    for (const arg of directive.args) assertInside(text, arg.span, 'argument');
    if (directive.semicolon) assertInside(text, directive.semicolon, 'semicolon');
    if (directive.block) {
      assertInside(text, directive.block.open, 'open');
      if (directive.block.close) assertInside(text, directive.block.close, 'close');
      stack.push(...directive.block.children);
    }
  }
  for (const comment of file.comments) assertInside(text, comment.span, 'comment');
  for (const error of file.errors) {
    assertInside(text, error.span, 'error');
    if (error.repair) assertInside(text, error.repair.span, 'repair');
  }
}

test('random token soup never throws and every span lies inside the text', () => {
  fc.assert(fc.property(tokenSoup, (text) => assertSpans(text, parseNginx(text))), { numRuns: RUNS });
});

test('real configurations with random edits never throw and every span lies inside the text', () => {
  fc.assert(fc.property(mutated, (text) => assertSpans(text, parseNginx(text))), { numRuns: RUNS });
});

test('every nginx rule runs on broken input without failing, and its findings lie inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(tokenSoup, mutated), (text) => {
      const result = checkText(text, { kind: 'nginx', path: '/project/nginx/conf.d/site.conf' });
      assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.rule === 'deploy-doctor/internal-error').map((d) => d.message), []);
      for (const diagnostic of result.diagnostics) assertInside(text, diagnostic.span, diagnostic.rule);
    }),
    { numRuns: Math.max(200, Math.floor(RUNS / 4)) },
  );
});
