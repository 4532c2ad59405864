import { quoteToken } from '../../quote';
import { LineIndex } from '../../text';
import type { Span } from '../../types';

/** What `@iarna/toml` attaches to its errors: zero-based line and column, and `pos` one past the offending character. */
interface IarnaError {
  readonly message: string;
  readonly line?: number;
  readonly col?: number;
  readonly pos?: number;
}

function isIarnaError(error: unknown): error is IarnaError {
  return error instanceof Error && (error as { fromTOML?: unknown }).fromTOML === true;
}

/** The offset of the character `@iarna/toml` stopped at, in `text` (which has `bom` extra leading characters). */
export function iarnaErrorOffset(error: unknown, text: string, bom: number): number {
  if (!isIarnaError(error)) return 0;
  let offset: number;
  if (typeof error.pos === 'number') offset = error.pos - 1 + bom;
  else if (typeof error.line === 'number' && typeof error.col === 'number') {
    offset = new LineIndex(text).offsetAt({ line: error.line, character: error.col + (error.line === 0 ? bom : 0) });
  } else offset = 0;
  return Math.max(0, Math.min(offset, text.length));
}

/** Readable `@iarna/toml` messages: their own, without the source excerpt (it may quote a secret). */
// A message passed through unreworded is the parser's own words plus at most a character; bounded all the same.
const MAX_PASSED_THROUGH = 120;
const REWORDED: readonly (readonly [RegExp, string])[] = [
  [/^Unknown character/, 'Unexpected character: expected a key, a [table] header or a comment'],
  [/^Unknown escape character/, 'Unknown escape sequence in a string (use \\\\ for a backslash, or a literal \'…\' string)'],
  [/^Can't redefine (an )?existing key/, 'This key or table is already defined; TOML does not allow defining it again'],
  [/^Unexpected character, expected only whitespace or comments till end of line/, 'Unexpected text after the value; put each key on its own line'],
  [/^Key ended without value/, 'Expected `=` and a value after the key'],
  [/^Key without value/, 'Expected a value after `=`'],
  [/^Unterminated inline array/, 'Inline table `{` must be closed with `}` on the same line'],
];

export function describeIarnaError(error: unknown): string {
  if (!isIarnaError(error)) return 'The TOML parser failed on this file';
  const first = error.message.split('\n', 1)[0]!.replace(/ at row \d+, col \d+, pos \d+:?\s*$/, '').trim();
  for (const [pattern, message] of REWORDED) if (pattern.test(first)) return message;
  return first.length > 0 ? quoteToken(first, MAX_PASSED_THROUGH) : 'Invalid TOML';
}

/**
 * The span to show for an error at `offset`: the word there, or (at a line's end) the word
 * before it, so the squiggle lands on something visible.
 */
export function spanAround(text: string, offset: number): Span {
  const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
  let start = offset;
  let end = offset;
  if (!isBlank(text.charCodeAt(offset))) {
    while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
    return { start, end };
  }
  while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
  end = start;
  while (start > 0 && !isBlank(text.charCodeAt(start - 1))) start--;
  return start < end ? { start, end } : { start: offset, end: offset };
}
