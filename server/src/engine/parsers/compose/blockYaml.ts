import { Alias, Document, LineCounter, Pair, Scalar, visit, YAMLMap, YAMLSeq, type DocumentOptions, type Node, type ParseOptions, type ScalarTag, type Schema, type SchemaOptions } from 'yaml';
import { lowerBound } from '../../collections';
import type { Comment } from '../../types';

/*
 * A direct reader for the plain block-style YAML that most compose files are written in: block
 * mappings and sequences, plain scalars, one-line quoted scalars, literal and folded block scalars,
 * one-line flow sequences and mappings of scalars, aliases and each other (as a block value or the
 * whole document), anchors, aliases, merge keys, a leading `---`, and comments, with LF or CRLF
 * line ends. It builds the same `yaml` nodes, with the same offsets, as the `yaml` package's own
 * parser, in about a seventh of the time on the benchmark's 10,000-line file (that parser lexes
 * into strings and tokens, builds a syntax tree, then composes it).
 *
 * Anything else (tags, multi-line quoted scalars and flow collections, flow pairs without a `: `
 * and a value, anchors or comments inside flow collections, a CR not followed by LF, escapes,
 * tabs, more than one document, anything YAML refuses) makes it give up,
 * and `parseCompose` falls back to the `yaml` package: this reader only has to be right about what
 * it accepts. `blockYaml.test.ts` checks that, node by node, against `yaml` on the corpus, the
 * fixtures, generated block YAML and mutations of them.
 *
 * The nodes carry no comments (`comment`, `commentBefore`, `spaceBefore`): the engine reads
 * comments from `comments`, never from nodes, and never prints the document back.
 */

export interface BlockYaml {
  readonly document: Document.Parsed;
  readonly comments: Comment[];
}

/** Thrown (and caught in `readBlockYaml`) when the text needs the full parser. */
class NeedsFullParser extends Error {}

function giveUp(): never {
  throw new NeedsFullParser();
}

/**
 * The document, or undefined when the text uses YAML this reader leaves to the full parser.
 * `lineCounter` gets every line start, as the full parser gives them.
 */
export function readBlockYaml(text: string, options: DocumentOptions & SchemaOptions & ParseOptions, lineCounter: LineCounter): BlockYaml | undefined {
  // CRLF line ends are read as LF, and every offset moved back onto the text afterwards.
  const crlf = text.includes('\r');
  const read = crlf ? text.replaceAll('\r\n', '\n') : text;
  if (!isPlainText(read)) return undefined;
  const document = new Document(null, options) as Document.Parsed;
  try {
    const reader = new BlockReader(read, document);
    const contents = reader.read();
    document.contents = contents as Document.Parsed['contents'];
    if (reader.documentStart >= 0) document.directives.docStart = true;
    // What follows the last value belongs to the document, except after an empty value, which keeps it.
    // A flow collection at the root is the whole document up to the end of its line, the text's end.
    const start = reader.documentStart >= 0 ? reader.documentStart : contents.range![0];
    document.range = [start, contents.flow ? read.length : contents.range![1], reader.endsWithEmptyValue ? contents.range![2] : read.length];
    if (crlf) restoreOffsets(text, document, reader.comments);
    lineCounter.addNewLine(0);
    for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) lineCounter.addNewLine(offset + 1);
    return { document, comments: reader.comments };
  } catch (error) {
    if (error instanceof NeedsFullParser) return undefined;
    throw error;
  }
}

/**
 * Moves every offset of a document read from `read` (`text` with its CRLFs made LFs) back onto
 * `text`: an offset moves by the number of CRs taken out before it.
 */
function restoreOffsets(text: string, document: Document.Parsed, comments: Comment[]): void {
  // Where each LF that lost its CR is in `read`, in order.
  const takenOut: number[] = [];
  for (let offset = text.indexOf('\r\n'); offset !== -1; offset = text.indexOf('\r\n', offset + 2)) takenOut.push(offset - takenOut.length);
  const restore = (offset: number): number => offset + lowerBound(takenOut, offset);
  const restoreRange = (range: [number, number, number]) => {
    range[0] = restore(range[0]);
    range[1] = restore(range[1]);
    range[2] = restore(range[2]);
  };
  restoreRange(document.range);
  // Keys too: `visit` visits a pair's key and value.
  visit(document, {
    Node: (_key, node) => {
      if (node.range) restoreRange(node.range);
    },
  });
  for (let i = 0; i < comments.length; i++) {
    const { span, text } = comments[i]!;
    comments[i] = { span: { start: restore(span.start), end: restore(span.end) }, text };
  }
}

/**
 * Only line feeds and printable characters below U+D800 (no tabs, CRs, controls, BOM, surrogates
 * or the code points YAML refuses): what the reader's character tests assume.
 */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== LF : c >= 0x7f && (c < 0xa0 || c >= 0xd800)) return false;
  }
  return true;
}

const LF = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const AMPERSAND = 0x26;
const STAR = 0x2a;
const CLOSE_BRACE = 0x7d;

/** Characters that cannot start a plain scalar (YAML's c-indicator), `-`, `?` and `:` aside. */
const INDICATORS = new Set([...'[]{},#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
const FLOW_ENDS = new Set([COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]);

/**
 * First characters of a plain scalar that the schema's default tags (null, bool, int, float,
 * merge) may resolve to something other than a string; any other plain scalar is a string
 * without testing each tag's pattern. `blockYaml.test.ts` checks this against the schema.
 */
export const MAY_NOT_BE_STRING = new Set([...'~nNtTfF0123456789+-.<'].map((c) => c.charCodeAt(0)));

/** Block collections nested deeper than this are left to `yaml` (the reader recurses per level). */
const MAX_DEPTH = 200;

/** The comment lines and blank lines between one item of a block collection and the next line with content. */
interface Gap {
  /** The deepest indentation of a comment line in the gap, -1 when there is none. */
  deepestComment: number;
  /** The indentation of the gap's first comment line, -1 when there is none. */
  firstComment: number;
  /** Where the gap ends: the next content, after its indentation, or the end of the text. */
  end: number;
}

/** Empties the gap. The reader keeps one and changes it in place: a new one for every line read was garbage at once. */
function clearGap(gap: Gap, end: number): void {
  gap.deepestComment = -1;
  gap.firstComment = -1;
  gap.end = end;
}

function noteCommentLine(gap: Gap, indent: number): void {
  if (gap.firstComment < 0) gap.firstComment = indent;
  if (indent > gap.deepestComment) gap.deepestComment = indent;
}

/** The line being read: where it starts, its indentation, and where its content starts. */
interface Line {
  start: number;
  indent: number;
  content: number;
}

class BlockReader {
  readonly comments: Comment[] = [];
  /** Whether the last value read was empty (`key:` with nothing after it). */
  endsWithEmptyValue = false;
  /** Where the `---` that opens the document is, -1 when there is none. */
  documentStart = -1;
  private readonly schema: Schema;
  private readonly tags: ScalarTag[];
  private readonly options: Document['options'];
  /** The current line with content; undefined at the end of the text. */
  private line: Line | undefined;
  private readonly gap: Gap = { deepestComment: -1, firstComment: -1, end: 0 };
  /** How many block collections are open. */
  private depth = 0;

  constructor(
    private readonly text: string,
    document: Document.Parsed,
  ) {
    this.schema = document.schema;
    this.options = document.options;
    this.tags = this.schema.tags.filter((tag): tag is ScalarTag => !tag.collection && tag.default !== undefined && tag.default !== false && 'test' in tag && tag.test !== undefined);
  }

  read(): YAMLMap | YAMLSeq {
    this.nextLine(0);
    const line = this.line;
    if (!line || line.indent !== 0) giveUp();
    const c = this.text.charCodeAt(line.content);
    const root = c === OPEN_BRACE || c === OPEN_BRACKET ? this.flowRoot(line.content) : this.isSeqItem(line.content) ? this.seq(0) : this.map(0);
    if (this.line) giveUp();
    return root;
  }

  /**
   * A flow collection at `open` that is the whole document: only spaces and a comment may follow
   * it on its line, and nothing after that line (`yaml` gives the lines after it ranges of their own).
   */
  private flowRoot(open: number): YAMLMap | YAMLSeq {
    const text = this.text;
    const root = text.charCodeAt(open) === OPEN_BRACE ? this.flowMap(open) : this.flowSeq(open);
    const end = root.range![1];
    let rest = end;
    while (text.charCodeAt(rest) === SPACE) rest++;
    let lineEnd = rest;
    if (text.charCodeAt(rest) === HASH && rest > end) lineEnd = this.comment(rest);
    else if (text.charCodeAt(rest) !== LF && rest < text.length) giveUp();
    if (lineEnd + 1 < text.length) giveUp();
    root.range![2] = text.length;
    this.line = undefined;
    return root;
  }

  /** Moves to the next line with content at or after `from`, noting the comments and blank lines passed. */
  private nextLine(from: number): void {
    const text = this.text;
    const gap = this.gap;
    clearGap(gap, text.length);
    let start = from;
    while (start < text.length) {
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      const c = text.charCodeAt(content);
      if (c === HASH) {
        noteCommentLine(gap, content - start);
        start = this.comment(content) + 1;
      } else if (c === LF) {
        start = content + 1;
      } else if (content >= text.length) {
        break;
      } else {
        if (start === content && (this.startsWith(content, '---') || this.startsWith(content, '...') || c === 0x25 /* % */)) {
          // One `---` may open the document, before any content.
          const after = text.charCodeAt(content + 3);
          const marker = this.startsWith(content, '---') && (after === SPACE || after === LF || content + 3 >= text.length);
          if (!marker || this.documentStart >= 0 || this.line !== undefined || from !== 0) giveUp();
          this.documentStart = content;
          let rest = content + 3;
          while (text.charCodeAt(rest) === SPACE) rest++;
          if (text.charCodeAt(rest) === HASH) rest = this.comment(rest);
          else if (text.charCodeAt(rest) !== LF && rest < text.length) giveUp();
          start = rest + 1;
          continue;
        }
        gap.end = content;
        this.line = { start, indent: content - start, content };
        return;
      }
    }
    this.line = undefined;
  }

  /** Notes the comment at `hash`; returns where its line ends. */
  private comment(hash: number): number {
    let end = this.text.indexOf('\n', hash);
    if (end < 0) end = this.text.length;
    this.comments.push({ span: { start: hash, end }, text: this.text.slice(hash + 1, end) });
    return end;
  }

  private startsWith(offset: number, prefix: string): boolean {
    return this.text.startsWith(prefix, offset);
  }

  /** One level deeper into block collections; deeper than real files go is left to `yaml`, and the stack. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** `-` then a space or the end of the line: a sequence item. */
  private isSeqItem(offset: number): boolean {
    if (this.text.charCodeAt(offset) !== DASH) return false;
    const next = this.text.charCodeAt(offset + 1);
    return next === SPACE || next === LF || offset + 1 >= this.text.length;
  }

  /** A block mapping whose first key is the current line's content, at column `indent`. */
  private map(indent: number): YAMLMap {
    this.enter();
    const map = new YAMLMap(this.schema);
    const start = this.line!.content;
    let valueEnd = start;
    for (;;) {
      const line = this.line!;
      const keyStart = line.content;
      const colon = this.keyEnd(keyStart);
      let keyEnd = colon;
      while (this.text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      if (keyEnd - keyStart > 1024) giveUp();
      const key = this.plainScalar(keyStart, keyEnd, keyEnd, true);
      const value = this.value(colon + 1, indent, true);
      map.items.push(new Pair(key, value));
      valueEnd = value.range![2];
      const next = this.line;
      if (!next || next.indent !== indent || this.isSeqItem(next.content)) break;
    }
    map.range = [start, valueEnd, this.end(indent, valueEnd)];
    this.depth--;
    return map;
  }

  /** A block sequence whose first `-` is the current line's content, at column `indent`. */
  private seq(indent: number): YAMLSeq {
    this.enter();
    const seq = new YAMLSeq(this.schema);
    const start = this.line!.content;
    let valueEnd = start;
    for (;;) {
      const dash = this.line!.content;
      const value = this.value(dash + 1, indent, false);
      seq.items.push(value);
      valueEnd = value.range![2];
      const next = this.line;
      if (!next || next.indent !== indent || !this.isSeqItem(next.content)) break;
    }
    seq.range = [start, valueEnd, this.end(indent, valueEnd)];
    this.depth--;
    return seq;
  }

  /**
   * Where a block collection at `indent` ends, once the line after it is less indented (or its
   * own kind of line no longer follows): the comment lines after its last item stay in it when one
   * of them is at least as indented as it (and it is not at the left margin), as `yaml` keeps them;
   * otherwise they go to what follows.
   */
  private end(indent: number, valueEnd: number): number {
    const line = this.line;
    if (line && line.indent > indent) giveUp();
    const gap = this.gap;
    if (indent === 0 || gap.deepestComment < indent) return valueEnd;
    const end = gap.end;
    clearGap(gap, end);
    return end;
  }

  /**
   * The value after a key's `:` or a sequence's `-` (at `after`), in a collection at `indent`;
   * moves to the next line with content after it.
   */
  private value(after: number, indent: number, inMap: boolean): Node {
    const text = this.text;
    let offset = after;
    while (text.charCodeAt(offset) === SPACE) offset++;
    let anchor: string | undefined;
    if (text.charCodeAt(offset) === AMPERSAND) {
      const nameEnd = this.nameEnd(offset + 1, false);
      anchor = text.slice(offset + 1, nameEnd);
      offset = nameEnd;
      while (text.charCodeAt(offset) === SPACE) offset++;
      // A second property, or an anchored key (`- &a key: value` anchors the key, not the mapping).
      const c = text.charCodeAt(offset);
      if (c === AMPERSAND || c === STAR || c === 0x21 /* ! */ || (!inMap && (this.isSeqItem(offset) || this.keyEnd(offset, false) >= 0))) giveUp();
    }
    const c = text.charCodeAt(offset);
    if (c === HASH || c === LF || offset >= text.length) {
      const commentEnd = c === HASH ? this.comment(offset) : -1;
      const lineEnd = commentEnd >= 0 ? commentEnd : offset;
      this.nextLine(lineEnd + 1);
      const next = this.line;
      if (next && (next.indent > indent || (inMap && next.indent === indent && this.isSeqItem(next.content)))) {
        const block = this.isSeqItem(next.content) ? this.seq(next.indent) : this.map(next.indent);
        if (anchor !== undefined) block.anchor = anchor;
        return block;
      }
      // `yaml` keeps some of what follows an empty value in it: this reader takes empty mapping
      // values (without an anchor) followed by content, empty lines and comment lines, not empty
      // sequence items.
      if (!inMap || anchor !== undefined) giveUp();
      let nodeEnd = offset;
      if (commentEnd >= 0) {
        // An empty value with a comment runs to the next content, when the next line has it.
        if (next && next.start !== commentEnd + 1) giveUp();
        nodeEnd = next ? next.content : text.length;
      } else if (this.gap.firstComment >= 0) {
        nodeEnd = this.emptyValueEnd(lineEnd, indent, offset);
      }
      const empty = this.scalar(null, '', Scalar.PLAIN);
      empty.range = [offset, offset, nodeEnd];
      this.endsWithEmptyValue = true;
      return empty;
    }
    if (!inMap && (this.isSeqItem(offset) || this.keyEnd(offset, false) >= 0)) {
      // A mapping or sequence in a sequence item (`- key: value`, `- - item`), its column the first key's or `-`'s.
      const line = this.line!;
      const column = offset - line.start;
      this.line = { start: line.start, indent: column, content: offset };
      return this.isSeqItem(offset) ? this.seq(column) : this.map(column);
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      const block = this.blockScalar(offset, indent);
      if (anchor !== undefined) block.anchor = anchor;
      return block;
    }
    let node: Scalar | YAMLSeq | YAMLMap | Alias;
    let end: number;
    if (c === OPEN_BRACKET || c === OPEN_BRACE || c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === STAR) {
      node = c === OPEN_BRACKET ? this.flowSeq(offset) : c === OPEN_BRACE ? this.flowMap(offset) : c === STAR ? this.alias(offset, false) : this.quoted(offset);
      end = node.range![1];
    } else {
      end = this.plainEnd(offset);
      const folded = this.plainLines(offset, end, indent);
      if (folded) end = folded.end;
      node = this.plainScalar(offset, end, end, false, folded?.value);
    }
    if (anchor !== undefined) node.anchor = anchor;
    // After the value: spaces, then a comment or the end of the line.
    let rest = end;
    while (text.charCodeAt(rest) === SPACE) rest++;
    const r = text.charCodeAt(rest);
    let lineEnd = rest;
    if (r === HASH && rest > end) lineEnd = this.comment(rest);
    else if (r !== LF && rest < text.length) giveUp();
    node.range![2] = Math.min(lineEnd + 1, text.length);
    this.endsWithEmptyValue = false;
    this.nextLine(lineEnd + 1);
    const next = this.line;
    // A more indented line would continue the scalar (or be an error).
    if (next && next.indent > indent) giveUp();
    if (this.gap.firstComment > indent) node.range![2] = this.takeDeeperComments(lineEnd + 1, indent);
    return node;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `header`, in a collection at
   * `indent`, with any chomping indicator; moves to the next line with content after it. An
   * indentation indicator, leading empty lines, more-indented folded lines and a last line
   * without a line break are left to `yaml`.
   */
  private blockScalar(header: number, indent: number): Scalar {
    const text = this.text;
    const folded = text.charCodeAt(header) === 0x3e;
    let offset = header + 1;
    const chomping = text.charCodeAt(offset);
    if (chomping === DASH || chomping === 0x2b /* + */) offset++;
    let rest = offset;
    while (text.charCodeAt(rest) === SPACE) rest++;
    let headerEnd = rest;
    if (text.charCodeAt(rest) === HASH && rest > offset) headerEnd = this.comment(rest);
    else if (text.charCodeAt(rest) !== LF) giveUp();
    // The first line sets the content's indentation.
    let start = headerEnd + 1;
    let contentIndent = 0;
    while (text.charCodeAt(start + contentIndent) === SPACE) contentIndent++;
    const first = text.charCodeAt(start + contentIndent);
    if (contentIndent <= indent || first === LF || start + contentIndent >= text.length) giveUp();
    const lines: string[] = [];
    let emptyAtEnd = 0;
    let contentEnd = start;
    while (start < text.length) {
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      if (text.charCodeAt(content) === LF || content >= text.length) {
        if (content - start > contentIndent) giveUp();
        if (content >= text.length) {
          // Spaces ending the text without a line break, as deep as the content: a kept (`|+`)
          // scalar runs to their end, as `yaml` reads it.
          if (content - start === contentIndent) start = content;
          break;
        }
        lines.push('');
        emptyAtEnd++;
        start = content + 1;
        continue;
      }
      if (content - start < contentIndent) break;
      const lineEnd = text.indexOf('\n', content);
      if (lineEnd < 0) giveUp();
      if (folded && content - start > contentIndent) giveUp();
      lines.push(text.slice(start + contentIndent, lineEnd));
      emptyAtEnd = 0;
      contentEnd = start = lineEnd + 1;
    }
    const body = lines.slice(0, lines.length - emptyAtEnd);
    let value: string;
    if (folded) {
      // Lines fold into one, joined by spaces; n empty lines between two lines become n breaks.
      value = body[0]!;
      let empty = 0;
      for (let i = 1; i < body.length; i++) {
        const line = body[i]!;
        if (line === '') {
          empty++;
          continue;
        }
        value += (empty > 0 ? '\n'.repeat(empty) : ' ') + line;
        empty = 0;
      }
    } else {
      value = body.join('\n');
    }
    let end = contentEnd;
    if (chomping === 0x2b) {
      value += '\n'.repeat(1 + emptyAtEnd);
      end = start;
    } else if (chomping !== DASH) {
      value += '\n';
    }
    const node = this.scalar(value, value, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL);
    node.range = [header, end, end];
    this.endsWithEmptyValue = false;
    this.nextLine(contentEnd);
    if ((this.line && this.line.indent > indent) || this.gap.firstComment > indent) giveUp();
    return node;
  }

  /** Where an anchor's or alias's name that starts at `offset` ends; gives up on an empty name. */
  private nameEnd(offset: number, inFlow: boolean): number {
    const text = this.text;
    let end = offset;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === SPACE || c === LF || FLOW_ENDS.has(c)) break;
    }
    // A flow indicator in a block name, or one ending with `:` (ambiguous), is left to `yaml`.
    if (end === offset || (!inFlow && end < text.length && FLOW_ENDS.has(text.charCodeAt(end))) || text.charCodeAt(end - 1) === COLON) giveUp();
    return end;
  }

  /** An alias (`*name`) at `star`; its range's second offset is where its name ends. */
  private alias(star: number, inFlow: boolean): Alias {
    const end = this.nameEnd(star + 1, inFlow);
    const node = new Alias(this.text.slice(star + 1, end));
    node.range = [star, end, end];
    return node;
  }

  /**
   * Comment lines more indented than the collection (at `indent`) right after a value, blank lines
   * between them included, belong to the value in `yaml`'s syntax tree: returns where the last of
   * them ends, and leaves in the gap only the lines after it.
   */
  private takeDeeperComments(from: number, indent: number): number {
    const text = this.text;
    const gapEnd = this.line ? this.line.start : text.length;
    let taken = from;
    for (let start = from; start < gapEnd; ) {
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      let end = text.indexOf('\n', content);
      end = end < 0 ? text.length : end + 1;
      if (text.charCodeAt(content) === HASH) {
        if (content - start <= indent) break;
        taken = end;
      }
      start = end;
    }
    const gap = this.gap;
    clearGap(gap, gap.end);
    for (let start = taken; start < gapEnd; ) {
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      if (text.charCodeAt(content) === HASH) noteCommentLine(gap, content - start);
      const end = text.indexOf('\n', content);
      start = end < 0 ? text.length : end + 1;
    }
    return taken;
  }

  /**
   * Where an empty mapping value at `offset` ends when comment lines follow it (its key's line
   * ending at `lineEnd`, in a mapping at `indent`). They are the value's (its end after them) unless
   * the next key of the same mapping follows: that takes them from the second line break on,
   * counting only the breaks after the last comment deeper than the mapping.
   */
  private emptyValueEnd(lineEnd: number, indent: number, offset: number): number {
    const text = this.text;
    const next = this.line;
    const gapEnd = next ? next.content : text.length;
    clearGap(this.gap, this.gap.end);
    if (!next || next.indent !== indent || this.isSeqItem(next.content)) return gapEnd;
    // The line breaks, from the one ending the key's line; a deeper comment restarts the count.
    let breaks = [lineEnd];
    let keptComment = false;
    for (let start = lineEnd + 1; start < next.start; ) {
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      if (text.charCodeAt(content) === HASH && content - start > indent) breaks = [];
      const end = text.indexOf('\n', start);
      breaks.push(end);
      start = end + 1;
    }
    if (breaks.length < 2) return gapEnd;
    // What stays with the value ends at the second break; it has an end only if a comment stays.
    const split = breaks[1]!;
    for (let start = lineEnd + 1; start < split; start = text.indexOf('\n', start) + 1) {
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      if (text.charCodeAt(content) === HASH) keptComment = true;
    }
    return keptComment ? split : offset;
  }

  /**
   * Where a plain key that starts at `offset` ends (its `:`, followed by a space or the end of the
   * line); gives up on anything else, or returns -1 when `required` is false.
   */
  private keyEnd(offset: number, required = true): number {
    const text = this.text;
    if (!this.isPlainStart(offset, false)) return required ? giveUp() : -1;
    for (let i = offset; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (c === COLON) {
        const next = text.charCodeAt(i + 1);
        if (next === SPACE || next === LF || i + 1 >= text.length) return i;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        break;
      }
    }
    return required ? giveUp() : -1;
  }

  /** Whether a plain scalar may start at `offset` (YAML's ns-plain-first). */
  private isPlainStart(offset: number, inFlow: boolean): boolean {
    const text = this.text;
    const c = text.charCodeAt(offset);
    if (offset >= text.length || c === SPACE || c === LF || INDICATORS.has(c)) return false;
    if (c === DASH || c === COLON || c === 0x3f /* ? */) {
      const next = text.charCodeAt(offset + 1);
      return offset + 1 < text.length && next !== SPACE && next !== LF && !(inFlow && FLOW_ENDS.has(next));
    }
    return true;
  }

  /** Where a plain scalar in block context that starts at `offset` ends, trailing spaces and comment excluded. */
  private plainEnd(offset: number): number {
    const text = this.text;
    if (!this.isPlainStart(offset, false)) giveUp();
    let end = offset;
    for (let i = offset; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
      // `: ` in a value is a mapping YAML does not allow there.
      if (c === COLON && (i + 1 >= text.length || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === LF)) giveUp();
      if (c !== SPACE) end = i + 1;
    }
    return end;
  }

  /**
   * A plain scalar that goes on over more indented lines (than the collection at `indent`): its
   * lines folded into one (a line break becomes a space, n empty lines n breaks) and where its
   * last line ends; undefined when it is one line.
   */
  private plainLines(start: number, firstEnd: number, indent: number): { value: string; end: number } | undefined {
    const text = this.text;
    let rest = firstEnd;
    while (text.charCodeAt(rest) === SPACE) rest++;
    if (text.charCodeAt(rest) !== LF) return undefined;
    let value: string | undefined;
    let end = firstEnd;
    let emptyLines = 0;
    for (let lineStart = rest + 1; lineStart < text.length; ) {
      let content = lineStart;
      while (text.charCodeAt(content) === SPACE) content++;
      const c = text.charCodeAt(content);
      if (c === LF) {
        emptyLines++;
        lineStart = content + 1;
        continue;
      }
      if (content >= text.length || content - lineStart <= indent || c === HASH) break;
      let lineEnd = text.indexOf('\n', content);
      if (lineEnd < 0) lineEnd = text.length;
      let contentEnd = content;
      for (let i = content; i < lineEnd; i++) {
        const d = text.charCodeAt(i);
        // A comment ends the scalar (more lines would be an error); `: ` makes it a key.
        if ((d === HASH && text.charCodeAt(i - 1) === SPACE) || (d === COLON && (i + 1 >= text.length || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === LF))) giveUp();
        if (d !== SPACE) contentEnd = i + 1;
      }
      value = (value ?? text.slice(start, firstEnd)) + (emptyLines > 0 ? '\n'.repeat(emptyLines) : ' ') + text.slice(content, contentEnd);
      end = contentEnd;
      emptyLines = 0;
      lineStart = lineEnd + 1;
    }
    return value === undefined ? undefined : { value, end };
  }

  /**
   * A one-line flow sequence at `open`; its range's second offset is after its `]`. Its items are
   * scalars, aliases and flow collections; one comma may end them.
   */
  private flowSeq(open: number): YAMLSeq {
    const text = this.text;
    this.enter();
    const seq = new YAMLSeq(this.schema);
    seq.flow = true;
    let offset = open + 1;
    while (text.charCodeAt(offset) === SPACE) offset++;
    while (text.charCodeAt(offset) !== CLOSE_BRACKET) {
      const item = this.flowItem(offset, CLOSE_BRACKET);
      seq.items.push(item);
      offset = this.afterFlowItem(item, CLOSE_BRACKET);
    }
    seq.range = [open, offset + 1, offset + 1];
    this.depth--;
    return seq;
  }

  /**
   * A one-line flow mapping at `open` of `key: value` pairs (plain or quoted keys, values as in a
   * flow sequence); its range's second offset is after its `}`. One comma may end the pairs.
   */
  private flowMap(open: number): YAMLMap {
    const text = this.text;
    this.enter();
    const map = new YAMLMap(this.schema);
    map.flow = true;
    let offset = open + 1;
    while (text.charCodeAt(offset) === SPACE) offset++;
    while (text.charCodeAt(offset) !== CLOSE_BRACE) {
      const key = this.flowKey(offset);
      // `: ` follows the key, after any spaces: `flowKey` made sure of it.
      let valueStart = key.range![1];
      while (text.charCodeAt(valueStart) === SPACE) valueStart++;
      valueStart++;
      while (text.charCodeAt(valueStart) === SPACE) valueStart++;
      const v = text.charCodeAt(valueStart);
      // An empty value (`{a: }`, `{a: , b: c}`) is left to `yaml`.
      if (v === COMMA || v === CLOSE_BRACE) giveUp();
      const value = this.flowItem(valueStart, CLOSE_BRACE);
      map.items.push(new Pair(key, value));
      offset = this.afterFlowItem(value, CLOSE_BRACE);
    }
    map.range = [open, offset + 1, offset + 1];
    this.depth--;
    return map;
  }

  /**
   * Moves past the spaces and the comma after an item of a flow collection closed by `close` (the
   * item's range takes in the spaces) and the spaces after the comma: returns where the next item
   * or `close` is. Gives up on anything else, two commas, or the end of the line. `yaml` reads a
   * trailing comma (`[a, b,]`, as in the 1 MB line of issue 22) as nothing, so it is taken.
   */
  private afterFlowItem(item: Node, close: number): number {
    const text = this.text;
    const range = item.range!;
    let after = range[1];
    while (text.charCodeAt(after) === SPACE) after++;
    range[2] = after;
    const c = text.charCodeAt(after);
    if (c === close) return after;
    if (c !== COMMA) giveUp();
    let next = after + 1;
    while (text.charCodeAt(next) === SPACE) next++;
    if (text.charCodeAt(next) === COMMA) giveUp();
    return next;
  }

  /**
   * A flow mapping's key at `offset`: a plain scalar or a one-line quoted one, followed (after any
   * spaces) by `: `. Anything else (`{a}`, `{a:b}`, `? a`, aliases and collections as keys) is left to `yaml`.
   */
  private flowKey(offset: number): Scalar {
    const text = this.text;
    const c = text.charCodeAt(offset);
    let key: Scalar;
    let colon: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      key = this.quoted(offset);
      colon = key.range![1];
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) giveUp();
    } else {
      if (!this.isPlainStart(offset, true)) giveUp();
      colon = -1;
      for (let i = offset; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === LF || FLOW_ENDS.has(d) || (d === HASH && text.charCodeAt(i - 1) === SPACE)) giveUp();
        if (d === COLON) {
          if (text.charCodeAt(i + 1) === SPACE) {
            colon = i;
            break;
          }
          // A `:` that what follows could continue (`a:b`) is part of the key; any other is doubtful.
          if (!this.isPlainStart(i + 1, true)) giveUp();
        }
      }
      if (colon < 0) giveUp();
      let keyEnd = colon;
      while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      key = this.plainScalar(offset, keyEnd, keyEnd, true);
    }
    if (colon - offset > 1024 || text.charCodeAt(colon + 1) !== SPACE) giveUp();
    return key;
  }

  /** An item of a flow collection closed by `close` (a value of a flow mapping's pair too) at `offset`. */
  private flowItem(offset: number, close: number): Scalar | Alias | YAMLMap | YAMLSeq {
    const text = this.text;
    const c = text.charCodeAt(offset);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(offset);
    if (c === STAR) return this.alias(offset, true);
    if (c === OPEN_BRACE) return this.flowMap(offset);
    if (c === OPEN_BRACKET) return this.flowSeq(offset);
    if (!this.isPlainStart(offset, true)) giveUp();
    let end = offset;
    for (let i = offset; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === LF || d === COMMA || d === close) break;
      if (FLOW_ENDS.has(d) || (d === HASH && text.charCodeAt(i - 1) === SPACE)) giveUp();
      // `:` is part of a plain scalar when what follows could be too (`http://x`); else it makes a pair.
      if (d === COLON && !this.isPlainStart(i + 1, true)) giveUp();
      if (d !== SPACE) end = i + 1;
    }
    return this.plainScalar(offset, end, end, false);
  }

  /** A one-line quoted scalar without escapes at `open`; its range's second offset is after the closing quote. */
  private quoted(open: number): Scalar {
    const text = this.text;
    const quote = text.charCodeAt(open);
    let value = '';
    let from = open + 1;
    for (let i = open + 1; ; i++) {
      const c = text.charCodeAt(i);
      if (i >= text.length || c === LF || (c === BACKSLASH && quote === DOUBLE_QUOTE)) giveUp();
      if (c !== quote) continue;
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        value += text.slice(from, i + 1);
        from = i + 2;
        i++;
        continue;
      }
      value += text.slice(from, i);
      const node = this.scalar(value, value, quote === DOUBLE_QUOTE ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE);
      node.range = [open, i + 1, i + 1];
      return node;
    }
  }

  /** A plain scalar from `start` to `end` (its lines folded into `source`), resolved by the schema's tags as `yaml` resolves it. */
  private plainScalar(start: number, end: number, nodeEnd: number, atKey: boolean, source = this.text.slice(start, end)): Scalar {
    let node: Scalar | undefined;
    if (MAY_NOT_BE_STRING.has(source.charCodeAt(0))) {
      const tag = this.defaultTagOf(source, atKey);
      if (tag) {
        const resolved = tag.resolve(source, giveUp, this.options);
        node = resolved instanceof Scalar ? resolved : new Scalar(resolved);
        if (tag.format) node.format = tag.format;
      }
    }
    node = node ? Object.assign(node, { source, type: Scalar.PLAIN }) : this.scalar(source, source, Scalar.PLAIN);
    node.range = [start, end, nodeEnd];
    return node;
  }

  /**
   * The schema's tag that a plain scalar resolves to, as `yaml` picks it. A loop, not `find`: a
   * closure over the scalar would make V8 allocate a context for every scalar read.
   */
  private defaultTagOf(source: string, atKey: boolean): ScalarTag | undefined {
    for (const candidate of this.tags) {
      if ((candidate.default === true || (atKey && candidate.default === 'key')) && candidate.test!.test(source)) return candidate;
    }
    return undefined;
  }

  private scalar(value: unknown, source: string, type: Scalar.Type): Scalar {
    const node = new Scalar(value);
    node.source = source;
    node.type = type;
    return node;
  }
}
