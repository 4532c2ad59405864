import type { Position, Range, Span } from './types';

/**
 * Where each line of `text` starts, in an array made at its size: pushing grows an array by
 * copying it, for every line of every file checked. Text without `\r`, nearly all of it, is read
 * with `indexOf`, which is several times faster than a loop over every character.
 */
function lineStartsOf(text: string): number[] {
  const carriageReturns = text.includes('\r');
  const starts = new Array<number>(lineBreaksIn(text, carriageReturns) + 1);
  starts[0] = 0;
  let line = 1;
  if (!carriageReturns) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts[line++] = i + 1;
    } else if (c === 10 /* \n */) {
      starts[line++] = i + 1;
    }
  }
  return starts;
}

/** Line breaks (`\n`, `\r\n` or a lone `\r`) in `text`; `carriageReturns` when it has a `\r`. */
function lineBreaksIn(text: string, carriageReturns: boolean): number {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks++;
  if (!carriageReturns) return breaks;
  // A `\r` is a break of its own unless a `\n` follows it.
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) breaks++;
  return breaks;
}

/**
 * Maps offsets to line/character positions and back. Built once per document text; lookups
 * are a binary search, so converting every finding of a 10,000-line file stays cheap.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in LSP.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset between the `\r` and `\n` of a CRLF is no position of its own: it is the line's end.
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line]!;
    return { line, character };
  }

  /** The line of an offset: `positionAt(offset).line` without making the position. */
  lineAt(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: Range): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** Offset where `line` starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of `line`'s content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The file's own line break (the first one found), so inserted lines match it. */
  get eol(): string {
    const lf = this.text.indexOf('\n');
    if (lf > 0 && this.text.charCodeAt(lf - 1) === 13) return '\r\n';
    if (lf < 0 && this.text.includes('\r')) return '\r';
    return '\n';
  }
}

export function span(start: number, end: number): Span {
  return { start, end };
}

const lowerCasedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A fixed list's words lower-cased into a set, made once per list: for case-insensitive lookups
 * on hot paths (nginx keywords, known placeholders), where lower-casing the list on every
 * lookup allocated a string per word.
 */
export function lowerCasedSet(list: readonly string[]): ReadonlySet<string> {
  let set = lowerCasedSets.get(list);
  if (!set) lowerCasedSets.set(list, (set = new Set(list.map((word) => word.toLowerCase()))));
  return set;
}
