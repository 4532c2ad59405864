import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readConfigText } from '../../server/src/cli/readText';
import { Engine, FILE_KINDS, MAX_FILE_CHARS, type CheckResult, type FileKind } from '../../server/src/engine';
import { pathFor } from './inputs';
import { assertEngineInvariants, INTERNAL_ERROR } from './invariants';

/*
 * Inputs built to hurt: an alias bomb, files over the size limit, a 1 MB line, deep nesting,
 * invalid UTF-8 and NUL bytes, and long runs of the characters regular expressions backtrack on.
 * Each must be answered — checked or skipped with a reason — within a generous bound (a guard
 * against hangs and super-linear time, not a speed target), without throwing and without an
 * internal error. DD_TRACE=1 prints each case's time, to find the one that hangs.
 */
/** Quadratic work on these inputs takes minutes; linear work takes at most a few seconds, with two test files sharing two cores. */
const BOUND_MS = 20_000;
const engine = new Engine();
const folder = mkdtempSync(path.join(tmpdir(), 'dd-pathological-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function checkWithin(kind: FileKind, text: string, what: string): CheckResult {
  const started = Date.now();
  const result = assertEngineInvariants(engine, { kind, path: pathFor(kind), text, files: {}, cursors: [0, text.length >> 1], fixPicks: [0] }, `${kind}: ${what}`);
  const elapsed = Date.now() - started;
  if (process.env['DD_TRACE']) console.error(`${elapsed} ms: ${kind} ${what}`);
  assert.ok(elapsed < BOUND_MS, `${kind}: ${what} took ${elapsed} ms`);
  return result;
}

const MB = 1024 * 1024;

test('a YAML alias bomb (a billion laughs) is answered fast, with a compose/syntax error', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  const text = `${levels.join('\n')}\nservices:\n  app:\n    image: x\n    command: *j\n`;
  const result = checkWithin('compose', text, 'alias bomb');
  assert.ok(result.diagnostics.some((diagnostic) => diagnostic.rule === 'compose/syntax'), result.diagnostics.map((diagnostic) => diagnostic.rule).join(', '));
});

test('a 10 MB file of each kind is skipped with a reason, without being parsed', () => {
  const line: Record<FileKind, string> = { env: 'KEY_1=value\n', toml: 'key = "value"\n', compose: '  - item\n', nginx: 'server_name x;\n' };
  for (const kind of FILE_KINDS) {
    const text = line[kind].repeat(Math.ceil((10 * MB) / line[kind].length));
    const result = checkWithin(kind, text, '10 MB');
    assert.match(result.skipped ?? '', /larger than 5 MB; not checked/);
    assert.deepEqual(result.diagnostics, []);
  }
  assert.ok(MAX_FILE_CHARS < 10 * MB, 'the size limit is what makes these skipped');
});

test('a file of one 1 MB line, of each kind, is checked', () => {
  const long = 'x'.repeat(MB);
  const lines: Record<FileKind, readonly string[]> = {
    env: [`KEY=${long}`, `KEY="${long}"`, long, `${long}=1`],
    toml: [`key = "${long}"`, `key = ${long}`, `[${long}]`, `a = [${'1,'.repeat(MB / 2)}]`],
    compose: [`services: {app: {image: "${long}"}}`, `${long}: 1`, `services: {app: {environment: [${'A=1,'.repeat(MB / 4)}]}}`],
    nginx: [`server_name ${long};`, `location /${long} { proxy_pass http://app; }`, `${long}`, `map $a $b { ${'x y; '.repeat(MB / 5)} }`],
  };
  for (const kind of FILE_KINDS) for (const [index, text] of lines[kind].entries()) checkWithin(kind, text, `1 MB line #${index}`);
});

test('deep nesting: 10,000 nginx blocks, YAML flow and block nesting, TOML inline tables and arrays', () => {
  const depth = 10_000;
  checkWithin('nginx', `${'location / {\n'.repeat(depth)}${'}\n'.repeat(depth)}`, '10,000 nested blocks');
  checkWithin('nginx', `http {\n${'server {\n'.repeat(depth)}`, '10,000 unclosed blocks');
  checkWithin('nginx', '}\n'.repeat(depth), '10,000 stray closing braces');
  checkWithin('compose', `services: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, '10,000 nested flow sequences');
  checkWithin('compose', `services: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`, '10,000 nested flow maps');
  const block = Array.from({ length: 1_000 }, (_, level) => `${' '.repeat(level)}a${level}:`).join('\n');
  checkWithin('compose', `services:\n${block}\n`, '1,000 nested block maps');
  checkWithin('compose', `${'- '.repeat(depth)}x\n`, '10,000 nested block sequences on one line');
  checkWithin('toml', `a = ${'{ b = '.repeat(depth)}1${' }'.repeat(depth)}\n`, '10,000 nested inline tables');
  checkWithin('toml', `a = ${'['.repeat(depth)}${']'.repeat(depth)}\n`, '10,000 nested arrays');
  checkWithin('toml', `${Array.from({ length: depth }, (_, index) => `[${'t.'.repeat(index % 200)}x${index}]`).join('\n')}\n`, '10,000 tables with dotted names 200 deep');
  checkWithin('env', `A="${'${'.repeat(depth)}${'}'.repeat(depth)}"\n`, '10,000 nested references');
});

test('invalid UTF-8 and lone UTF-16 halves, decoded as the CLI reads files, are checked', () => {
  const invalid = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xf8, 0xa1, 0xa1, 0xa1, 0xa1, 0xed, 0xa0, 0x80, 0xc0, 0xaf]);
  const bodies: Record<FileKind, string> = { env: 'KEY=@\nJWT_SECRET=@\n@=1\n', toml: 'key = "@"\n[@]\n@ = 1\n', compose: 'services:\n  @:\n    image: "@"\n    environment:\n      A: @\n', nginx: 'server {\n  server_name @;\n  location /@ { proxy_pass http://@; }\n}\n' };
  for (const kind of FILE_KINDS) {
    const parts = bodies[kind].split('@');
    const file = path.join(folder, `invalid-${kind}`);
    writeFileSync(file, Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [Buffer.from(part)] : [invalid, Buffer.from(part)]))));
    const text = readConfigText(file);
    assert.ok(text.includes('\ufffd'), 'invalid bytes become replacement characters');
    checkWithin(kind, text, 'invalid UTF-8');
    // A UTF-16 byte-order mark with an odd number of bytes after it, and lone surrogates in the text itself.
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bodies[kind], 'utf16le'), Buffer.from([0x41])]));
    checkWithin(kind, readConfigText(file), 'UTF-16 with a dangling byte');
    checkWithin(kind, bodies[kind].replaceAll('@', '\ud800x\udc00\udbff'), 'lone surrogates');
  }
});

test('NUL bytes: the file is skipped as binary, with a reason', () => {
  for (const kind of FILE_KINDS) {
    const result = checkWithin(kind, `KEY=1\n\u0000\u0000binary\u0000\nserver {}\n`, 'NUL bytes');
    assert.match(result.skipped ?? '', /binary content/);
  }
});

test('long runs of what regular expressions backtrack on, in every position, of each kind', () => {
  const RUN = 50_000;
  const runs = ['$', '{', '${', '$$', '"', "'", '`', '\\', ' ', '\t', '#', '=', ':', '-', '*', '/', '.', 'a', '0', ' #', '\\"', '${a:-', '$(', '%', '@', ',', 'a ', 'http://'];
  const shapes: Record<FileKind, (run: string) => string[]> = {
    env: (run) => [`KEY=${run}`, `KEY="${run}`, `KEY=x${run}y`, `${run}=1`, `# ${run}`, `JWT_SECRET=${run}`, `DATABASE_URL=postgres://u:${run}@h/db`],
    toml: (run) => [`key = "${run}"`, `key = '${run}`, `key = ${run}`, `"${run}" = 1`, `[${run}`, `# ${run}`, `url = "postgres://u:${run}@h/db"`],
    compose: (run) => [`services:\n  app:\n    image: ${run}`, `services:\n  app:\n    environment:\n      A: "${run}"`, `services:\n  app:\n    command: ${run}x`, `${run}: 1`, `# ${run}`, `services:\n  app:\n    ports: ["${run}"]`],
    nginx: (run) => [`server_name ${run};`, `server_name "${run};`, `location ~ ${run} { }`, `${run} {`, `# ${run}`, `add_header X "${run}";`, `if (${run}) { }`],
  };
  for (const kind of FILE_KINDS) {
    const started = Date.now();
    for (const run of runs) {
      for (const [index, text] of shapes[kind](run.repeat(Math.ceil(RUN / run.length))).entries()) {
        checkWithin(kind, `${text}\n`, `${JSON.stringify(run)} ×${RUN} in shape ${index}`);
      }
    }
    assert.ok(Date.now() - started < 6 * BOUND_MS, `${kind}: all runs together`);
  }
});

test('many short lines of the same run: no rule is quadratic in the number of lines', () => {
  for (const kind of FILE_KINDS) {
    for (const line of ['${', '"', '\\', ' ', '#', '{', '}', '=', ':', '- ', 'KEY=', 'a = "', 'location / {', '$(']) {
      const result = checkWithin(kind, `${line}\n`.repeat(20_000), `20,000 lines of ${JSON.stringify(line)}`);
      assert.ok(!result.diagnostics.some((diagnostic) => diagnostic.rule === INTERNAL_ERROR));
    }
  }
});
