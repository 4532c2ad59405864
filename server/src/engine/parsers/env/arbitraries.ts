import fc from 'fast-check';

/*
 * Generators of .env text for property tests (used only by tests): files built from the
 * grammar's pieces — keys, `export`, the three quotes, multi-line values, escapes, `#` in and
 * after values, `=` in values, blanks around separators, CRLF/LF/CR, comments, blank lines,
 * duplicate keys, garbage — and noise dense in the characters the grammar cares about.
 */

const blank = fc.constantFrom('', '', ' ', '\t', '  ', ' \t ');
const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
const key = fc.oneof(
  fc.constantFrom('FOO', 'BAR', 'DATABASE_URL', 'api_key', 'A.B', 'x-y', '_UNDER', '9LIVES', 'export'),
  fc.string({ unit: fc.constantFrom(...'ABCxyz019_.-'), minLength: 1, maxLength: 8 }),
);
const valueChar = fc.constantFrom('a', 'Z', '0', ' ', '\t', '#', '=', ':', '"', "'", '`', '\\', 'n', '$', '{', '}', ' #', '\u00a0');
const unquoted = fc.string({ unit: valueChar, maxLength: 12 });
const quoted = fc
  .tuple(
    fc.constantFrom('"', "'", '`'),
    fc.array(fc.oneof(valueChar, eol, fc.constantFrom('\\"', "\\'", '\\`', '\\n', '\\r')), { maxLength: 10 }),
    fc.boolean(),
  )
  .map(([quote, parts, closed]) => quote + parts.join('') + (closed ? quote : ''));
const comment = fc.string({ unit: valueChar, maxLength: 8 }).map((text) => `#${text}`);
const assignment = fc
  .record({
    prefix: fc.constantFrom('', '', 'export ', 'export\t', 'export  '),
    indent: blank,
    key,
    before: blank,
    separator: fc.constantFrom('=', '=', '=', ': ', ':'),
    after: blank,
    value: fc.oneof(unquoted, quoted),
    trailing: blank,
    comment: fc.option(comment, { nil: '' }),
  })
  .map((line) => line.indent + line.prefix + line.key + line.before + line.separator + line.after + line.value + line.trailing + line.comment);
const garbage = fc.string({ unit: fc.oneof(valueChar, fc.constantFrom('x', 'export', '\u2028', '\ufeff')), maxLength: 10 });
const line = fc.oneof(
  { weight: 6, arbitrary: assignment },
  { weight: 1, arbitrary: fc.tuple(blank, comment).map(([indent, text]) => indent + text) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: garbage },
);
export const envFile = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 12 }), fc.boolean())
  .map(([bom, lines, finalBreak]) => {
    const body = lines.map(([text, lineBreak]) => text + lineBreak).join('');
    return (bom ? '\uFEFF' : '') + (finalBreak ? body : body.replace(/(\r\n|\r|\n)$/, ''));
  });
/** Dense in the characters the grammar cares about, including every line terminator JavaScript knows. */
export const noise = fc.string({
  unit: fc.constantFrom('A', 'b', '_', '.', '-', '1', ' ', '\t', '=', ':', '#', '"', "'", '`', '\\', 'n', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '\ufeff', '\v', 'export '),
  maxLength: 40,
});

