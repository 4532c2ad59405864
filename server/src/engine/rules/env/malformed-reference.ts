import type { EnvEntry } from '../../parsers/env/ast';
import type { Finding } from '../../types';
import { defineRule } from '../rule';
import { isSecretKey } from './secrets';
import { quoteToken } from '../../quote';

/** A name as docker compose reads it inside `${…}`, and the operators that may follow it. */
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATOR = /:?[-+?]/y;

/**
 * `${BAR`, `${BAR!}`, `${}` and `$BAR}` in a value: docker compose refuses the first three
 * ("invalid interpolation format") while dotenv-expand expands `${BAR` and `${BAR!}` as `$BAR`
 * and keeps `${}` as written; `$BAR}` expands BAR and keeps the brace. None reads as meant.
 */
// The fixes change the raw value dotenv reads (to what the expanders were meant to see), so they
// are offered one by one and never applied by "fix all".
export const malformedReference = defineRule({
  meta: {
    id: 'env/malformed-reference',
    kinds: ['env'],
    defaultSeverity: 'warning',
    description: 'A malformed `$` substitution — `${BAR` never closed, `${BAR!}` or `${}` with no valid name, `$BAR}` missing its `{` — that docker compose refuses and dotenv-expand reads differently.',
    fixable: true,
  },
  check({ document, product, report }) {
    const text = document.text;
    for (const entry of document.ast.entries) {
      // Single-quoted values are never expanded; a value without `$` has nothing to check.
      if (entry.quote === "'" || !text.slice(entry.valueSpan.start, entry.valueSpan.end).includes('$')) continue;
      for (const finding of malformedIn(text, entry, isSecretKey(entry.key, product))) report(finding);
    }
  },
});

function malformedIn(text: string, entry: EnvEntry, secret: boolean): Finding[] {
  const quoteWidth = entry.quote ? 1 : 0;
  const start = entry.valueSpan.start + quoteWidth;
  const end = entry.valueSpan.end - quoteWidth;
  const findings: Finding[] = [];
  // Literal braces still open before an offset: a `}` closing one of them belongs to the value (JSON).
  let openBraces = 0;
  for (let offset = start; offset < end; offset++) {
    const char = text[offset];
    if (char === '\\') {
      offset++;
      continue;
    }
    if (char === '{') openBraces++;
    else if (char === '}' && openBraces > 0) openBraces--;
    if (char !== '$') continue;
    if (text[offset + 1] === '$') {
      offset++;
      continue;
    }
    if (text[offset + 1] === '{') {
      offset = checkBraced(text, entry, offset, end, secret, findings);
      continue;
    }
    NAME.lastIndex = offset + 1;
    const name = NAME.exec(text);
    if (!name) continue;
    const nameEnd = Math.min(offset + 1 + name[0].length, end);
    if (text[nameEnd] === '}' && nameEnd < end && openBraces === 0) {
      findings.push({
        span: { start: offset, end: nameEnd + 1 },
        message: secret
          ? `A \`$NAME}\` in the value of ${quoteToken(entry.key)} has a closing brace but no opening one: docker compose and dotenv-expand expand \`$NAME\` and keep the \`}\`. Write \`\${NAME}\`, or single-quote the value if the \`$\` is literal.`
          : `\`$${quoteToken(name[0])}}\` has a closing brace but no opening one: docker compose and dotenv-expand expand \`$${quoteToken(name[0])}\` and keep the \`}\`. Write \`\${${quoteToken(name[0])}}\`.`,
        fixes: [{ title: `Write \`\${${secret ? '…' : quoteToken(name[0])}}\``, isPreferred: false, edits: [{ span: { start: offset + 1, end: offset + 1 }, newText: '{' }] }],
      });
    }
    offset = nameEnd - 1;
  }
  return findings;
}

/** Checks the `${…}` at `dollar`; returns the offset to continue after. */
function checkBraced(text: string, entry: EnvEntry, dollar: number, end: number, secret: boolean, findings: Finding[]): number {
  const open = dollar + 1;
  const close = closingBrace(text, open + 1, end);
  const closed = close >= 0;
  NAME.lastIndex = open + 1;
  const name = NAME.exec(text);
  const nameEnd = name ? open + 1 + name[0].length : open + 1;
  const shownName = secret || !name ? 'NAME' : quoteToken(name[0]);
  if (!closed) {
    OPERATOR.lastIndex = nameEnd;
    // `${BAR` at the end of the value or before a character no name has: the brace is plainly missing there.
    const fixable = name !== null && nameEnd <= end && !OPERATOR.test(text);
    findings.push({
      span: { start: dollar, end: Math.min(nameEnd, end) },
      message: `${secret ? `A \`\${\` in the value of ${quoteToken(entry.key)}` : `\`\${${shownName}\``} is never closed: docker compose refuses the file ("invalid interpolation format") and dotenv-expand guesses where it ends. Close it with \`}\`${secret ? ', or single-quote the value if the `$` is literal' : ''}.`,
      fixes: fixable ? [{ title: `Close \`\${${shownName}}\``, isPreferred: false, edits: [{ span: { start: nameEnd, end: nameEnd }, newText: '}' }] }] : [],
    });
    return nameEnd - 1;
  }
  if (name && (text[nameEnd] === '}' || startsOperator(text, nameEnd))) return close;
  const what = close === open + 1 ? '`${}` names no variable' : secret ? `A \`\${…}\` in the value of ${quoteToken(entry.key)} holds no valid variable name` : `\`${quoteToken(text.slice(dollar, close + 1))}\` is not a valid substitution`;
  findings.push({
    span: { start: dollar, end: close + 1 },
    message: `${what}: docker compose refuses the file ("invalid interpolation format"), and dotenv-expand ${name ? `expands only \`$${shownName}\` and keeps the rest` : close === open + 1 ? 'keeps it as written' : 'reads it by its own, looser rules'}. A name is letters, digits and \`_\`, not starting with a digit; \`:-\`, \`-\`, \`:?\`, \`?\`, \`:+\` or \`+\` may follow it.`,
  });
  return close;
}

function startsOperator(text: string, offset: number): boolean {
  OPERATOR.lastIndex = offset;
  return OPERATOR.test(text);
}

/** The `}` closing a `${` whose body starts at `from`, counting nested `${…}`; -1 when the value ends first. */
function closingBrace(text: string, from: number, end: number): number {
  let depth = 1;
  for (let index = from; index < end; index++) {
    const char = text[index];
    if (char === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}
