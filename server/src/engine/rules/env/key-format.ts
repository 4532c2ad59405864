import { specOf } from '../../../../../schemas/lookup';
import type { EnvEntry } from '../../parsers/env/ast';
import type { Finding } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { quoteToken } from '../../quote';
import { firstEntriesOf } from './keys';

/** Lowercase names that are conventional (curl, pip, Docker and most HTTP clients read them in lowercase). */
const CONVENTIONAL_LOWERCASE = new Set(['http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy']);

// Patterns tested on every key are made once: a regular expression literal is a new object each
// time it is evaluated, thousands per check in a large file.
const LOWERCASE = /[a-z]/;
const DELIMITER = /[.-]/;
const LEADING_DIGIT = /^[0-9]/;
const BLANKS = /^[ \t]+$/;
const LINE_BREAK = /[\r\n]/;

/**
 * dotenv-linter's key checks: LowercaseKey, IncorrectDelimiter, LeadingCharacter and
 * SpaceCharacter, plus dotenv's `KEY: value` form, which other loaders do not read.
 */
export const keyFormat = defineRule({
  meta: {
    id: 'env/key-format',
    kinds: ['env'],
    defaultSeverity: 'warning',
    description: 'A key with lowercase letters, `-` or `.`, a leading digit, an indented line, blanks around `=`, or `:` instead of `=`.',
    fixable: true,
  },
  check(context) {
    // The keys the file sets, looked up rather than searched for: files with many odd keys stay linear.
    const keys = firstEntriesOf(context.document.ast);
    for (const entry of context.document.ast.entries) {
      checkName(context, entry, keys);
      checkIndentation(context, entry);
      checkSeparator(context, entry);
    }
  },
});

function checkName({ product, report }: RuleContext<'env'>, entry: EnvEntry, keys: ReadonlyMap<string, EnvEntry>): void {
  const key = entry.key;
  const lowercase = LOWERCASE.test(key) && !CONVENTIONAL_LOWERCASE.has(key);
  const delimited = DELIMITER.test(key);
  const leadingDigit = LEADING_DIGIT.test(key);
  // Most keys are conventional: nothing more to make for them.
  if (!lowercase && !delimited && !leadingDigit) return;
  const problems: string[] = [];
  const readByProduct = product !== undefined && specOf(product, key) !== undefined && !product.caseInsensitiveKeys;
  if (lowercase && !readByProduct) problems.push('lowercase letters');
  if (delimited && !readByProduct) problems.push([...new Set(key.match(/[.-]/g))].map((c) => `\`${c}\``).join(' and '));
  if (leadingDigit) problems.push('a leading digit');
  if (problems.length === 0) return;
  const normalised = normaliseKey(key);
  const fixes = keys.has(normalised)
    ? []
    : [{ title: `Rename to ${quoteToken(normalised)} (the app must then read ${quoteToken(normalised)})`, isPreferred: false, edits: [{ span: entry.keySpan, newText: normalised }] }];
  report({
    span: entry.keySpan,
    message: `Key ${quoteToken(key)} has ${joinAnd(problems)}: environment variable names are by convention uppercase letters, digits and \`_\`, and a shell cannot export a name with \`-\`, \`.\` or a leading digit. Renaming changes which variable the app reads.`,
    fixes,
  });
}

/** LeadingCharacter: blanks before the assignment. dotenv ignores them; other loaders may not. */
function checkIndentation({ document, report }: RuleContext<'env'>, entry: EnvEntry): void {
  const lines = document.lines;
  const lineStart = lines.lineStart(lines.lineAt(entry.span.start));
  if (lineStart === entry.span.start) return;
  const indentation = { start: lineStart, end: entry.span.start };
  if (!BLANKS.test(document.text.slice(indentation.start, indentation.end))) return;
  report({
    span: indentation,
    message: `The assignment of ${quoteToken(entry.key)} is indented: dotenv ignores the blanks, but other .env readers may take them as part of the key.`,
    fixes: [{ title: 'Remove the indentation', isPreferred: true, edits: [{ span: indentation, newText: '' }] }],
  });
}

/** SpaceCharacter, and `KEY: value`: both read the same without the blanks, with `=`. */
function checkSeparator({ document, report }: RuleContext<'env'>, entry: EnvEntry): void {
  const text = document.text;
  const hasValue = entry.valueSpan.end > entry.valueSpan.start;
  const valueOnSameLine = hasValue && !LINE_BREAK.test(text.slice(entry.equalsOffset, entry.valueSpan.start));
  if (entry.separator === ':') {
    const finding: Finding = {
      span: { start: entry.equalsOffset, end: entry.equalsOffset + 1 },
      message: `${quoteToken(entry.key)} uses \`:\` as separator: dotenv accepts \`KEY: value\`, but shells and most other .env readers only read \`KEY=value\`.`,
    };
    report(
      valueOnSameLine
        ? { ...finding, fixes: [{ title: 'Use `=` as separator', isPreferred: true, edits: [{ span: { start: entry.keySpan.end, end: entry.valueSpan.start }, newText: '=' }] }] }
        : finding,
    );
    return;
  }
  const before = { start: entry.keySpan.end, end: entry.equalsOffset };
  const after = { start: entry.equalsOffset + 1, end: valueOnSameLine ? entry.valueSpan.start : entry.equalsOffset + 1 };
  if (before.start === before.end && after.start === after.end) return;
  const where = before.start === before.end ? 'after' : after.start === after.end ? 'before' : 'around';
  report({
    span: { start: before.start, end: after.end },
    message: `Blanks ${where} \`=\` in the assignment of ${quoteToken(entry.key)}: dotenv ignores them, but a shell (\`source .env\`) rejects the line and other .env readers differ.`,
    fixes: [{ title: `Remove the blanks ${where} \`=\``, isPreferred: true, edits: [{ span: { start: before.start, end: after.end }, newText: '=' }] }],
  });
}

/** Uppercase, `_` for `-` and `.`, and `_` before a leading digit. */
export function normaliseKey(key: string): string {
  const upper = key.toUpperCase().replace(/[.-]/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
