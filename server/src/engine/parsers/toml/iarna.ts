import { parse as parseWithIarna } from '@iarna/toml';
import type { Comment } from '../../types';
import type { TomlPath } from './ast';
import type { ScannedKeyValue } from './scan';

/*
 * `@iarna/toml` 3.0 with its known bugs worked around. Every change keeps offsets (a character is
 * replaced by another, never inserted or removed), so its error positions still point into the
 * document:
 * - a comment followed by `\r\n` is rejected ("control characters are not allowed in comments"):
 *   that `\r` becomes a space;
 * - a local time without fractional seconds (`07:32:00`) swallows the character after it, so one
 *   followed by a line break, `,` or `}` breaks the next key: it is read as a string of the same
 *   length, and its value is parsed on its own afterwards.
 */

export type ParseOutcome = { ok: true; data: Record<string, unknown> } | { ok: false; error: unknown };

export function tryParse(text: string): ParseOutcome {
  try {
    const data = parseWithIarna(text) as Record<string, unknown>;
    flattenStrings(data);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error };
  }
}

/*
 * `@iarna/toml` builds each string a character at a time, so a 36-character value is a chain of
 * 36 rope nodes: a fifth of a parse's memory, which the collector copies while a check runs.
 * Converting a string to a number makes V8 flatten it in place (the idiom of the `flatstr`
 * package); the collector then drops the chain.
 */
function flattenStrings(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const members = value as Record<string, unknown>;
  for (const key in members) {
    const member = members[key];
    if (typeof member === 'string') void (Number(member) | 0);
    else flattenStrings(member);
  }
}

const LOCAL_TIME = /^\d{2}:\d{2}:\d{2}$/;

/** Parses `text` (whose scan is given) as a whole; `bom` is 1 when it starts with a byte-order mark. */
export function parseWhole(text: string, comments: readonly Comment[], pairs: readonly ScannedKeyValue[], bom: number): ParseOutcome {
  const edits: { start: number; text: string }[] = [];
  for (const comment of comments) {
    if (text.charCodeAt(comment.span.end) === 13 && text.charCodeAt(comment.span.end + 1) === 10) edits.push({ start: comment.span.end, text: ' ' });
  }
  const times = pairs.filter((pair) => pair.valueKind === 'datetime' && LOCAL_TIME.test(text.slice(pair.valueSpan.start, pair.valueSpan.end)));
  for (const pair of times) edits.push({ start: pair.valueSpan.start, text: '"000000"' });
  const outcome = tryParse(applyEdits(text, edits).slice(bom));
  if (!outcome.ok) return outcome;
  for (const pair of times) {
    const alone = tryParse(`v = ${text.slice(pair.valueSpan.start, pair.valueSpan.end)}`);
    if (alone.ok) setAt(outcome.data, pair.path, alone.data['v']);
  }
  return outcome;
}

/** Same-length replacements, applied by slicing (a 5 MB file is not split into characters). */
function applyEdits(text: string, edits: { start: number; text: string }[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    result += text.slice(at, edit.start) + edit.text;
    at = edit.start + edit.text.length;
  }
  return result + text.slice(at);
}

function setAt(data: unknown, path: TomlPath, value: unknown): void {
  let current = data;
  for (const part of path.slice(0, -1)) {
    if (typeof current !== 'object' || current === null) return;
    current = (current as Record<string | number, unknown>)[part];
  }
  const last = path[path.length - 1];
  if (typeof current === 'object' && current !== null && last !== undefined) (current as Record<string | number, unknown>)[last] = value;
}
