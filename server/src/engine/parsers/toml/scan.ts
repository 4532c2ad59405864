import { quoteToken } from '../../quote';
import { LineIndex } from '../../text';
import type { Comment, ParseError, Span } from '../../types';
import type { TomlKeyPart, TomlKeyValue, TomlPath, TomlTableHeader, TomlValueKind } from './ast';
import { depthMessage, matchingClose } from '../depth';
import { isBareKeyChar, isDigit, isKeyStart, isScalarChar, scalarKind, unescapeBasic } from './lexical';
import { PathRegistry, settingKey, type PathConflict } from './paths';

/**
 * A key/value pair as the parser returns it, before its value is attached: the parser sets
 * `value` in place once `@iarna/toml` has read the file, instead of copying every pair.
 */
export interface ScannedKeyValue extends Omit<TomlKeyValue, 'value'> {
  value: unknown;
}

export interface ScanResult {
  readonly tables: TomlTableHeader[];
  readonly keyValues: ScannedKeyValue[];
  /** For each of `keyValues` that is an inline member: the index of the top-level pair whose value contains it. */
  readonly owners: (number | undefined)[];
  /** For each of `keyValues`: false when the scanner reported an error inside its value. */
  readonly valuesOk: boolean[];
  readonly comments: Comment[];
  readonly errors: ParseError[];
  /** Where nesting passed `MAX_TOML_DEPTH`: the parts to blank before the file is read again, and the finding at each. */
  readonly depthCuts: Span[];
  readonly depthErrors: ParseError[];
}

interface ScannedValue {
  readonly span: Span;
  readonly kind: TomlValueKind;
  readonly ok: boolean;
}

function failed(start: number, end: number): ScannedValue {
  return { span: { start, end: Math.max(start, end) }, kind: 'invalid', ok: false };
}

/** Real files nest arrays, inline tables and dotted names a few levels; 100 is far above them and far below what `@iarna/toml`'s recursion survives. */
export const MAX_TOML_DEPTH = 100;
const MAX_DEPTH = MAX_TOML_DEPTH;
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * A TOML scanner that finds the exact span of every key, table header, value and comment, and
 * keeps going after a malformed line (it skips to the next line), so one mistake never hides the
 * rest of the file. It does not compute values: `@iarna/toml` does. Every loop advances by at
 * least one character, so the scan is linear in the text.
 */
export function scanToml(text: string): ScanResult {
  return new Scanner(text).scan();
}

class Scanner {
  private pos = 0;
  private readonly result: ScanResult = { tables: [], keyValues: [], owners: [], valuesOk: [], comments: [], errors: [], depthCuts: [], depthErrors: [] };
  private readonly registry = new PathRegistry();
  private lines: LineIndex | undefined;
  private table: TomlPath = [];
  /** Arrays and inline tables open around the cursor; bounded so hostile nesting cannot exhaust the stack. */
  private depth = 0;
  /** Where scanning resumes after an array left open (the next statement's line), instead of the line's end. */
  private resumeAt: number | undefined;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  scan(): ScanResult {
    const { text } = this;
    while (this.pos < text.length) {
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      if (this.pos >= text.length) break;
      if (c === LF || c === CR) this.skipNewline();
      else if (c === 0x23 /* # */) this.comment();
      else if (c === 0x5b /* [ */) {
        if (this.header()) this.endOfLine();
      } else if (isKeyStart(c)) {
        if (this.statement()) this.endOfLine();
      } else {
        this.error(this.pos, this.restOfLine(this.pos), 'Expected a key, a [table] header or a comment');
        this.skipLine();
      }
    }
    return this.result;
  }

  /** `[name]` or `[[name]]`; false (line skipped) when malformed. */
  private header(): boolean {
    const { text } = this;
    const start = this.pos;
    const isArrayOfTables = text.charCodeAt(start + 1) === 0x5b;
    this.pos += isArrayOfTables ? 2 : 1;
    this.skipSpaces();
    const key = this.key();
    if (!key) return this.abandon();
    if (key.parts.length > MAX_DEPTH) {
      // The table and its pairs, up to the next header, are not read.
      const end = this.nextHeader(start);
      this.tooDeep(key.parts[MAX_DEPTH]!.span, { start, end });
      this.pos = end;
      return false;
    }
    this.skipSpaces();
    const close = isArrayOfTables ? ']]' : ']';
    if (!text.startsWith(close, this.pos)) {
      this.error(this.pos, this.tokenEnd(this.pos), `Expected \`${close}\` to close the table header`);
      return this.abandon();
    }
    this.pos += close.length;
    const span = { start, end: this.pos };
    const names = key.parts.map((part) => part.name);
    const resolved = isArrayOfTables ? this.registry.arrayOfTables(names, key.span) : this.registry.table(names, key.span);
    if (resolved.conflict) this.conflict(key.span, resolved.conflict);
    this.table = resolved.path;
    this.result.tables.push({ path: resolved.path, span, nameSpan: key.span, keyParts: key.parts, isArrayOfTables });
    return true;
  }

  /** A `key = value` line of the current table; false (rest of the line skipped) when malformed. */
  private statement(): boolean {
    return this.keyValue(this.table, undefined, false) || this.abandon();
  }

  /** Records a bound reached at `at`: `cut` is blanked before the file is read again. */
  private tooDeep(at: Span, cut: Span): void {
    this.result.depthErrors.push({ span: at, message: depthMessage(MAX_DEPTH) });
    this.result.depthCuts.push(cut);
  }

  /** The start of the next line that begins with `[` (a table header), or the text's end. */
  private nextHeader(from: number): number {
    const { text } = this;
    let at = this.lineEnd(from);
    while (at < text.length) {
      at++;
      let content = at;
      while (text.charCodeAt(content) === SPACE || text.charCodeAt(content) === TAB) content++;
      if (text.charCodeAt(content) === 0x5b) return at;
      at = this.lineEnd(content);
    }
    return text.length;
  }

  /** After a string (one-line or triple-quoted) or a comment starting at `at`; `at` when neither starts there. */
  private skipStringOrComment(at: number): number {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 0x23 /* # */) return this.lineEnd(at);
    if (c !== 0x22 && c !== 0x27) return at;
    const triple = c === 0x22 ? '"""' : "'''";
    if (text.startsWith(triple, at)) {
      const end = text.indexOf(triple, at + 3);
      return end < 0 ? text.length : end + 3;
    }
    let end = at + 1;
    while (end < text.length && text.charCodeAt(end) !== c && text.charCodeAt(end) !== LF) end += c === 0x22 && text.charCodeAt(end) === 0x5c ? 2 : 1;
    // Past the closing quote (or the line break of an unclosed string).
    return end + 1;
  }

  /**
   * `key = value` at `base`, recorded before its inline members (whose owner is its index).
   * A pair whose value is malformed is kept with kind `invalid`, so hover still finds its key.
   * False after reporting an error.
   */
  private keyValue(base: TomlPath, owner: number | undefined, inline: boolean): boolean {
    const { text } = this;
    const key = this.key();
    if (!key) return false;
    if (!inline && base.length + key.parts.length > MAX_DEPTH) {
      // The pair is not read; the next statement starts on the next line.
      const end = this.lineEnd(key.span.start);
      this.tooDeep(key.parts[Math.max(0, MAX_DEPTH - base.length)]!.span, { start: key.span.start, end });
      this.pos = end;
      return true;
    }
    this.skipSpaces();
    if (text.charCodeAt(this.pos) !== 0x3d /* = */) {
      const at = this.pos;
      if (this.atLineEnd()) this.error(key.span.start, key.span.end, `Expected \`=\` and a value after the key \`${quoteToken(key.parts.map((p) => p.name).join('.'))}\``);
      else this.error(at, this.tokenEnd(at), 'Expected `=` after the key');
      return false;
    }
    this.pos++;
    this.skipSpaces();
    const resolved = this.registry.keyValue(base, key.parts.map((part) => part.name), key.span);
    if (resolved.conflict) this.conflict(key.span, resolved.conflict);
    // Inserted at `slot` after its value is scanned, so the pair precedes its inline members.
    const slot = this.result.keyValues.length;
    const value = this.value(resolved.path, owner ?? slot);
    const pair: ScannedKeyValue = {
      path: resolved.path,
      key: settingKey(resolved.path),
      keySpan: key.span,
      keyParts: key.parts,
      valueSpan: value.span,
      valueKind: value.ok ? value.kind : 'invalid',
      value: undefined,
      span: { start: key.span.start, end: value.span.end },
      inline,
    };
    const { keyValues, owners, valuesOk } = this.result;
    // Appending is the common case; splicing into the middle is only for pairs with inline members.
    if (slot === keyValues.length) {
      keyValues.push(pair);
      owners.push(owner);
      valuesOk.push(value.ok);
    } else {
      keyValues.splice(slot, 0, pair);
      owners.splice(slot, 0, owner);
      valuesOk.splice(slot, 0, value.ok);
    }
    return value.ok;
  }

  /** A dotted key; undefined after reporting an error. */
  private key(): { parts: TomlKeyPart[]; span: Span } | undefined {
    const { text } = this;
    // Made at a key's second part: `push` leaves room for 16 more parts, and most keys have one.
    let parts: TomlKeyPart[] | undefined;
    let first: TomlKeyPart | undefined;
    const start = this.pos;
    for (;;) {
      const part = this.simpleKey();
      if (!part) return undefined;
      if (!first) first = part;
      else (parts ??= [first]).push(part);
      const afterPart = this.pos;
      this.skipSpaces();
      if (text.charCodeAt(this.pos) !== 0x2e /* . */) {
        this.pos = afterPart;
        return { parts: parts ? parts.slice() : [first], span: { start, end: afterPart } };
      }
      this.pos++;
      this.skipSpaces();
    }
  }

  private simpleKey(): TomlKeyPart | undefined {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const end = this.singleLineString(c);
      if (end === undefined) return undefined;
      const raw = text.slice(start + 1, end - 1);
      const name = c === 0x27 ? raw : unescapeBasic(raw);
      if (name === undefined) {
        this.error(start, end, 'Invalid escape sequence in a quoted key');
        return undefined;
      }
      return { name, span: { start, end } };
    }
    while (this.pos < text.length && isBareKeyChar(text.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) {
      this.error(start, this.tokenEnd(start), this.atLineEnd() ? 'Expected a key' : 'Expected a key (letters, digits, `_`, `-`, or a quoted name)');
      return undefined;
    }
    return { name: text.slice(start, this.pos), span: { start, end: this.pos } };
  }

  /** A value at `path`; `ok` is false after an error was reported (the span then ends where the scan stopped). */
  private value(path: TomlPath, owner: number): ScannedValue {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 0x22 || c === 0x27) {
      if (text.startsWith(c === 0x22 ? '"""' : "'''", start)) {
        const end = this.multiLineString(c);
        return end === undefined ? failed(start, this.restOfLine(start)) : { span: { start, end }, kind: 'string', ok: true };
      }
      const end = this.singleLineString(c);
      return end === undefined ? failed(start, this.pos) : { span: { start, end }, kind: 'string', ok: true };
    }
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (this.depth >= MAX_DEPTH) {
        // The brackets stay: the value is read as an empty array or inline table.
        const close = matchingClose(this.text, start, (from) => this.skipStringOrComment(from));
        this.tooDeep({ start, end: start + 1 }, { start: start + 1, end: close });
        this.pos = Math.min(text.length, close + 1);
        return { span: { start, end: this.pos }, kind: c === 0x5b ? 'array' : 'inline-table', ok: true };
      }
      this.depth++;
      const nested = c === 0x5b ? this.array(path, owner) : this.inlineTable(path, owner);
      this.depth--;
      return nested;
    }
    const end = this.scalarEnd(start);
    if (end === start) {
      this.error(start, this.tokenEnd(start), this.atLineEnd() ? 'Expected a value after `=`' : 'Expected a value (a string, number, boolean, date, array or inline table)');
      return failed(start, start);
    }
    this.pos = end;
    return { span: { start, end }, kind: scalarKind(text.slice(start, end)), ok: true };
  }

  private array(path: TomlPath, owner: number): ScannedValue {
    const { text } = this;
    const start = this.pos;
    this.pos++;
    for (let index = 0; ; index++) {
      this.skipBlanksAndComments();
      if (this.pos >= text.length) return this.unclosed(start, 'Array `[` is not closed with `]`');
      if (text.charCodeAt(this.pos) === 0x5d /* ] */) break;
      if (!this.value([...path, index], owner).ok) return failed(start, this.pos);
      this.skipBlanksAndComments();
      const c = text.charCodeAt(this.pos);
      if (c === 0x2c /* , */) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) break;
      if (this.pos >= text.length) return this.unclosed(start, 'Array `[` is not closed with `]`');
      if (this.lineEnd(start) < this.pos) {
        // On a later line, this is most likely the next statement: the array was left open.
        this.error(start, start + 1, 'Array `[` is not closed with `]` before the next key');
        this.resumeAt = this.lineStart(this.pos);
        return failed(start, this.restOfLine(start));
      }
      this.error(this.pos, this.tokenEnd(this.pos), 'Expected `,` or `]` after an array element');
      return failed(start, this.pos);
    }
    this.pos++;
    return { span: { start, end: this.pos }, kind: 'array', ok: true };
  }

  private inlineTable(path: TomlPath, owner: number): ScannedValue {
    const { text } = this;
    const start = this.pos;
    this.pos++;
    this.skipSpaces();
    if (text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
      return { span: { start, end: this.pos }, kind: 'inline-table', ok: true };
    }
    for (;;) {
      this.skipSpaces();
      if (this.atLineEnd()) return this.unclosed(start, 'Inline table `{` must be closed with `}` on the same line');
      if (!this.keyValue(path, owner, true)) return failed(start, this.pos);
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) break;
      if (this.atLineEnd()) return this.unclosed(start, 'Inline table `{` must be closed with `}` on the same line');
      this.error(this.pos, this.tokenEnd(this.pos), 'Expected `,` or `}` after an inline table entry');
      return failed(start, this.pos);
    }
    this.pos++;
    return { span: { start, end: this.pos }, kind: 'inline-table', ok: true };
  }

  /** A `"…"` or `'…'` string on one line; returns its end, or undefined after an error. */
  private singleLineString(quote: number): number | undefined {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === quote) {
        this.pos = i + 1;
        return this.pos;
      }
      if (c === LF || c === CR) break;
      i += c === 0x5c /* \ */ && quote === 0x22 && text.charCodeAt(i + 1) !== LF && text.charCodeAt(i + 1) !== CR ? 2 : 1;
    }
    this.pos = Math.min(i, text.length);
    this.error(start, this.pos, 'Unterminated string: the closing quote is missing on this line');
    return undefined;
  }

  /** A `"""…"""` or `'''…'''` string; up to two extra quotes before the closing three belong to it. */
  private multiLineString(quote: number): number | undefined {
    const { text } = this;
    const start = this.pos;
    let i = start + 3;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c && quote === 0x22) {
        i += 2;
        continue;
      }
      if (c === quote) {
        let run = 1;
        while (text.charCodeAt(i + run) === quote) run++;
        if (run >= 3) {
          this.pos = i + run;
          return this.pos;
        }
        i += run;
        continue;
      }
      i++;
    }
    this.pos = text.length;
    this.error(start, this.restOfLine(start), `Unterminated multi-line string: no closing ${quote === 0x22 ? '"""' : "'''"} before the end of the file`);
    return undefined;
  }

  /** End of a bare value: number, boolean, date-time (whose date and time may be split by one space). */
  private scalarEnd(start: number): number {
    const { text } = this;
    let end = start;
    while (end < text.length && isScalarChar(text.charCodeAt(end))) end++;
    if (
      end - start === 10 &&
      text.charCodeAt(end) === SPACE &&
      isDigit(text.charCodeAt(end + 1)) &&
      isDigit(text.charCodeAt(end + 2)) &&
      text.charCodeAt(end + 3) === 0x3a &&
      text.charCodeAt(start + 4) === 0x2d &&
      text.charCodeAt(start + 7) === 0x2d
    ) {
      end++;
      while (end < text.length && isScalarChar(text.charCodeAt(end))) end++;
    }
    return end;
  }

  /** After a statement: spaces, an optional comment, then a line break or the end. */
  private endOfLine(): void {
    this.skipSpaces();
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x23) this.comment();
    else if (!this.atLineEnd()) {
      this.error(this.pos, this.contentEnd(this.pos), 'Unexpected text after the value; put each key on its own line');
      this.skipLine();
    }
  }

  private comment(): void {
    const start = this.pos;
    const end = this.lineEnd(start);
    this.result.comments.push({ span: { start, end }, text: this.text.slice(start + 1, end) });
    this.pos = end;
  }

  /** Arrays may span lines and carry comments between elements. */
  private skipBlanksAndComments(): void {
    for (;;) {
      this.skipSpaces();
      const c = this.text.charCodeAt(this.pos);
      if (c === LF || c === CR) this.skipNewline();
      else if (c === 0x23) this.comment();
      else return;
    }
  }

  /** Ends a malformed statement: the rest of its line is skipped. */
  private abandon(): false {
    if (this.resumeAt !== undefined) this.pos = this.resumeAt;
    else this.skipLine();
    this.resumeAt = undefined;
    return false;
  }

  private unclosed(start: number, message: string): ScannedValue {
    this.error(start, start + 1, message);
    return failed(start, this.pos);
  }

  private conflict(span: Span, conflict: PathConflict): void {
    const where = conflict.previous ? ` on line ${this.lineIndex().lineAt(conflict.previous.start) + 1}` : '';
    this.error(span.start, span.end, `${conflict.message}${where}; ${conflict.consequence}`);
  }

  private error(start: number, end: number, message: string): void {
    this.result.errors.push({ span: { start, end: Math.max(start, end) }, message });
  }

  private skipSpaces(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== SPACE && c !== TAB) return;
      this.pos++;
    }
  }

  private skipNewline(): void {
    this.pos += this.text.charCodeAt(this.pos) === CR && this.text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
  }

  private skipLine(): void {
    this.pos = this.lineEnd(this.pos);
  }

  private atLineEnd(): boolean {
    const c = this.text.charCodeAt(this.pos);
    return this.pos >= this.text.length || c === LF || c === CR || c === 0x23;
  }

  private lineEnd(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    return i;
  }

  private lineStart(from: number): number {
    let i = from;
    while (i > 0 && this.text.charCodeAt(i - 1) !== LF && this.text.charCodeAt(i - 1) !== CR) i--;
    return i;
  }

  /** End of the line's text, trailing spaces excluded. */
  private restOfLine(from: number): number {
    let end = this.lineEnd(from);
    while (end > from && (this.text.charCodeAt(end - 1) === SPACE || this.text.charCodeAt(end - 1) === TAB)) end--;
    return end;
  }

  /** End of the line's text before a comment (a `#` outside quotes would start one). */
  private contentEnd(from: number): number {
    const end = this.lineEnd(from);
    let hash = from;
    while (hash < end && this.text.charCodeAt(hash) !== 0x23) hash++;
    return trimEndFrom(this.text, from, hash);
  }

  /** End of the word at `from` (at least one character when there is one on the line). */
  private tokenEnd(from: number): number {
    const { text } = this;
    let end = from;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === SPACE || c === TAB || c === LF || c === CR) break;
      end++;
    }
    return end;
  }

  private lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }
}

function trimEndFrom(text: string, from: number, end: number): number {
  while (end > from && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
  return end;
}
