import type { EnvEntry } from '../../parsers/env/ast';
import { parseEnv } from '../../parsers/env/parse';
import type { LineIndex } from '../../text';
import type { Span } from '../../types';
import { defineRule } from '../rule';

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
    const byKey = new Map<string, EnvEntry[]>();
    for (const entry of document.ast.entries) {
      const same = byKey.get(entry.key);
      if (same) same.push(entry);
      else byKey.set(entry.key, [entry]);
    }
    const lineOf = (entry: EnvEntry) => document.lines.positionAt(entry.keySpan.start).line + 1;
    for (const [key, entries] of byKey) {
      if (entries.length < 2) continue;
      const winner = entries[entries.length - 1]!;
      const winnerLine = lineOf(winner);
      for (const overridden of entries.slice(0, -1)) {
        const lines = wholeLines(document.lines, overridden.span);
        const fixes = deletionKeepsValues(document.text, lines, overridden)
          ? [{ title: 'Delete the overridden line', isPreferred: true, edits: [{ span: lines, newText: '' }] }]
          : [];
        report({
          span: overridden.keySpan,
          message: `${key} is set again on line ${winnerLine}: dotenv uses the value from line ${winnerLine}, so this line (${lineOf(overridden)}) has no effect.`,
          related: [{ uri: document.uri, span: winner.keySpan, message: `${key} is set here; this value is the one used.` }],
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
function deletionKeepsValues(text: string, lines: Span, entry: EnvEntry): boolean {
  const outside = text.slice(lines.start, entry.span.start) + text.slice(entry.span.end, lines.end);
  if (!/^\s*$/.test(outside)) return false;
  const values = (source: string) => {
    const map = new Map<string, string>();
    for (const each of parseEnv(source).entries) map.set(each.key, each.value);
    return map;
  };
  const before = values(text);
  const after = values(text.slice(0, lines.start) + text.slice(lines.end));
  return before.size === after.size && [...before].every(([key, value]) => after.get(key) === value);
}

/** The lines `span` touches, with the line break after them (or before them at the end of the file). */
function wholeLines(lines: LineIndex, span: Span): Span {
  const first = lines.positionAt(span.start).line;
  const last = lines.positionAt(span.end).line;
  if (last + 1 < lines.lineCount) return { start: lines.lineStart(first), end: lines.lineStart(last + 1) };
  const start = first > 0 ? lines.lineEnd(first - 1) : lines.lineStart(first);
  return { start, end: lines.text.length };
}
