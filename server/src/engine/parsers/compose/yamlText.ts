import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { ComposeFile } from './ast';
import { columnOf, lineIndentOf } from './nodes';

/*
 * Writing YAML text that fits into an existing compose file: scalars that read back as the same
 * string, and the file's own indentation and line breaks.
 */

const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_./+=@%,-]*$/;
const RESOLVES_AS_NON_STRING = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|\.inf|\.nan|0x[0-9a-f]+|0o[0-7]+))$/i;

/** A YAML scalar that reads back as `value`, a string (quoted only when it must be). */
export function yamlString(value: string): string {
  if (value !== '' && PLAIN_SAFE.test(value) && !RESOLVES_AS_NON_STRING.test(value)) return value;
  return JSON.stringify(value);
}

/** What may end a plain scalar that already has text before it (`KEY=` in `- KEY=value`). */
const PLAIN_TAIL_SAFE = /^[A-Za-z0-9_./+=@%,^~:$-]*$/;

/**
 * `literal` (Compose text) written as the value of a `- KEY=value` list item whose scalar is
 * quoted with `quote`, or plain: escaped for those quotes, or undefined when a plain scalar would
 * read it differently (a `:` at its end makes `- KEY=value:` a mapping) and the whole item needs
 * quotes instead.
 */
export function listItemValueText(literal: string, quote: '"' | "'" | undefined): string | undefined {
  if (quote === '"') return JSON.stringify(literal).slice(1, -1);
  if (quote === "'") return literal.replaceAll("'", "''");
  return PLAIN_TAIL_SAFE.test(literal) && !literal.endsWith(':') ? literal : undefined;
}

/** `value` as Compose text: `$` doubled so that interpolation leaves it as written. */
export function composeLiteral(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

/** The file's line break (the first one), for inserted lines. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

/** The indentation one level deeper than `indent`, using the file's own step (two spaces if unknown). */
export function deeper(file: ComposeFile, text: string, indent: string): string {
  return indent + ' '.repeat(indentStep(file, text));
}

/** The file's indentation step: how far `services:`'s entries are indented. */
export function indentStep(file: ComposeFile, text: string): number {
  const root = file.document.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const value = pair.value as Node | null;
      if ((isMap(value) || isSeq(value)) && !value.flow && value.items.length > 0 && value.range) {
        const first = value.items[0];
        const node = isMap(value) ? (first as { key: unknown }).key : first;
        const start = node && typeof node === 'object' && 'range' in node ? (node as Scalar).range?.[0] : undefined;
        if (start !== undefined) {
          const step = columnOf(text, start) - lineIndentOf(text, (pair.key as Scalar).range?.[0] ?? 0).length;
          if (step > 0 && step <= 8) return isSeq(value) ? Math.max(2, step) : step;
        }
      }
    }
  }
  return 2;
}

/** The offset where a new line can be written after the one holding `end` (an entry's last offset). */
export function lineAfter(text: string, end: number): { offset: number; prefix: string } {
  if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) return { offset: end, prefix: '' };
  let index = end;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  if (index >= text.length) return { offset: text.length, prefix: eolOf(text) };
  return { offset: text[index] === '\r' && text[index + 1] === '\n' ? index + 2 : index + 1, prefix: '' };
}

/** True for a scalar written in quotes: its content starts one character after its range. */
export function isQuoted(node: unknown): boolean {
  return isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
}
