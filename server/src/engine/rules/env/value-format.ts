import type { EnvEntry } from '../../parsers/env/ast';
import type { Fix, Span } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { quoted } from './quoting';
import { isSecretKey } from './secrets';
import { quoteToken } from '../../quote';

/**
 * Values that dotenv reads differently from how they look, or that other readers of the same
 * file (a shell, docker compose) read differently: dotenv-linter's ValueWithoutQuotes and
 * TrailingWhitespace, the unquoted `#` that cuts a value short, and quotes that do not pair.
 */
const BLANK = /[ \t]/;
const BLANK_OR_BREAK = /[ \t\r\n]/;
const TRAILING_BLANKS = /[ \t]+$/;

export const valueFormat = defineRule({
  meta: {
    id: 'env/value-format',
    kinds: ['env'],
    defaultSeverity: 'warning',
    description: 'An unquoted value with blanks or a `#` that cuts it short, trailing whitespace, quotes that do not pair, a `$(command)` dotenv does not run, or a value on the line after its key.',
    fixable: true,
  },
  check(context) {
    const errors = context.document.ast.errors;
    for (const entry of context.document.ast.entries) {
      if (errors.length > 0 && overlapsError(errors, entry.valueSpan)) continue;
      checkValue(context, entry);
    }
    checkTrailingWhitespace(context);
  },
});

// A loop, not `some`: a closure over the loop's entry makes V8 allocate a context for every entry.
function overlapsError(errors: readonly { readonly span: Span }[], span: Span): boolean {
  for (const error of errors) if (error.span.start < span.end && span.start < error.span.end) return true;
  return false;
}

function checkValue(context: RuleContext<'env'>, entry: EnvEntry): void {
  const { document, report } = context;
  const text = document.text;
  const written = text.slice(entry.valueSpan.start, entry.valueSpan.end);

  if (written.length > 0 && document.lines.lineAt(entry.valueSpan.start) > document.lines.lineAt(entry.equalsOffset)) {
    report({
      span: entry.valueSpan,
      message: `Nothing follows the separator of ${quoteToken(entry.key)} on its line, so dotenv reads the next line as its value and does not read that line on its own. Put the value on the key's line, or write ${quoteToken(entry.key)}= with nothing after it for an empty value.`,
    });
    return;
  }
  const substitution = commandSubstitution(text, entry);
  if (substitution) {
    report({
      span: substitution,
      message: `The value of ${quoteToken(entry.key)} is a shell command substitution, $(…): dotenv and docker compose do not run it, so the app reads the command's text instead of its output. Run the command and write its output here.`,
    });
    return;
  }
  if (entry.quote !== undefined) return;

  const first = written[0];
  if (first === '"' || first === "'" || first === '`') {
    report({
      span: entry.valueSpan,
      message: `Text follows the closing ${first} of ${quoteToken(entry.key)}, so dotenv does not read a quoted string here: it reads the line up to any # and removes the outer quotes only if both ends have one. Quote the whole value, or move the text into a comment.`,
    });
    return;
  }
  const last = written[written.length - 1];
  if ((last === '"' || last === "'" || last === '`') && written.indexOf(last) === written.length - 1) {
    report({
      span: { start: entry.valueSpan.end - 1, end: entry.valueSpan.end },
      message: `The value of ${quoteToken(entry.key)} ends with a ${last} that no quote opens: dotenv keeps it in the value.`,
    });
    return;
  }
  if (entry.inlineComment && cutsValue(text, entry.inlineComment.span.start)) {
    reportTruncation(context, entry);
    return;
  }
  if (BLANK.test(entry.value)) {
    const quote = quoted(written, entry.value);
    report({
      span: entry.valueSpan,
      message: `The value of ${quoteToken(entry.key)} contains blanks but is not quoted: dotenv reads it whole, but a shell (\`source .env\`) stops at the first blank. Quote it.`,
      fixes: quote ? [wrapFix('Quote the value', entry.valueSpan, quote, true)] : [],
    });
  }
}

/** `$(…)` in a value a shell would expand (unquoted or double-quoted), up to its closing parenthesis. */
function commandSubstitution(text: string, entry: EnvEntry): Span | undefined {
  if (entry.quote === "'") return undefined;
  // Searched within the value, not to the end of the file: once per entry, an unbounded search
  // made files without `$(` quadratic.
  let start = entry.valueSpan.start;
  while (start < entry.valueSpan.end && !(text.charCodeAt(start) === 0x24 /* $ */ && text.charCodeAt(start + 1) === 0x28) /* ( */) start++;
  if (start >= entry.valueSpan.end) return undefined;
  let depth = 0;
  for (let offset = start + 1; offset < entry.valueSpan.end; offset++) {
    if (text[offset] === '(') depth++;
    else if (text[offset] === ')' && --depth === 0) return { start, end: offset + 1 };
  }
  return { start, end: entry.valueSpan.end - (entry.quote ? 1 : 0) };
}

/**
 * A `#` glued to the value (`abc#def`, where docker compose keeps `#def`), or one followed by
 * text rather than a blank (`COLOR= #fff`): written as part of the value, read as a comment.
 */
function cutsValue(text: string, hash: number): boolean {
  const glued = !BLANK.test(text[hash - 1] ?? ' ');
  const next = text[hash + 1];
  return glued || (next !== undefined && !BLANK_OR_BREAK.test(next));
}

function reportTruncation({ document, product, report }: RuleContext<'env'>, entry: EnvEntry): void {
  const comment = entry.inlineComment!;
  const start = entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan.start : comment.span.start;
  const end = comment.span.start + comment.text.replace(TRAILING_BLANKS, '').length + 1;
  const span = { start, end };
  const content = document.text.slice(start, end);
  const read = isSecretKey(entry.key, product)
    ? 'dotenv reads only the part before it'
    : entry.value === ''
      ? 'dotenv reads an empty value'
      : `dotenv reads ${JSON.stringify(entry.value)}`;
  const quote = quoted(content, content);
  report({
    span,
    message: `The unquoted # cuts the value of ${quoteToken(entry.key)} short: ${read} and takes the rest for a comment. Quote the value to keep the #, or put a blank on both sides of a comment's #.`,
    fixes: quote ? [wrapFix('Quote the value, # included', span, quote, false)] : [],
  });
}

/** Wraps `span` in the quote `quotedText` uses, inserting only the two quote characters. */
function wrapFix(title: string, span: Span, quotedText: string, isPreferred: boolean): Fix {
  const quote = quotedText[0]!;
  return {
    title,
    isPreferred,
    edits: [
      { span: { start: span.start, end: span.start }, newText: quote },
      { span: { start: span.end, end: span.end }, newText: quote },
    ],
  };
}

/**
 * TrailingWhitespace, except inside a quoted value, where the blanks are part of the value, and
 * the one blank a `KEY: ` separator needs (without it dotenv would read the next line as the value),
 * and the one blank that keeps a lone `\r` and a `\n` apart.
 */
function checkTrailingWhitespace({ document, report }: RuleContext<'env'>): void {
  const { text, lines } = document;
  const quotedSpans = document.ast.entries.filter((entry) => entry.quote !== undefined).map((entry) => entry.valueSpan);
  const colonBlanks = new Set(document.ast.entries.filter((entry) => entry.separator === ':').map((entry) => entry.equalsOffset + 1));
  let next = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    let start = lineEnd;
    while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (colonBlanks.has(start)) start++;
    // A blank line between a lone `\r` and a `\n`: emptying it would join the two into one CRLF
    // line break, and the next line would become the previous key's value.
    if (start === lineStart && text[lineStart - 1] === '\r' && text[lineEnd] === '\n') start++;
    if (start >= lineEnd) continue;
    while (next < quotedSpans.length && quotedSpans[next]!.end <= start) next++;
    const inside = quotedSpans[next];
    if (inside && inside.start < start && start < inside.end) continue;
    report({
      span: { start, end: lineEnd },
      message: 'Trailing whitespace: invisible in review, and kept in the value by readers that do not trim it.',
      fixes: [{ title: 'Remove trailing whitespace', isPreferred: true, edits: [{ span: { start, end: lineEnd }, newText: '' }] }],
    });
  }
}
