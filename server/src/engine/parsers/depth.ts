import type { Span } from '../types';

/** The finding at the node where a parser's nesting bound is reached; the part below it is not read. */
export function depthMessage(max: number): string {
  return `Nesting deeper than ${max} levels is not checked.`;
}

/**
 * The text with each range (sorted, not overlapping) replaced by spaces, line breaks kept: every
 * offset and line is unchanged, and what was there reads as an empty value.
 */
export function blankRanges(text: string, ranges: readonly Span[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const range of ranges) {
    parts.push(text.slice(at, range.start), text.slice(range.start, range.end).replace(NOT_LINE_BREAK, ' '));
    at = range.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const NOT_LINE_BREAK = /[^\r\n]/g;

const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

/**
 * The offset of the bracket (`]` or `}`) closing the one at `open`, or the text's length when it
 * is never closed. `skipOver(at)` gives the offset after a string or comment starting at `at`, or
 * `at` itself: what counts as one is the format's (YAML and TOML quote and comment differently).
 */
export function matchingClose(text: string, open: number, skipOver: (at: number) => number): number {
  let depth = 0;
  let at = open;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) depth++;
    else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) {
      if (--depth === 0) return at;
    } else {
      const after = skipOver(at);
      if (after !== at) {
        at = after;
        continue;
      }
    }
    at++;
  }
  return text.length;
}
