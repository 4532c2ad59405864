import type { NginxDirective } from '../../../parsers/nginx/ast';
import type { Span, TextEdit } from '../../../types';

/*
 * Edits that add or move whole directives the way a person would: on their own line, with the
 * indentation the block's other lines use and the file's own line break.
 */

/** The whitespace that starts the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** True when only whitespace precedes `offset` on its line. */
export function firstOnLine(text: string, offset: number): boolean {
  // Read backwards without slicing: asked for every argument of every directive.
  for (let at = offset - 1; at >= 0; at--) {
    const character = text[at]!;
    if (character === '\n' || character === '\r') return true;
    if (character !== ' ' && character !== '\t' && !WHITESPACE.test(character)) return false;
  }
  return true;
}

/** What `String.prototype.trim` removes. */
const WHITESPACE = /\s/;

/** The indentation a block's children use: a child's own, or the block's line plus one level. */
export function childIndent(text: string, directive: NginxDirective): string {
  for (const child of directive.block?.children ?? []) {
    if (firstOnLine(text, child.span.start)) return indentAt(text, child.span.start);
  }
  return indentAt(text, directive.span.start) + indentUnit(text);
}

/**
 * An edit inserting directive lines into a block: after `anchor` (one of its children) or right
 * after the `{`. In a one-line block (`location / { proxy_pass …; }`) they go before the `}`.
 */
export function insertIntoBlock(text: string, eol: string, directive: NginxDirective, lines: readonly string[], anchor?: NginxDirective): TextEdit {
  const block = directive.block!;
  const after = anchor ? anchor.span.end : block.open.end;
  if (block.close && lineEnd(text, after) > block.close.start) {
    const at = block.close.start;
    const gap = /\s$/.test(text.slice(0, at)) ? '' : ' ';
    return { span: { start: at, end: at }, newText: `${gap}${lines.join(' ')} ` };
  }
  const indent = childIndent(text, directive);
  const at = lineEnd(text, after);
  return { span: { start: at, end: at }, newText: lines.map((line) => `${eol}${indent}${line}`).join('') };
}

/** An edit inserting a directive line before the line that holds `before`, at that line's indentation. */
export function insertLineBefore(text: string, eol: string, before: NginxDirective, line: string): TextEdit {
  const at = lineStart(text, before.span.start);
  return { span: { start: at, end: at }, newText: `${indentAt(text, before.span.start)}${line}${eol}` };
}

/** What to delete to remove a directive: its whole line when it stands alone there, else itself. */
export function removalSpan(text: string, directive: NginxDirective): Span {
  const start = lineStart(text, directive.span.start);
  const end = lineEnd(text, directive.span.end);
  const before = text.slice(start, directive.span.start);
  const after = text.slice(directive.span.end, end);
  if (before.trim() !== '' || after.trim() !== '') return directive.span;
  let next = end;
  if (text[next] === '\r' && text[next + 1] === '\n') next += 2;
  else if (text[next] === '\n' || text[next] === '\r') next += 1;
  return { start, end: next };
}

export function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

export function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** One level of indentation as the file writes it: a tab, or its smallest space indent (4 by default). */
function indentUnit(text: string): string {
  let smallest = Infinity;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1]!;
    if (indent.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, indent.length);
    if (smallest <= 2) break;
  }
  return smallest === Infinity || smallest > 8 ? '    ' : ' '.repeat(smallest);
}
