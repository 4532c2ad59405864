import type { EnvEntry } from '../../parsers/env/ast';
import { isQuote, isRegexSpace } from '../../parsers/env/chars';
import { parseEnv } from '../../parsers/env/parse';
import type { LineIndex } from '../../text';
import type { Span } from '../../types';
import { defineRule } from '../rule';
import { firstEntriesOf } from './keys';
import { quoteToken } from '../../quote';

/**
 * A key set twice. dotenv.parse keeps the last value, so every earlier line is dead text that
 * readers take for the setting. Reported on each overridden line, which is what the fix deletes.
 */
export const duplicateKey = defineRule({
  meta: {
    id: 'env/duplicate-key',
    kinds: ['env'],
    defaultSeverity: 'warning',
    description: 'A key set more than once: dotenv uses the last value and ignores the others.',
    fixable: true,
  },
  check({ document, report }) {
    // Lists only for keys set again: a list per key made one array for every line of the file.
    const firstByKey = firstEntriesOf(document.ast);
    const byKey = new Map<string, EnvEntry[]>();
    for (const entry of document.ast.entries) {
      const first = firstByKey.get(entry.key)!;
      if (first === entry) continue;
      const entries = byKey.get(entry.key);
      if (entries) entries.push(entry);
      else byKey.set(entry.key, [first, entry]);
    }
    const lineOf = (entry: EnvEntry) => document.lines.lineAt(entry.keySpan.start) + 1;
    // Made at the first duplicate: most files have none.
    let local: ((entry: EnvEntry, lines: Span) => boolean) | undefined;
    for (const [key, entries] of byKey) {
      const winner = entries[entries.length - 1]!;
      const winnerLine = lineOf(winner);
      for (const overridden of entries.slice(0, -1)) {
        const lines = wholeLines(document.lines, overridden.span);
        const fixes = deletionKeepsValues(document.text, lines, overridden, (local ??= localDeletions(document.text, document.ast.entries))(overridden, lines))
          ? [{ title: 'Delete the overridden line', isPreferred: true, edits: [{ span: lines, newText: '' }] }]
          : [];
        report({
          span: overridden.keySpan,
          message: `${quoteToken(key)} is set again on line ${winnerLine}: dotenv uses the value from line ${winnerLine}, so this line (${lineOf(overridden)}) has no effect.`,
          related: [{ uri: document.uri, span: winner.keySpan, message: `${quoteToken(key)} is set here; this value is the one used.` }],
          fixes,
        });
      }
    }
  },
});

/**
 * True when deleting `lines` removes only `entry` and leaves every value as dotenv reads it.
 * Not always so: the lines may hold other text (statements separated by U+2028), and dotenv
 * closes a quote at the first later quote that ends a line, so removing a line can make an
 * unterminated quote further up swallow the lines below it.
 */
function deletionKeepsValues(text: string, lines: Span, entry: EnvEntry, provablyLocal: boolean): boolean {
  const outside = text.slice(lines.start, entry.span.start) + text.slice(entry.span.end, lines.end);
  if (!/^\s*$/.test(outside)) return false;
  if (provablyLocal) return true;
  const values = (source: string) => {
    const map = new Map<string, string>();
    for (const each of parseEnv(source).entries) map.set(each.key, each.value);
    return map;
  };
  const before = values(text);
  const after = values(text.slice(0, lines.start) + text.slice(lines.end));
  return before.size === after.size && [...before].every(([key, value]) => after.get(key) === value);
}

/**
 * Whether deleting an entry's whole lines provably leaves every other value as dotenv reads it,
 * without parsing the file again (which, once per duplicate, made large files quadratic). The
 * parse before the lines is the same when nothing there looks past them: no quote above them
 * searches beyond its own value (no unterminated quote, no escaped or inner quote of its kind,
 * no empty value followed by a quote), and the last text above them is a comment line, an
 * assignment with a value, or one without a value that no quote follows once the lines are gone. The parse after them is the same when they end with a line break: it
 * resumes on the same text. When in doubt, the caller parses (false is always safe).
 */
function localDeletions(text: string, entries: readonly EnvEntry[]): (entry: EnvEntry, lines: Span) => boolean {
  if (/[\u2028\u2029]/.test(text)) return () => false;
  const isBreak = (offset: number) => text[offset] === '\n' || text[offset] === '\r';
  let firstRisky = Infinity;
  for (const entry of entries) {
    if (lookaheadRisk(text, entry)) {
      firstRisky = entry.span.start;
      break;
    }
  }
  const quoteAt = (offset: number) => {
    while (offset < text.length && isRegexSpace(text.charCodeAt(offset))) offset++;
    return isQuote(text.charCodeAt(offset));
  };
  return (entry, lines) => {
    if (lines.start >= firstRisky || lines.end <= lines.start || !isBreak(lines.end - 1) || (lines.start > 0 && !isBreak(lines.start - 1))) return false;
    let last = lines.start - 1;
    while (last >= 0 && isRegexSpace(text.charCodeAt(last))) last--;
    if (last < 0) return true;
    const previous = entries[positionOf(entries, entry) - 1];
    // An empty value looks ahead, past line breaks, for a quoted one: safe unless a quote follows the lines.
    if (previous && last < previous.span.end) return previous.valueSpan.start < previous.valueSpan.end || !quoteAt(lines.end);
    let lineStart = last;
    while (lineStart > 0 && !isBreak(lineStart - 1)) lineStart--;
    while (isRegexSpace(text.charCodeAt(lineStart))) lineStart++;
    return text[lineStart] === '#';
  };
}

/** Where `entry` is in `entries`, which are in the order of the text: found by halving, not by a map of every entry. */
function positionOf(entries: readonly EnvEntry[], entry: EnvEntry): number {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = entries[middle]!.span.start;
    if (start === entry.span.start) return entries[middle] === entry ? middle : entries.indexOf(entry);
    if (start < entry.span.start) low = middle + 1;
    else high = middle - 1;
  }
  return entries.indexOf(entry);
}

/** True when dotenv's matching of `entry` may have looked beyond the entry for a closing quote. */
function lookaheadRisk(text: string, entry: EnvEntry): boolean {
  const { start, end } = entry.valueSpan;
  if (entry.quote) return text.slice(start + 1, end - 1).includes(entry.quote) || text[end - 2] === '\\';
  if (start < end) return isQuote(text.charCodeAt(start));
  let next = start;
  while (next < text.length && isRegexSpace(text.charCodeAt(next))) next++;
  return isQuote(text.charCodeAt(next));
}

/** The lines `span` touches, with the line break after them (or before them at the end of the file). */
function wholeLines(lines: LineIndex, span: Span): Span {
  const first = lines.lineAt(span.start);
  const last = lines.lineAt(span.end);
  if (last + 1 < lines.lineCount) return { start: lines.lineStart(first), end: lines.lineStart(last + 1) };
  const start = first > 0 ? lines.lineEnd(first - 1) : lines.lineStart(first);
  return { start, end: lines.text.length };
}
