import type { Span } from '../../types';
import { blankRanges, depthMessage, matchingClose } from '../depth';
import type { ComposeParseError } from './ast';

/** Real compose files nest a dozen levels; 100 leaves room for any of them and keeps every recursive reader (ours, `yaml`'s composer, ajv, `toJS`) far from the call stack's limit. */
export const MAX_YAML_DEPTH = 100;

/** The text with every node nested deeper than the bound blanked out (same length, same line breaks), and where each cut starts. */
export interface BoundedYaml {
  readonly text: string;
  readonly errors: ComposeParseError[];
}

interface Cut {
  /** The blanked range. */
  readonly start: number;
  readonly end: number;
  /** The node reported: the key or entry indicator, or the flow collection's opening bracket. */
  readonly at: Span;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 0x23;
const DASH = 0x2d;
const QUESTION = 0x3f;
const COLON = 0x3a;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const GREATER = 0x3e;

/**
 * A linear pre-scan of YAML nesting (block indentation, compact `- ` entries, flow brackets), so
 * the recursive readers never see more than `max` levels: the part deeper than the bound is
 * replaced by spaces, which leaves an empty value where it was, and every offset unchanged.
 * Returns undefined, without copying the text, when nothing is that deep.
 */
export function boundYamlDepth(text: string, max: number = MAX_YAML_DEPTH): BoundedYaml | undefined {
  const cuts = new DepthScanner(text, max).scan();
  if (cuts.length === 0) return undefined;
  const message = depthMessage(max);
  return { text: blankRanges(text, cuts), errors: cuts.map((cut) => ({ span: cut.at, message, code: 'DEPTH_LIMIT' })) };
}

class DepthScanner {
  private pos = 0;
  /** Columns of the block nodes open at the cursor (keys and compact `- ` / `? ` entries). */
  private readonly columns: number[] = [];
  private lineStart = 0;
  private readonly cuts: Cut[] = [];

  constructor(
    private readonly text: string,
    private readonly max: number,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.lineStart = this.pos;
  }

  scan(): Cut[] {
    const { text } = this;
    while (this.pos < text.length) this.line();
    return this.cuts;
  }

  /** One line in block context, from its start to after its line break. */
  private line(): void {
    const { text } = this;
    this.lineStart = this.pos;
    let at = this.pos;
    while (text.charCodeAt(at) === SPACE) at++;
    const indent = at - this.lineStart;
    const c = text.charCodeAt(at);
    if (at >= text.length || c === LF || c === CR || c === HASH) {
      this.pos = this.nextLine(at);
      return;
    }
    if (indent === 0 && (text.startsWith('---', at) || text.startsWith('...', at))) this.columns.length = 0;
    const columns = this.columns;
    while (columns.length > 0 && columns[columns.length - 1]! >= indent) columns.pop();
    this.pos = at;
    this.rest();
  }

  /** The rest of a block line: indicators, keys, scalars and flow collections. */
  private rest(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const at = this.pos;
      const c = text.charCodeAt(at);
      if (c === SPACE || c === TAB) {
        this.pos++;
        continue;
      }
      if (c === LF || c === CR) {
        this.pos = this.nextLine(at);
        return;
      }
      if (c === HASH) {
        this.pos = this.nextLine(at);
        return;
      }
      if ((c === DASH || c === QUESTION || c === COLON) && this.isSeparator(at + 1)) {
        if (c !== COLON && !this.open(at, at + 1)) return;
        this.pos = at + 1;
        continue;
      }
      if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        this.flow();
        continue;
      }
      if (c === PIPE || c === GREATER) {
        this.blockScalar();
        return;
      }
      let end: number;
      if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) end = this.quoted(at);
      else end = this.plain(at);
      // A key: the scalar is followed by `:` and a space or the line's end.
      let after = end;
      while (text.charCodeAt(after) === SPACE) after++;
      if (text.charCodeAt(after) === COLON && this.isSeparator(after + 1)) {
        if (!this.open(at, after)) return;
        this.pos = after + 1;
        continue;
      }
      this.pos = end;
    }
  }

  /**
   * A block node starts at `at`: one level deeper. Past the bound, it and every following line
   * indented as far as it are blanked, and false is returned (the cursor is then past them).
   */
  private open(at: number, tokenEnd: number): boolean {
    const column = at - this.lineStart;
    if (this.columns.length + 1 <= this.max) {
      this.columns.push(column);
      return true;
    }
    const { text } = this;
    let end = this.lineEnd(at);
    for (;;) {
      const next = this.nextLine(end);
      if (next >= text.length) break;
      let content = next;
      while (text.charCodeAt(content) === SPACE) content++;
      const c = text.charCodeAt(content);
      const empty = content >= text.length || c === LF || c === CR;
      if (!empty && content - next < column) break;
      end = this.lineEnd(content);
    }
    this.cuts.push({ start: at, end, at: { start: at, end: Math.max(at + 1, tokenEnd) } });
    this.pos = this.nextLine(end);
    return false;
  }

  /** A flow collection from its opening bracket to after its closing one (or the end of the text). */
  private flow(): void {
    const { text } = this;
    const base = this.columns.length;
    let depth = 0;
    while (this.pos < text.length) {
      const at = this.pos;
      const c = text.charCodeAt(at);
      if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        if (base + depth + 1 > this.max) {
          const close = matchingClose(text, at, (from) => this.skipQuotedOrComment(from));
          // The brackets stay, so the value is an empty collection of the same type.
          this.cuts.push({ start: at + 1, end: close, at: { start: at, end: at + 1 } });
          this.pos = close < text.length ? close + 1 : close;
          if (depth === 0) return;
          continue;
        }
        depth++;
        this.pos++;
      } else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) {
        depth--;
        this.pos++;
        if (depth <= 0) return;
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        this.pos = this.quoted(at);
      } else if (c === HASH && (at === 0 || isBlank(text.charCodeAt(at - 1)))) {
        this.pos = this.lineEnd(at);
      } else {
        this.pos++;
      }
    }
  }

  /** After a quoted scalar or a comment starting at `at`; `at` when neither starts there. */
  private skipQuotedOrComment(at: number): number {
    const c = this.text.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(at);
    if (c === HASH && isBlank(this.text.charCodeAt(at - 1))) return this.lineEnd(at);
    return at;
  }

  /** A `|` or `>` scalar: its header line and every following line that is blank or indented deeper than this line. */
  private blockScalar(): void {
    const { text } = this;
    let indent = 0;
    while (text.charCodeAt(this.lineStart + indent) === SPACE) indent++;
    let next = this.nextLine(this.pos);
    while (next < text.length) {
      let content = next;
      while (text.charCodeAt(content) === SPACE) content++;
      const c = text.charCodeAt(content);
      const empty = content >= text.length || c === LF || c === CR;
      if (!empty && content - next <= indent) break;
      next = this.nextLine(content);
    }
    this.pos = next;
  }

  /** After a quoted scalar starting at `at` (escapes, doubled single quotes and line breaks inside). */
  private quoted(at: number): number {
    const { text } = this;
    const quote = text.charCodeAt(at);
    let end = at + 1;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (quote === DOUBLE_QUOTE && c === BACKSLASH) end += 2;
      else if (c === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(end + 1) === SINGLE_QUOTE) end += 2;
        else return end + 1;
      } else end++;
    }
    return text.length;
  }

  /** The end of a plain scalar in block context: before `: `, ` #` or the line's end. */
  private plain(at: number): number {
    const { text } = this;
    let end = at;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      if (c === COLON && this.isSeparator(end + 1)) break;
      if (c === HASH && end > at && isBlank(text.charCodeAt(end - 1))) break;
      end++;
    }
    while (end > at && isBlank(text.charCodeAt(end - 1))) end--;
    return Math.max(end, at + 1);
  }

  private isSeparator(at: number): boolean {
    if (at >= this.text.length) return true;
    const c = this.text.charCodeAt(at);
    return c === SPACE || c === TAB || c === LF || c === CR || c === COMMA;
  }

  private lineEnd(at: number): number {
    const { text } = this;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === LF || c === CR) return at;
      at++;
    }
    return at;
  }

  private nextLine(at: number): number {
    const { text } = this;
    const end = this.lineEnd(at);
    if (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF) return end + 2;
    return Math.min(text.length, end + 1);
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
