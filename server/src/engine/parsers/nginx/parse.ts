import type { Comment, Span } from '../../types';
import { quotedDirectiveName } from './names';
import { depthMessage } from '../depth';
import type { NginxArgument, NginxDirective, NginxFile, NginxParseError } from './ast';
import { templateActionEnd, isControlAction, usesGoTemplates, isEnvsubstPlaceholder, hasEnvsubstReference } from './template';
import { quoteToken } from '../../quote';

/**
 * Parses nginx configuration the way nginx 1.22's `ngx_conf_read_token` and `ngx_conf_parse`
 * read it, keeping exact spans, and recovering where nginx would stop:
 * - a word ends at whitespace, `;` or `{`, but `${` continues a variable and `}` inside a word is
 *   part of it, so `location ~ ^/x{2}$ {` splits where nginx splits it;
 * - `#` starts a comment only where a word could start; quoted words must be followed by a
 *   space, `;`, `{` or `)`; `\` escapes the next character everywhere;
 * - templates are understood: Go `{{ … }}` actions (control actions vanish, value actions are
 *   words) and envsubst `${VAR}` (a lone `${VAR}` line stands for injected directives).
 * Never throws; runs in time linear in the text (unterminated-quote recovery is bounded).
 */
export function parseNginx(text: string): NginxFile {
  try {
    return new NginxParser(text).parse();
  } catch {
    // A bug here must not take the host down: report it on the first character instead.
    return { directives: [], comments: [], errors: [{ span: { start: 0, end: Math.min(1, text.length) }, message: 'The nginx parser failed on this file.' }] };
  }
}

const MAX_QUOTE_RECOVERIES = 64;
const RAW_BLOCK = /_by_lua_block$/;
/** Blocks nested deeper than this (real configurations nest a handful) are read but not checked. */
export const MAX_NGINX_DEPTH = 100;
const MAX_DEPTH = MAX_NGINX_DEPTH;

/**
 * How a statement ended. Its words are in the parser's word buffer, and `endAt` is where it
 * ended: at its `;`, `{` or `}`, or where the text, a placeholder's line or a recovered line ends.
 * `recovered`: cut short at the end of a line after an unterminated quote (already reported).
 */
type StatementEnd = 'semicolon' | 'open' | 'close' | 'eof' | 'placeholder' | 'recovered';

interface Frame {
  /** The block directive's name, undefined for the top level and a stray `{`. */
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  readonly args: readonly NginxArgument[];
  readonly open: Span | undefined;
  readonly children: NginxDirective[];
}

/** Word flags in the parser's word buffer. */
const DOUBLE_QUOTED = 1;
const SINGLE_QUOTED = 2;
const TEMPLATED = 4;
/** A quoted word whose closing quote is missing: it ends at `end`, not one past it. */
const UNTERMINATED = 8;

/** Shared by the directives without arguments. */
const NO_ARGUMENTS: readonly NginxArgument[] = Object.freeze([]);

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isSpace(ch: number): boolean {
  return ch === SPACE || ch === TAB || ch === LF || ch === CR;
}

class NginxParser {
  private pos = 0;
  private quoteRecoveries = 0;
  private readonly comments: Comment[] = [];
  private readonly errors: NginxParseError[] = [];
  private readonly closedBlocks: NginxDirective[] = [];
  // The words of the statement being read, as offsets: a statement's arguments are made once it
  // is kept, and its name is never an argument object. For each word, where it starts, where it
  // ends (its closing quote, for a quoted word) and its flags.
  private readonly wordStarts: number[] = [];
  private readonly wordEnds: number[] = [];
  private readonly wordFlags: number[] = [];
  private wordCount = 0;
  private endAt = 0;
  private readonly goTemplates: boolean;
  private readonly eol: string;

  constructor(private readonly text: string) {
    this.goTemplates = usesGoTemplates(text);
    const lf = text.indexOf('\n');
    this.eol = lf > 0 && text.charCodeAt(lf - 1) === CR ? '\r\n' : lf < 0 && text.includes('\r') ? '\r' : '\n';
  }

  parse(): NginxFile {
    const stack: Frame[] = [{ name: undefined, nameSpan: undefined, args: NO_ARGUMENTS, open: undefined, children: [] }];
    for (;;) {
      const end = this.readStatement();
      const frame = stack[stack.length - 1]!;
      const nameSpan = this.wordCount > 0 ? { start: this.wordStarts[0]!, end: this.wordStop(0) } : undefined;
      const name = nameSpan ? canonicalName(this.wordValue(0, nameSpan)) : undefined;
      const args = this.argumentWords();
      switch (end) {
        case 'semicolon':
          if (name !== undefined) frame.children.push(this.leaf(name, nameSpan!, args, this.endSpan()));
          break;
        case 'placeholder':
          if (name !== undefined) frame.children.push({ ...this.leaf(name, nameSpan!, args, undefined), placeholder: true });
          break;
        case 'recovered':
          if (name !== undefined) frame.children.push(this.leaf(name, nameSpan!, args, undefined));
          break;
        case 'open':
          if (name === undefined) {
            const open = this.endSpan();
            this.error(open, 'Unexpected "{": a block needs a directive before it (`server {`, `location /path {`).');
            stack.push({ name: undefined, nameSpan: undefined, args: NO_ARGUMENTS, open, children: [] });
          } else if (RAW_BLOCK.test(name)) {
            frame.children.push(this.rawBlock(name, nameSpan!, args, this.endSpan()));
          } else if (stack.length > MAX_DEPTH) {
            frame.children.push(this.tooDeepBlock(name, nameSpan!, args, this.endSpan()));
          } else {
            stack.push({ name, nameSpan, args, open: this.endSpan(), children: [] });
          }
          break;
        case 'close': {
          const close = this.endSpan();
          if (name !== undefined) {
            frame.children.push(this.leaf(name, nameSpan!, args, undefined));
            this.missingSemicolon(nameSpan!, args, 'nginx stops at the "}" that follows with unexpected "}"');
          }
          if (stack.length > 1) {
            stack.pop();
            this.closeFrame(frame, stack[stack.length - 1]!, close);
          } else {
            this.error(close, 'Unexpected "}": it closes no block.', { title: 'Remove the "}"', span: close, newText: '' });
          }
          break;
        }
        case 'eof':
          if (name !== undefined) {
            frame.children.push(this.leaf(name, nameSpan!, args, undefined));
            this.missingSemicolon(nameSpan!, args, 'the file ends first');
          }
          return this.finish(stack);
      }
    }
  }

  // ---- statements -------------------------------------------------------------------------

  /** Reads words up to `;`, `{`, `}` or the end of the file, as `ngx_conf_read_token` does. */
  private readStatement(): StatementEnd {
    const text = this.text;
    const length = text.length;
    this.wordCount = 0;
    let lastSpace = true;
    let needSpace = false;
    let escaped = false;
    let variable = false;
    let quote: '"' | "'" | undefined;
    let wordStart = 0;
    let templated = false;

    while (this.pos < length) {
      const offset = this.pos;
      const ch = text.charCodeAt(offset);
      this.pos++;

      if (escaped) {
        escaped = false;
        continue;
      }

      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === 59 /* ; */) return this.ended('semicolon', offset);
        if (ch === 123 /* { */) return this.ended('open', offset);
        if (ch !== 41 /* ) */ && ch !== 125 /* } */) {
          this.error({ start: offset, end: offset + 1 }, `Unexpected "${text[offset]}" right after a quoted string: nginx needs a space, ";" or "{" there.`);
        }
        // As nginx does for `)`, and as recovery otherwise: the character starts the next word.
        lastSpace = true;
        needSpace = false;
      }

      if (lastSpace) {
        if (isSpace(ch)) continue;
        wordStart = offset;
        quote = undefined;
        switch (ch) {
          case 59 /* ; */:
            if (this.wordCount > 0) return this.ended('semicolon', offset);
            this.error({ start: offset, end: offset + 1 }, 'Unexpected ";": there is no directive before it.', {
              title: 'Remove the extra ";"',
              span: { start: offset, end: offset + 1 },
              newText: '',
            });
            continue;
          case 123 /* { */: {
            const actionEnd = this.goTemplates ? templateActionEnd(text, offset) : undefined;
            if (actionEnd !== undefined) {
              this.pos = actionEnd;
              if (isControlAction(text.slice(offset, actionEnd))) continue;
              templated = true;
              lastSpace = false;
              continue;
            }
            return this.ended('open', offset);
          }
          case 125 /* } */:
            return this.ended('close', offset);
          case 35 /* # */:
            this.readComment(offset);
            continue;
          case 92 /* \ */:
            escaped = true;
            lastSpace = false;
            continue;
          case 34 /* " */:
            quote = '"';
            lastSpace = false;
            continue;
          case 39 /* ' */:
            quote = "'";
            lastSpace = false;
            continue;
          case 36 /* $ */:
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
            continue;
        }
      }

      // Inside a word.
      if (ch === 123 /* { */ && variable) continue;
      variable = false;
      if (ch === 123 /* { */ && this.goTemplates) {
        const actionEnd = templateActionEnd(text, offset);
        if (actionEnd !== undefined) {
          this.pos = actionEnd;
          templated = true;
          continue;
        }
      }
      if (ch === 92 /* \ */) {
        escaped = true;
        continue;
      }
      if (ch === 36 /* $ */) {
        variable = true;
        continue;
      }
      if (quote) {
        if ((quote === '"' && ch === 34) || (quote === "'" && ch === 39)) {
          this.pushWord(wordStart, offset, quote, templated);
          templated = false;
          needSpace = true;
        }
        continue;
      }
      if (isSpace(ch) || ch === 59 /* ; */ || ch === 123 /* { */) {
        this.pushWord(wordStart, offset, quote, templated);
        templated = false;
        lastSpace = true;
        if (ch === 59) return this.ended('semicolon', offset);
        if (ch === 123) return this.ended('open', offset);
        if (this.wordCount === 1 && this.endsLine(offset) && isPlaceholderName(this.rawWord(0))) {
          return this.ended('placeholder', offset);
        }
      }
    }

    // End of the text.
    if (!lastSpace && quote) {
      if (this.quoteRecoveries < MAX_QUOTE_RECOVERIES) {
        // Read the quote as if it closed at the end of its line, end the directive there, and go on.
        this.quoteRecoveries++;
        const lineEnd = this.lineEndOf(wordStart);
        this.error(
          { start: wordStart, end: wordStart + 1 },
          `Unterminated quoted string: the closing ${quote} is missing, so nginx reads the rest of the file as part of it.`,
        );
        this.pushWord(wordStart, lineEnd, quote, templated, UNTERMINATED);
        this.pos = lineEnd;
        return this.ended('recovered', lineEnd);
      }
      this.error({ start: wordStart, end: wordStart + 1 }, `Unterminated quoted string: the closing ${quote} is missing.`);
      this.pushWord(wordStart, length, quote, templated, UNTERMINATED);
    } else if (!lastSpace && !needSpace) {
      this.pushWord(wordStart, length, quote, templated);
      if (this.wordCount === 1 && isPlaceholderName(this.rawWord(0))) {
        return this.ended('placeholder', length);
      }
    }
    return this.ended('eof', length);
  }

  private ended(end: StatementEnd, at: number): StatementEnd {
    this.endAt = at;
    return end;
  }

  /** The span of the `;`, `{` or `}` that ended the statement. */
  private endSpan(): Span {
    return { start: this.endAt, end: this.endAt + 1 };
  }

  /** Adds the word from `start` to `end` (a closing quote's offset for quoted words). */
  private pushWord(start: number, end: number, quote: '"' | "'" | undefined, templated: boolean, unterminated = 0): void {
    const index = this.wordCount++;
    this.wordStarts[index] = start;
    this.wordEnds[index] = end;
    this.wordFlags[index] = (quote === '"' ? DOUBLE_QUOTED : quote === "'" ? SINGLE_QUOTED : 0) | (templated ? TEMPLATED : 0) | unterminated;
  }

  /** Where the word ends, past its closing quote. */
  private wordStop(index: number): number {
    const end = this.wordEnds[index]!;
    const flags = this.wordFlags[index]!;
    return flags & (DOUBLE_QUOTED | SINGLE_QUOTED) && !(flags & UNTERMINATED) ? Math.min(end + 1, this.text.length) : end;
  }

  private rawWord(index: number): string {
    return this.text.slice(this.wordStarts[index], this.wordStop(index));
  }

  /** The word's value: quotes removed, escapes resolved. */
  private wordValue(index: number, span: Span): string {
    const quoted = this.wordFlags[index]! & (DOUBLE_QUOTED | SINGLE_QUOTED);
    return unescape(quoted ? this.text.slice(span.start + 1, this.wordEnds[index]) : this.text.slice(span.start, span.end));
  }

  /** The statement's words after its name, as arguments. */
  private argumentWords(): readonly NginxArgument[] {
    if (this.wordCount <= 1) return NO_ARGUMENTS;
    const args = new Array<NginxArgument>(this.wordCount - 1);
    for (let index = 1; index < this.wordCount; index++) args[index - 1] = this.argument(index);
    return args;
  }

  private argument(index: number): NginxArgument {
    const start = this.wordStarts[index]!;
    const stop = this.wordStop(index);
    const flags = this.wordFlags[index]!;
    const quote = flags & DOUBLE_QUOTED ? '"' : flags & SINGLE_QUOTED ? "'" : undefined;
    const raw = this.text.slice(start, stop);
    const inner = quote ? this.text.slice(start + 1, this.wordEnds[index]) : raw;
    return flags & TEMPLATED || (inner.includes('${') && hasEnvsubstReference(inner))
      ? { value: unescape(inner), raw, span: { start, end: stop }, quote, templated: true }
      : { value: unescape(inner), raw, span: { start, end: stop }, quote };
  }

  private readComment(hash: number): void {
    const end = this.lineEndOf(hash);
    this.comments.push({ span: { start: hash, end }, text: this.text.slice(hash + 1, end) });
    this.pos = end;
  }

  /** Offset of the line break (or end of text) of the line holding `offset`. */
  private lineEndOf(offset: number): number {
    const text = this.text;
    let end = offset;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    return end;
  }

  /** True when only blanks or a comment follow `offset` on its line. */
  private endsLine(offset: number): boolean {
    const text = this.text;
    let at = offset;
    while (at < text.length && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
    if (at >= text.length) return true;
    const ch = text.charCodeAt(at);
    return ch === LF || ch === CR || ch === 35 /* # */;
  }

  // ---- blocks -----------------------------------------------------------------------------

  private leaf(name: string, nameSpan: Span, args: readonly NginxArgument[], semicolon: Span | undefined): NginxDirective {
    const end = semicolon ? semicolon.end : args.length > 0 ? args[args.length - 1]!.span.end : nameSpan.end;
    return { name, nameSpan, args, semicolon, block: undefined, span: { start: nameSpan.start, end } };
  }

  private closeFrame(frame: Frame, parent: Frame, close: Span): void {
    if (frame.name === undefined || !frame.nameSpan || !frame.open) return; // a stray `{`, already reported
    const directive: NginxDirective = {
      name: frame.name,
      nameSpan: frame.nameSpan,
      args: frame.args,
      semicolon: undefined,
      block: { open: frame.open, close, children: frame.children },
      span: { start: frame.nameSpan.start, end: close.end },
    };
    parent.children.push(directive);
    this.closedBlocks.push(directive);
  }

  /** Skips a block of Lua code (OpenResty's `*_by_lua_block`), minding Lua strings and comments. */
  private rawBlock(name: string, nameSpan: Span, args: readonly NginxArgument[], open: Span): NginxDirective {
    const close = skipLuaBlock(this.text, open.end);
    this.pos = close === undefined ? this.text.length : close + 1;
    const closeSpan = close === undefined ? undefined : { start: close, end: close + 1 };
    if (!closeSpan) this.unclosed(name, nameSpan, args, open, undefined);
    return {
      name,
      nameSpan,
      args,
      semicolon: undefined,
      block: { open, close: closeSpan, children: [], raw: true },
      span: { start: nameSpan.start, end: closeSpan ? closeSpan.end : this.text.length },
    };
  }

  /**
   * A block nested deeper than any real configuration: read to its `}` (so syntax errors inside
   * are still found) but kept without children, like a Lua block, so that rules, which look at
   * every enclosing block of each directive, stay linear in the text.
   */
  private tooDeepBlock(name: string, nameSpan: Span, args: readonly NginxArgument[], open: Span): NginxDirective {
    this.error(nameSpan, depthMessage(MAX_DEPTH));
    let depth = 0;
    let close: Span | undefined;
    for (;;) {
      const end = this.readStatement();
      if (end === 'open') depth++;
      else if (end === 'close' && depth-- === 0) {
        close = this.endSpan();
        break;
      } else if (end === 'eof') break;
    }
    if (!close) this.unclosed(name, nameSpan, args, open, undefined);
    return {
      name,
      nameSpan,
      args,
      semicolon: undefined,
      block: { open, close, children: [], raw: true },
      span: { start: nameSpan.start, end: close ? close.end : this.text.length },
    };
  }

  private finish(stack: Frame[]): NginxFile {
    // Unwind blocks the file never closed, innermost first.
    for (let depth = stack.length - 1; depth > 0; depth--) {
      const frame = stack[depth]!;
      const parent = stack[depth - 1]!;
      if (frame.name === undefined || !frame.nameSpan || !frame.open) continue;
      const lastChild = frame.children[frame.children.length - 1];
      parent.children.push({
        name: frame.name,
        nameSpan: frame.nameSpan,
        args: frame.args,
        semicolon: undefined,
        block: { open: frame.open, close: undefined, children: frame.children },
        span: { start: frame.nameSpan.start, end: Math.max(frame.open.end, lastChild ? lastChild.span.end : 0) },
      });
    }
    const outermost = stack.slice(1).find((frame) => frame.name !== undefined && frame.open);
    if (outermost) this.reportUnclosed(stack, outermost);
    this.errors.sort((a, b) => a.span.start - b.span.start);
    return { directives: stack[0]!.children, comments: this.comments, errors: this.errors };
  }

  /**
   * One error for the blocks left open at the end of the file. nginx can only say "unexpected end
   * of file"; the block that lacks its `}` is usually the one whose `}` comes first at a shallower
   * indentation than its opening line (that `}` belongs to an outer block), so report that one.
   */
  private reportUnclosed(stack: readonly Frame[], outermost: Frame): void {
    const after = outermost.open!.start;
    let culprit: { directive: NginxDirective; open: Span; close: Span } | undefined;
    for (const directive of this.closedBlocks) {
      const { open, close } = directive.block!;
      if (open.start <= after || !close || (culprit && culprit.close.start <= close.start)) continue;
      const openIndent = this.indentOf(open.start);
      const closeIndent = this.indentOf(close.start);
      if (this.firstOnLine(close.start) && closeIndent.length < openIndent.length) culprit = { directive, open, close };
    }
    if (culprit) {
      const indent = this.indentOf(culprit.open.start);
      const lineStart = this.lineStartOf(culprit.close.start);
      const label = labelOf(culprit.directive.name, this.rawOf(culprit.directive.nameSpan), culprit.directive.args);
      this.error(culprit.directive.nameSpan, `The block of \`${label}\` is never closed: its "}" is missing (nginx reports unexpected end of file, expecting "}").`, {
        title: `Close the block of \`${label}\``,
        span: { start: lineStart, end: lineStart },
        newText: `${indent}}${this.eol}`,
      });
      return;
    }
    const innermost = [...stack].reverse().find((frame) => frame.name !== undefined && frame.open)!;
    this.unclosed(innermost.name!, innermost.nameSpan!, innermost.args, innermost.open!, this.indentOf(innermost.open!.start));
  }

  private unclosed(name: string, nameSpan: Span, args: readonly NginxArgument[], open: Span, indent: string | undefined): void {
    const label = labelOf(name, this.rawOf(nameSpan), args);
    const end = this.text.length;
    const endsWithBreak = end > 0 && (this.text.charCodeAt(end - 1) === LF || this.text.charCodeAt(end - 1) === CR);
    const pad = indent ?? this.indentOf(open.start);
    this.error(nameSpan, `The block of \`${label}\` is never closed: its "}" is missing (nginx reports unexpected end of file, expecting "}").`, {
      title: `Close the block of \`${label}\``,
      span: { start: end, end },
      newText: endsWithBreak ? `${pad}}${this.eol}` : `${this.eol}${pad}}`,
    });
  }

  private missingSemicolon(nameSpan: Span, args: readonly NginxArgument[], why: string): void {
    const last = args.length > 0 ? args[args.length - 1]!.span : nameSpan;
    // Only the name, and only when it reads as one: an argument, or a line that is no directive at all, may be a credential.
    this.error(last, `Missing ";" at the end of ${quotedDirectiveName(this.rawOf(nameSpan), 'this directive')}: ${why}.`, {
      title: 'Insert ";"',
      span: { start: last.end, end: last.end },
      newText: ';',
    });
  }

  private rawOf(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private indentOf(offset: number): string {
    const start = this.lineStartOf(offset);
    let end = start;
    while (end < this.text.length && (this.text.charCodeAt(end) === SPACE || this.text.charCodeAt(end) === TAB)) end++;
    return this.text.slice(start, end);
  }

  private firstOnLine(offset: number): boolean {
    return this.text.slice(this.lineStartOf(offset), offset).trim() === '';
  }

  private lineStartOf(offset: number): number {
    let start = offset;
    while (start > 0 && this.text.charCodeAt(start - 1) !== LF && this.text.charCodeAt(start - 1) !== CR) start--;
    return start;
  }

  private error(span: Span, message: string, repair?: NginxParseError['repair']): void {
    this.errors.push(repair ? { span, message, repair } : { span, message });
  }
}

/** A block's name as written, shown in labels only when it could be a directive (any case: `Location`). */
const DIRECTIVE_LIKE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `location /api/`, `server`, … for messages about blocks: the name as written and at most two short arguments. */
function labelOf(name: string, raw: string, args: readonly NginxArgument[]): string {
  // An `if` condition may compare a credential (`$http_authorization = "Bearer …"`).
  if (name === 'if') return 'if (…)';
  const shown = args.slice(0, 2).map((arg) => quoteToken(arg.raw));
  return [DIRECTIVE_LIKE.test(raw) ? raw : '…', ...shown, ...(args.length > 2 ? ['…'] : [])].join(' ');
}

function isPlaceholderName(raw: string): boolean {
  return isEnvsubstPlaceholder(raw) || (raw.startsWith('{{') && raw.endsWith('}}') && !raw.slice(2, -2).includes('}}'));
}

/** Resolves escapes as nginx does: `\"`, `\'`, `\\`, `\t`, `\r`, `\n`; any other `\x` stays. */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      if (next === '"' || next === "'" || next === '\\') {
        out += next;
        i++;
        continue;
      }
      if (next === 't' || next === 'r' || next === 'n') {
        out += next === 't' ? '\t' : next === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Offset of the `}` closing a Lua block body that starts at `from`, or undefined. */
function skipLuaBlock(text: string, from: number): number | undefined {
  let depth = 0;
  let at = from;
  while (at < text.length) {
    const ch = text[at]!;
    if (ch === '-' && text[at + 1] === '-') {
      const long = /^\[(=*)\[/.exec(text.slice(at + 2, at + 2 + 64));
      if (long) {
        const close = text.indexOf(`]${long[1]}]`, at + 2 + long[0].length);
        at = close < 0 ? text.length : close + long[1]!.length + 2;
      } else {
        while (at < text.length && text[at] !== '\n') at++;
      }
      continue;
    }
    if (ch === '[') {
      const long = /^\[(=*)\[/.exec(text.slice(at, at + 64));
      if (long) {
        const close = text.indexOf(`]${long[1]}]`, at + long[0].length);
        at = close < 0 ? text.length : close + long[1]!.length + 2;
        continue;
      }
    }
    if (ch === '"' || ch === "'") {
      at++;
      while (at < text.length && text[at] !== ch && text[at] !== '\n') at += text[at] === '\\' ? 2 : 1;
      at++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return at;
      depth--;
    }
    at++;
  }
  return undefined;
}

/**
 * One string per directive name, shared by every directive of that name in every file: a file
 * has thousands of directives and a few dozen names, and each rule compares and looks up the
 * names of all of them. A name read from the text may be a slice that keeps the whole text alive, so
 * the shared one is a copy made through JSON. Bounded, since names are whatever the file says.
 */
const canonicalNames = new Map<string, string>();
const CANONICAL_NAMES_SIZE = 4_096;

function canonicalName(name: string): string {
  let canonical = canonicalNames.get(name);
  if (canonical === undefined) {
    if (canonicalNames.size >= CANONICAL_NAMES_SIZE) canonicalNames.clear();
    canonical = JSON.parse(JSON.stringify(name)) as string;
    canonicalNames.set(canonical, canonical);
  }
  return canonical;
}
