import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { envFile, noise } from '../../server/src/engine/parsers/env/arbitraries';
import { parseEnv } from '../../server/src/engine/parsers/env/parse';
import { duplicateKey } from '../../server/src/engine/rules/env/duplicate-key';
import { checkText } from '../../server/src/engine/testing';
import { LineIndex } from '../../server/src/engine/text';
import type { Span } from '../../server/src/engine/types';

/*
 * env/duplicate-key offers "Delete the overridden line" only when deleting it leaves every value
 * as dotenv reads it. It decides most cases without parsing the file again (once per duplicate,
 * that made large files quadratic): its answer must always be the one a full re-parse gives.
 */
const RUNS = Math.max(3000, Number(process.env['DD_PROPERTY_RUNS'] ?? 0) || 0);

/** The plain definition: parse the text with the lines deleted and compare every value. */
function deletionKeepsValues(text: string, lines: Span, entry: { span: Span }): boolean {
  const outside = text.slice(lines.start, entry.span.start) + text.slice(entry.span.end, lines.end);
  if (!/^\s*$/.test(outside)) return false;
  const values = (source: string) => new Map(parseEnv(source).entries.map((each) => [each.key, each.value]));
  const before = values(text);
  const after = values(text.slice(0, lines.start) + text.slice(lines.end));
  return before.size === after.size && [...before].every(([key, value]) => after.get(key) === value);
}

function wholeLines(lines: LineIndex, span: Span): Span {
  const first = lines.positionAt(span.start).line;
  const last = lines.positionAt(span.end).line;
  if (last + 1 < lines.lineCount) return { start: lines.lineStart(first), end: lines.lineStart(last + 1) };
  return { start: first > 0 ? lines.lineEnd(first - 1) : lines.lineStart(first), end: lines.text.length };
}

function assertSameAsReparse(text: string): void {
  const result = checkText(text, { kind: 'env', rules: [duplicateKey], products: [] });
  const entries = parseEnv(text).entries;
  const lines = new LineIndex(text);
  for (const diagnostic of result.diagnostics) {
    const entry = entries.find((candidate) => candidate.keySpan.start === diagnostic.span.start)!;
    const expected = deletionKeepsValues(text, wholeLines(lines, entry.span), entry);
    assert.equal(diagnostic.fixes.length > 0, expected, `fix offered for line ${diagnostic.range.start.line + 1} of ${JSON.stringify(text)}`);
  }
}

/** Lines dense in what makes a deletion non-local: open quotes, empty values, `KEY:` at a line end, `export`, lone `=`. */
const risky = fc.constantFrom(
  'FOO=1', 'FOO=', 'FOO= ', 'FOO="a"', "FOO='a'", 'FOO=`a`', 'BAR=2', 'BAR="x', "BAR='multi", "line'", '"quoted"', "'q'", '`b`',
  '# comment', '  # indented', '', '  ', 'export', 'export FOO=3', 'FOO:', 'FOO: v', 'FOO :x', '=v', 'junk', 'FOO="a\\"', 'FOO="a\\"b"',
  'FOO="a"b"', 'FOO=a # c', 'FOO= # c', '\u00a0', '\ufeffFOO=1', 'FOO="a" # c', 'BAR=${FOO}', 'FOO=x"', "FOO='", '"', 'FOO=x"y', 'B=1 "',
);
const structured = fc
  .array(fc.tuple(risky, fc.constantFrom('\n', '\n', '\r\n', '\r')), { minLength: 1, maxLength: 14 })
  .chain((lines) => fc.boolean().map((finalBreak) => lines.map(([line, eol], at) => line + (at < lines.length - 1 || finalBreak ? eol : '')).join('')));

test(`the delete-line fix is offered exactly when a full re-parse proves it safe (${RUNS} cases of each generator)`, () => {
  fc.assert(fc.property(structured, assertSameAsReparse), { numRuns: RUNS });
  fc.assert(fc.property(envFile, assertSameAsReparse), { numRuns: RUNS });
  fc.assert(fc.property(noise, assertSameAsReparse), { numRuns: RUNS });
});

test('hand-made cases where deleting the overridden line changes another value', () => {
  const cases = [
    // An escaped quote that closed only because the next unescaped quote (on the deleted line) did not.
    'A="a\\"\nFOO=x"y\nB=1 "\nFOO=2\n',
    // An empty value whose quote search ran into the line below the deleted one.
    'A=\nFOO=1\n"x"\nFOO=2\n',
    // A key at the end of a line whose `=` search crossed into the deleted line.
    'A\nFOO=1\n=v\nFOO=2\n',
    // An unterminated quote above.
    'A="open\nFOO=1\nB=2"\nFOO=2\n',
    // The overridden line is the last line, with no line break after it.
    'FOO=1\nB=2\nFOO=3',
  ];
  for (const text of cases) assertSameAsReparse(text);
  const offered = (text: string) => checkText(text, { kind: 'env', rules: [duplicateKey], products: [] }).diagnostics.map((diagnostic) => diagnostic.fixes.length > 0);
  assert.deepEqual(offered(cases[0]!), [false]);
  assert.deepEqual(offered('# head\nFOO=1\nB="x" # c\nFOO=2\nC=3\n'), [true]);
});
