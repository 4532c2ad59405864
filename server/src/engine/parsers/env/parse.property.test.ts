import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import fc from 'fast-check';
import { envFile, noise } from './arbitraries';
import type { EnvFile } from './ast';
import { parseEnv } from './parse';

/*
 * Differential test: for generated .env files, the value the parser gives the last entry of each
 * key must be exactly what dotenv.parse returns, and no input may throw or produce a span outside
 * the text. DD_PROPERTY_RUNS raises the number of cases.
 */
const RUNS = Number(process.env['DD_PROPERTY_RUNS'] ?? '') || 2000;

function lastValues(file: EnvFile): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of file.entries) values.set(entry.key, entry.value);
  return values;
}

function assertAgreesWithDotenv(text: string): void {
  const expected = new Map(Object.entries(dotenvParse(text)));
  assert.deepEqual(lastValues(parseEnv(text)), expected, JSON.stringify(text));
}

function assertSpansInside(text: string): void {
  const file = parseEnv(text);
  const inside = (span: { start: number; end: number }, what: string) =>
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} in ${JSON.stringify(text)}`);
  let previous = -1;
  for (const entry of file.entries) {
    for (const [what, span] of [['key', entry.keySpan], ['value', entry.valueSpan], ['entry', entry.span]] as const) inside(span, what);
    if (entry.exportSpan) assert.equal(text.slice(entry.exportSpan.start, entry.exportSpan.end), 'export');
    assert.equal(text.slice(entry.keySpan.start, entry.keySpan.end), entry.key);
    assert.equal(text[entry.equalsOffset], entry.separator);
    assert.ok(entry.span.start <= entry.keySpan.start && entry.valueSpan.end <= entry.span.end, 'entry span covers key and value');
    if (entry.quote) {
      const written = text.slice(entry.valueSpan.start, entry.valueSpan.end);
      assert.ok(written.startsWith(entry.quote) && written.endsWith(entry.quote) && written.length >= 2, 'quoted span includes its quotes');
    }
    assert.ok(entry.span.start > previous, 'entries in order');
    previous = entry.span.start;
  }
  for (const comment of file.comments) {
    inside(comment.span, 'comment');
    assert.equal(text[comment.span.start], '#');
    assert.equal(text.slice(comment.span.start + 1, comment.span.end), comment.text);
  }
  for (const error of file.errors) {
    inside(error.span, 'error');
    assert.ok(error.span.end > error.span.start, 'errors are not empty');
  }
}

test(`generated .env files: values agree with dotenv.parse (${RUNS} cases)`, () => {
  fc.assert(fc.property(envFile, assertAgreesWithDotenv), { numRuns: RUNS });
});

test(`random text: values agree with dotenv.parse (${RUNS} cases)`, () => {
  fc.assert(fc.property(noise, assertAgreesWithDotenv), { numRuns: RUNS });
});

test(`generated and random text never throws and every span lies inside the text (${RUNS} cases each)`, () => {
  fc.assert(fc.property(envFile, assertSpansInside), { numRuns: RUNS });
  fc.assert(fc.property(noise, assertSpansInside), { numRuns: RUNS });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), assertSpansInside), { numRuns: RUNS });
});

test('a 0.7 MB file of unterminated quotes parses in linear time', () => {
  // Each open quote looks ahead for its closing quote; a quadratic scan would take minutes here.
  const text = 'A="x\n'.repeat(100_000) + 'B="y" z\n'.repeat(25_000);
  const started = Date.now();
  const file = parseEnv(text);
  assert.equal(file.entries.length, 125_000);
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
});
