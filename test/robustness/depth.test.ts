import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine, type FileKind } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text';
import { checkJson, workspace } from '../cli/run';
import { pathFor } from './inputs';
import { assertEngineInvariants } from './invariants';

/*
 * Nesting far deeper than any real file, in every format: each parser stops at its bound of 100
 * levels with one finding at the node where the bound is reached, and still checks the rest of
 * the file (the other finding each case holds), in the engine and through the CLI.
 */
const DEPTH = 5_000;
const BOUND_MESSAGE = 'Nesting deeper than 100 levels is not checked.';
const engine = new Engine();

interface DeepCase {
  readonly name: string;
  readonly kind: FileKind;
  readonly text: string;
  /** Where the bound is reached: the offset of the node reported. */
  readonly at: number;
  /** A finding elsewhere in the file that must still be reported. */
  readonly other: { readonly rule: string; readonly line: number };
}

const SERVICE = 'services:\n  app:\n    image: nginx:latest\n';

function blockMappings(levels: number): DeepCase {
  // 3,000 levels, one space each (5,000 would pass the 5 MB file limit); `x-deep` is level 1.
  const lines = Array.from({ length: levels }, (_, level) => `${' '.repeat(level + 1)}a${level}:`);
  const text = `${SERVICE}x-deep:\n${lines.join('\n')}\n`;
  return { name: `${levels} nested block mappings`, kind: 'compose', text, at: text.indexOf(' a99:') + 1, other: { rule: 'compose/image-tag', line: 2 } };
}

const cases: readonly DeepCase[] = [
  blockMappings(3_000),
  (() => {
    const text = `${SERVICE}x-deep:\n  ${'- '.repeat(DEPTH)}x\n`;
    return { name: '5,000 compact block sequences', kind: 'compose', text, at: text.indexOf('- ') + 2 * 99, other: { rule: 'compose/image-tag', line: 2 } } as const;
  })(),
  (() => {
    const text = `${SERVICE}x-deep: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`;
    return { name: '5,000 flow sequences', kind: 'compose', text, at: text.indexOf('[') + 99, other: { rule: 'compose/image-tag', line: 2 } } as const;
  })(),
  (() => {
    const text = `${SERVICE}x-deep: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`;
    return { name: '5,000 flow mappings', kind: 'compose', text, at: text.indexOf('{') + 4 * 99, other: { rule: 'compose/image-tag', line: 2 } } as const;
  })(),
  (() => {
    const text = `${'a { '.repeat(DEPTH)}${'}'.repeat(DEPTH)}\nserver_tokens on;\nnot_a_directive x;\n`;
    return { name: '5,000 nested blocks', kind: 'nginx', text, at: 4 * 100, other: { rule: 'nginx/unknown-directive', line: 2 } } as const;
  })(),
  (() => {
    const text = `http { server { listen 80; ${'location / { '.repeat(DEPTH)}${'}'.repeat(DEPTH)} } }\nnot_a_directive x;\n`;
    // `http` and `server` are two of the 100 levels.
    return { name: '5,000 nested locations', kind: 'nginx', text, at: text.indexOf('location') + 13 * 98, other: { rule: 'nginx/unknown-directive', line: 1 } } as const;
  })(),
  (() => {
    const text = `a = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\nb = \n`;
    return { name: '5,000 nested arrays', kind: 'toml', text, at: 4 + 100, other: { rule: 'toml/syntax', line: 1 } } as const;
  })(),
  (() => {
    const text = `a = ${'{a='.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\nb = \n`;
    return { name: '5,000 nested inline tables', kind: 'toml', text, at: 4 + 3 * 100, other: { rule: 'toml/syntax', line: 1 } } as const;
  })(),
  (() => {
    const text = `b = \n[${Array(DEPTH).fill('a').join('.')}]\nx = 1\n[server]\nport = 1\n`;
    return { name: '5,000 dotted table levels', kind: 'toml', text, at: 6 + 2 * 100, other: { rule: 'toml/syntax', line: 0 } } as const;
  })(),
];

for (const deep of cases) {
  test(`${deep.kind}: ${deep.name} stop at the bound with one finding there, and the rest is checked`, () => {
    const result = assertEngineInvariants(
      engine,
      // Hover and completion at the node reported, inside the part not read, and at the end.
      { kind: deep.kind, path: pathFor(deep.kind), text: deep.text, files: {}, cursors: [deep.at, deep.at + 200, deep.text.length >> 1, deep.text.length - 2], fixPicks: [0] },
      deep.name,
    );
    const bound = result.diagnostics.filter((diagnostic) => diagnostic.message === BOUND_MESSAGE);
    assert.equal(bound.length, 1, JSON.stringify(result.diagnostics.map((d) => [d.rule, d.message])));
    assert.equal(bound[0]!.rule, `${deep.kind}/syntax`);
    assert.equal(bound[0]!.span.start, deep.at);
    assert.ok(!result.diagnostics.some((diagnostic) => /call stack/i.test(diagnostic.message)));
    assert.ok(
      result.diagnostics.some((diagnostic) => diagnostic.rule === deep.other.rule && diagnostic.range.start.line === deep.other.line && diagnostic.message !== BOUND_MESSAGE),
      `${deep.other.rule} on line ${deep.other.line + 1}: ${JSON.stringify(result.diagnostics.map((d) => [d.rule, d.range.start.line, d.message]))}`,
    );
  });
}

test('the CLI reports every deep file with the finding at the bound and the other findings (JSON)', () => {
  const files: Record<string, string> = {};
  const names = new Map<DeepCase, string>();
  cases.forEach((deep, index) => {
    const file = deep.kind === 'nginx' ? `n${index}/nginx/nginx.conf` : deep.kind === 'toml' ? `t${index}/config.toml` : `c${index}/docker-compose.yml`;
    files[file] = deep.text;
    names.set(deep, file);
  });
  const run = checkJson(['.'], { cwd: workspace(files) });
  assert.equal(run.status, 1, run.stderr);
  for (const deep of cases) {
    const file = names.get(deep)!;
    const found = run.diagnostics.filter((diagnostic) => diagnostic.file === file);
    const position = new LineIndex(deep.text).positionAt(deep.at);
    const bound = found.filter((diagnostic) => diagnostic.message === BOUND_MESSAGE);
    assert.deepEqual(
      bound.map((diagnostic) => [diagnostic.rule, diagnostic.line, diagnostic.column]),
      [[`${deep.kind}/syntax`, position.line + 1, position.character + 1]],
      `${deep.name}: ${JSON.stringify(found)}`,
    );
    assert.ok(found.some((diagnostic) => diagnostic.rule === deep.other.rule && diagnostic.line === deep.other.line + 1 && diagnostic.message !== BOUND_MESSAGE), `${deep.name}: ${JSON.stringify(found)}`);
  }
});
