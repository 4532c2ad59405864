import type { Comment, ParseError, Span } from '../../types';
import { lowerBound } from '../../collections';
import type { EnvEntry, EnvFile, EnvQuote } from './ast';
import { BACKSLASH, COLON, EQUALS, HASH, LINE_FEED, isKeyChar, isLineTerminator, isQuote, isRegexSpace } from './chars';
import { dotenvValue } from './value';

/**
 * Parses a `.env` file the way dotenv.parse (v18) reads it, keeping exact spans.
 *
 * dotenv matches one regular expression repeatedly at line starts:
 *   ^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?$
 * over the text with line breaks normalised to `\n`. This scanner replays that expression's
 * matching (including where its backtracking lands) one assignment at a time, so every value
 * agrees with dotenv's, quirks included: `\s` crosses line breaks, an unquoted value ends at the
 * first `#`, a quote only closes where the rest of its line is blank or a comment, and a quote
 * that never closes is read literally. What dotenv skips silently (a line that is not an
 * assignment or a comment, an unterminated quote) is reported in `errors`.
 */
export function parseEnv(text: string): EnvFile {
  try {
    return new EnvScanner(text).scan();
  } catch {
    // A bug here must not take the host down: report it on the first character instead.
    return { entries: [], comments: [], errors: [{ span: { start: 0, end: Math.min(1, text.length) }, message: 'The .env parser failed on this file.' }] };
  }
}

interface ScannedValue {
  /** What dotenv's value group captured (from right after the separator). */
  readonly captured: string;
  /** Normalised offsets of the value as written, quotes included. */
  readonly start: number;
  readonly end: number;
  readonly quote: EnvQuote | undefined;
  readonly comment: Comment | undefined;
  /** Where the assignment's last line continues after the value and its comment. */
  readonly after: number;
}

class EnvScanner {
  /** The text with `\r\n` and lone `\r` turned into `\n`, as dotenv does before matching. */
  private readonly text: string;
  private readonly length: number;
  /** Original offset of each normalised offset (undefined when the text had no `\r`). */
  private readonly originalOffsets: Uint32Array | undefined;
  private readonly quotePositions = new Map<number, number[]>();
  private readonly entries: EnvEntry[] = [];
  private readonly comments: Comment[] = [];
  private readonly errors: ParseError[] = [];

  constructor(source: string) {
    if (source.includes('\r')) {
      this.text = source.replace(/\r\n?/g, '\n');
      this.originalOffsets = new Uint32Array(this.text.length + 1);
      let original = 0;
      for (let offset = 0; offset < this.text.length; offset++) {
        this.originalOffsets[offset] = original;
        original += source.charCodeAt(original) === 13 && source.charCodeAt(original + 1) === 10 ? 2 : 1;
      }
      this.originalOffsets[this.text.length] = source.length;
    } else {
      this.text = source;
      this.originalOffsets = undefined;
    }
    this.length = this.text.length;
  }

  scan(): EnvFile {
    let lineStart = 0;
    while (lineStart < this.length) {
      const first = this.skipSpaces(lineStart);
      if (first >= this.length) break;
      if (this.code(first) === HASH) {
        const comment = this.commentAt(first);
        this.comments.push(comment.comment);
        lineStart = this.nextLineStart(comment.end);
        continue;
      }
      const assignment = this.assignmentAt(first);
      if (assignment) {
        lineStart = this.nextLineStart(assignment);
      } else {
        this.errors.push(this.notAnAssignment(first));
        lineStart = this.nextLineStart(first);
      }
    }
    return { entries: this.entries, comments: this.comments, errors: this.errors };
  }

  /** Reads `[export ]KEY=VALUE` starting at `first`; returns where its last line continues, or undefined. */
  private assignmentAt(first: number): number | undefined {
    if (this.text.startsWith('export', first) && first + 6 < this.length && isRegexSpace(this.code(first + 6))) {
      const exported = this.keyAndValueAt(this.skipSpaces(first + 6), { start: first, end: first + 6 });
      if (exported !== undefined) return exported;
    }
    return this.keyAndValueAt(first, undefined);
  }

  private keyAndValueAt(keyStart: number, exportSpan: Span | undefined): number | undefined {
    let keyEnd = keyStart;
    while (keyEnd < this.length && isKeyChar(this.code(keyEnd))) keyEnd++;
    if (keyEnd === keyStart) return undefined;

    let separator: '=' | ':';
    let separatorOffset: number;
    let valueStart: number;
    const equals = this.skipSpaces(keyEnd);
    if (equals < this.length && this.code(equals) === EQUALS) {
      separator = '=';
      separatorOffset = equals;
      valueStart = equals + 1;
    } else if (this.code(keyEnd) === COLON && keyEnd + 1 < this.length && isRegexSpace(this.code(keyEnd + 1))) {
      separator = ':';
      separatorOffset = keyEnd;
      valueStart = keyEnd + 2;
    } else {
      return undefined;
    }

    const value = this.quotedValue(valueStart) ?? this.unquotedValue(valueStart);
    if (value.comment) this.comments.push(value.comment);
    const start = exportSpan?.start ?? keyStart;
    const lineEnd = this.lineContentEnd(value.after);
    this.entries.push({
      key: this.text.slice(keyStart, keyEnd),
      keySpan: this.span(keyStart, keyEnd),
      value: dotenvValue(value.captured),
      valueSpan: this.span(value.start, value.end),
      quote: value.quote,
      exportSpan: exportSpan ? this.span(exportSpan.start, exportSpan.end) : undefined,
      equalsOffset: this.original(separatorOffset),
      separator,
      span: this.span(start, lineEnd),
      inlineComment: value.comment,
    });
    return value.after;
  }

  /** dotenv's three quoted alternatives: the first non-blank character (on any line) opens the quote. */
  private quotedValue(valueStart: number): ScannedValue | undefined {
    const open = this.skipSpaces(valueStart);
    if (open >= this.length || !isQuote(this.code(open))) return undefined;
    const close = this.closingQuote(open);
    if (close === undefined) return undefined;
    const afterQuote = this.skipBlanks(close + 1);
    const comment = this.code(afterQuote) === HASH ? this.commentAt(afterQuote) : undefined;
    return {
      captured: this.text.slice(valueStart, close + 1),
      start: open,
      end: close + 1,
      quote: this.text[open] as EnvQuote,
      comment: comment?.comment,
      after: comment?.end ?? afterQuote,
    };
  }

  /**
   * Where the quote opened at `open` closes, as dotenv's regex decides: `(?:\\Q|[^Q])*Q` first
   * runs to the first quote not preceded by a backslash, then backtracks to each escaped quote,
   * last to first; a candidate holds when only blanks and an optional comment follow it on its line.
   */
  private closingQuote(open: number): number | undefined {
    const quote = this.code(open);
    const positions = this.positionsOf(quote);
    const escaped: number[] = [];
    for (let index = lowerBound(positions, open + 1); index < positions.length; index++) {
      const position = positions[index]!;
      if (this.code(position - 1) === BACKSLASH) {
        escaped.push(position);
      } else {
        if (this.closesValue(position)) return position;
        break;
      }
    }
    for (let index = escaped.length - 1; index >= 0; index--) {
      if (this.closesValue(escaped[index]!)) return escaped[index];
    }
    return undefined;
  }

  private closesValue(close: number): boolean {
    const next = this.skipBlanks(close + 1);
    return next >= this.length || isLineTerminator(this.code(next)) || this.code(next) === HASH;
  }

  /** `[^#\r\n]+`: up to the first `#` or line feed, trimmed. A quote that did not close is kept. */
  private unquotedValue(valueStart: number): ScannedValue {
    let end = valueStart;
    while (end < this.length && this.code(end) !== HASH && this.code(end) !== LINE_FEED) end++;
    let start = valueStart;
    let trimmedEnd = end;
    while (start < trimmedEnd && isRegexSpace(this.code(start))) start++;
    while (trimmedEnd > start && isRegexSpace(this.code(trimmedEnd - 1))) trimmedEnd--;
    if (start < trimmedEnd && isQuote(this.code(start))) this.checkUnterminated(start);
    const comment = this.code(end) === HASH ? this.commentAt(end) : undefined;
    const empty = start === trimmedEnd;
    return {
      captured: this.text.slice(valueStart, end),
      start: empty ? valueStart : start,
      end: empty ? valueStart : trimmedEnd,
      quote: undefined,
      comment: comment?.comment,
      after: comment?.end ?? end,
    };
  }

  /** An opening quote with no unescaped partner on its line is a syntax error (dotenv keeps it literally). */
  private checkUnterminated(open: number): void {
    const quote = this.code(open);
    const lineEnd = this.lineContentEnd(open);
    for (let offset = open + 1; offset < lineEnd; offset++) {
      if (this.code(offset) === quote && this.code(offset - 1) !== BACKSLASH) return;
    }
    const name = quote === 34 ? 'double' : quote === 39 ? 'single' : 'backtick';
    this.errors.push({
      span: this.span(open, this.trimEnd(open, lineEnd)),
      message: `Unterminated ${name} quote: no closing ${this.text[open]} follows, so dotenv reads the value literally, opening quote included, up to the first # or the end of the line.`,
    });
  }

  /** A line dotenv skips. The message never quotes the line: it may be a pasted secret. */
  private notAnAssignment(first: number): ParseError {
    const lineEnd = this.lineContentEnd(first);
    const end = this.trimEnd(first, lineEnd);
    let keyEnd = first;
    while (keyEnd < end && isKeyChar(this.code(keyEnd))) keyEnd++;
    const rest = this.text.slice(keyEnd, end);
    let reason: string;
    if (keyEnd === first) reason = 'A key must start with a letter, digit, `_`, `.` or `-`.';
    else if (rest.startsWith(':')) reason = 'A `:` separator needs a blank after it; write `KEY=VALUE`.';
    else if (!rest.includes('=')) reason = 'There is no `=` on this line. To continue a value on several lines, quote it.';
    else if (isRegexSpace(rest.charCodeAt(0))) reason = 'A key cannot contain blanks.';
    else reason = 'A key may contain only letters, digits, `_`, `.` and `-`.';
    return { span: this.span(first, end), message: `This line is not KEY=VALUE or a comment, so dotenv ignores it. ${reason}` };
  }

  private commentAt(hash: number): { comment: Comment; end: number } {
    const end = this.lineContentEnd(hash);
    return { comment: { span: this.span(hash, end), text: this.text.slice(hash + 1, end) }, end };
  }

  private positionsOf(quote: number): number[] {
    let positions = this.quotePositions.get(quote);
    if (!positions) {
      positions = [];
      const char = String.fromCharCode(quote);
      for (let index = this.text.indexOf(char); index !== -1; index = this.text.indexOf(char, index + 1)) positions.push(index);
      this.quotePositions.set(quote, positions);
    }
    return positions;
  }

  /** `\s*`: blanks and line breaks. */
  private skipSpaces(offset: number): number {
    while (offset < this.length && isRegexSpace(this.code(offset))) offset++;
    return offset;
  }

  /** Blanks on the same line. */
  private skipBlanks(offset: number): number {
    while (offset < this.length && isRegexSpace(this.code(offset)) && !isLineTerminator(this.code(offset))) offset++;
    return offset;
  }

  /** The end of `offset`'s line as `$` sees it, before its line terminator. */
  private lineContentEnd(offset: number): number {
    while (offset < this.length && !isLineTerminator(this.code(offset))) offset++;
    return offset;
  }

  /** Where the next `^` can match at or after `offset`'s line. */
  private nextLineStart(offset: number): number {
    const end = this.lineContentEnd(offset);
    return end < this.length ? end + 1 : this.length;
  }

  private trimEnd(start: number, end: number): number {
    while (end > start && isRegexSpace(this.code(end - 1))) end--;
    return end;
  }

  private code(offset: number): number {
    return this.text.charCodeAt(offset);
  }

  private original(offset: number): number {
    return this.originalOffsets ? this.originalOffsets[offset]! : offset;
  }

  private span(start: number, end: number): Span {
    return { start: this.original(start), end: this.original(end) };
  }
}
