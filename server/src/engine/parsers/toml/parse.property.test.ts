import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as iarnaParse } from '@iarna/toml';
import fc from 'fast-check';
import type { Span } from '../../types';
import type { TomlFile } from './ast';
import { parseToml } from './parse';
import { scanToml } from './scan';

/*
 * Property tests over generated TOML: generated files parse with every value's span re-parsing
 * to the same value; mutated files never throw, and every span lies inside the text. Whenever
 * `@iarna/toml` accepts a text, the scanner must not report an error in it (no false errors).
 * DD_PROPERTY_RUNS raises the number of cases.
 */
const RUNS = Number(process.env['DD_PROPERTY_RUNS'] ?? '') || 2000;

const bareKey = fc.oneof(
  fc.constantFrom('database', 'url', 'http_port', 'auth', 'enabled', 'jwt', 'orgs', 'id', 'a-b', '1234', 'true', 'inf'),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 1, maxLength: 6 }),
);
const quotedKey = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '.', '#', '=', "'", 'é', '😀'), maxLength: 5 }).map((name) => JSON.stringify(name)),
  fc.string({ unit: fc.constantFrom('a', ' ', '.', '#', '=', '"', '\\'), maxLength: 5 }).map((name) => `'${name}'`),
);
const simpleKey = fc.oneof({ weight: 4, arbitrary: bareKey }, { weight: 1, arbitrary: quotedKey });
const space = fc.constantFrom('', ' ', '  ', '\t');
const dottedKey = fc
  .tuple(fc.array(simpleKey, { minLength: 1, maxLength: 3 }), space)
  .map(([parts, gap]) => parts.join(`${gap}.${gap}`));

const stringBody = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '#', '=', '[', ']', '{', '}', ',', "'", 'é', '😀', '\\\\', '\\n', '\\"', '\\u00e9'), maxLength: 10 });
const literalBody = fc.string({ unit: fc.constantFrom('a', ' ', '#', '"', '\\', '=', ']'), maxLength: 10 });
const eol = fc.constantFrom('\n', '\n', '\r\n');
const strings = fc.oneof(
  stringBody.map((body) => `"${body}"`),
  literalBody.map((body) => `'${body}'`),
  fc.tuple(stringBody, eol, stringBody, fc.constantFrom('', '"', '""')).map(([a, nl, b, tail]) => `"""${a}${nl}${b}${tail}"""`),
  fc.tuple(literalBody, eol, literalBody, fc.constantFrom('', "'", "''")).map(([a, nl, b, tail]) => `'''${a}${nl}${b}${tail}'''`),
);
const scalars = fc.oneof(
  strings,
  fc.constantFrom('0', '42', '-17', '+99', '1_000', '0xDEAD_beef', '0o755', '0b1101', '3.14', '-0.01', '5e+22', '6.626e-34', 'inf', '-inf', 'nan', 'true', 'false'),
  fc.constantFrom('1979-05-27T07:32:00Z', '1979-05-27 07:32:00-07:00', '1979-05-27T00:32:00.999999', '1979-05-27'),
);
const { value } = fc.letrec<{ value: string; array: string; inline: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalars, tie('array'), tie('inline')),
  array: fc
    .tuple(fc.array(tie('value'), { maxLength: 3 }), fc.boolean(), eol, fc.boolean())
    .map(([items, multiLine, nl, trailingComma]) => {
      const gap = multiLine ? `${nl}  ` : ' ';
      const body = items.join(`,${multiLine ? ' # note' : ''}${gap}`) + (trailingComma && items.length > 0 ? ',' : '');
      return `[${gap}${body}${multiLine ? nl : ' '}]`;
    }),
  inline: fc
    .uniqueArray(fc.tuple(bareKey, tie('value')), { maxLength: 3, selector: ([key]) => key })
    .map((members) => `{ ${members.map(([key, member]) => `${key} = ${member}`).join(', ')} }`),
}));

const line = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(space, dottedKey, space, space, value, fc.option(fc.constant(' # c'), { nil: '' })).map(([indent, key, a, b, v, c]) => `${indent}${key}${a}=${b}${v}${c}`) },
  { weight: 1, arbitrary: fc.tuple(dottedKey, fc.boolean()).map(([key, aot]) => (aot ? `[[${key}]]` : `[${key}]`)) },
  { weight: 1, arbitrary: fc.constantFrom('# comment', '#', '  # deploy-doctor disable-next-line toml/syntax', '') },
);
const document = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 10 }))
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([text, nl]) => text + nl).join(''));

/** A mutation that keeps the text close to TOML: insert or delete one significant character. */
const mutated = fc
  .tuple(document, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '"', "'", '[', ']', '{', '}', '=', '.', ',', '#', '\n', '\r', '\\', ' ', 'x', '"""')), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => {
    let out = text;
    for (const [at, insert] of edits) {
      const index = out.length === 0 ? 0 : at % (out.length + 1);
      out = insert === '' ? out.slice(0, index) + out.slice(index + 1) : out.slice(0, index) + insert + out.slice(index);
    }
    return out;
  });

/**
 * The scanner's errors in a text `@iarna/toml` accepted. TOML forbids a `[table]` header for a
 * table made by dotted keys; `@iarna/toml` lets some through (`a.b.c = 1` then `[a]`), so that
 * one is the scanner being right, not a false error.
 */
function scannerErrorsInAccepted(text: string): string[] {
  return scanToml(text)
    .errors.map((error) => error.message)
    .filter((message) => !/was already created by a dotted key/.test(message));
}

function accepts(text: string): boolean {
  try {
    iarnaParse(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    return true;
  } catch {
    return false;
  }
}

function assertSpansInside(text: string, file: TomlFile): void {
  const inside = (span: Span, what: string) =>
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} outside ${text.length}`);
  for (const kv of file.keyValues) {
    inside(kv.keySpan, 'key');
    inside(kv.valueSpan, 'value');
    inside(kv.span, 'pair');
    for (const part of kv.keyParts) inside(part.span, 'key part');
  }
  for (const table of file.tables) {
    inside(table.span, 'table');
    inside(table.nameSpan, 'table name');
  }
  for (const comment of file.comments) {
    inside(comment.span, 'comment');
    assert.equal(text[comment.span.start], '#');
  }
  for (const error of file.errors) inside(error.span, 'error');
}

test('generated TOML: every value span re-parses to the value, and no false error', () => {
  fc.assert(
    fc.property(document, (text) => {
      const file = parseToml(text);
      assertSpansInside(text, file);
      if (!accepts(text)) {
        // Duplicate keys are generated on purpose: rejected files must say why.
        assert.ok(file.errors.length > 0, 'rejected without an error');
        return;
      }
      assert.deepEqual(file.errors, []);
      assert.deepEqual(scannerErrorsInAccepted(text), []);
      for (const kv of file.keyValues) {
        const alone = iarnaParse(`v = ${text.slice(kv.valueSpan.start, kv.valueSpan.end).replace(/\r\n/g, '\n')}`)['v'];
        assert.deepEqual(normalise(kv.value), normalise(alone), `value of ${kv.path.join('.')}`);
        assert.equal(kv.path[kv.path.length - 1], kv.keyParts[kv.keyParts.length - 1]!.name);
        assert.notEqual(kv.valueKind, 'invalid', `kind of ${kv.path.join('.')}`);
      }
    }),
    { numRuns: RUNS },
  );
});

test('mutated TOML never throws, keeps spans inside the text, and errors exactly when rejected', () => {
  fc.assert(
    fc.property(mutated, (text) => {
      const file = parseToml(text);
      assertSpansInside(text, file);
      const accepted = accepts(text);
      assert.equal(file.errors.length === 0, accepted, accepted ? `false errors: ${JSON.stringify(file.errors)}` : 'rejected without an error');
      if (accepted) assert.deepEqual(scannerErrorsInAccepted(text), []);
    }),
    { numRuns: RUNS },
  );
});

test('random text never throws', () => {
  const noise = fc.string({ unit: fc.constantFrom('a', '1', ' ', '\t', '=', '.', '"', "'", '[', ']', '{', '}', ',', '#', '\\', '\n', '\r', '\u2028', '\ufeff', '-', ':', 'é'), maxLength: 60 });
  fc.assert(
    fc.property(noise, (text) => {
      assertSpansInside(text, parseToml(text));
    }),
    { numRuns: RUNS },
  );
});

/** Multi-line strings may keep `\r\n` or not; compare values with line breaks normalised. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (_key, item: unknown) => (typeof item === 'string' ? item.replace(/\r\n/g, '\n') : item)));
}
