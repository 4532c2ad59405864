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
