import { contextAt, entriesIn, namesAllowedIn, type NginxContext } from '../../parsers/nginx/context';
import { directiveSummary, plainSyntax } from '../../parsers/nginx/describe';
import { entriesOf, type DirectiveEntry } from '../../parsers/nginx/reference';
import { rootContextsOf } from '../../rules/nginx/support/fileContext';
import type { CompletionItem, CompletionProvider, CursorContext } from '../types';

/**
 * Completion in nginx files: where a directive can start, the directives nginx accepts in the
 * cursor's block (an http `server` offers `listen`, a `location` offers `proxy_pass`, `events`
 * offers `worker_connections`), with their syntax; after the name of a directive that takes one
 * of a fixed set of values (`proxy_buffering`), those values.
 */
export const nginxCompletion: CompletionProvider = {
  kinds: ['nginx'],
  complete(context: CursorContext): readonly CompletionItem[] {
    const document = context.analyzed.document;
    if (document.kind !== 'nginx') return [];
    const { text } = document;
    const offset = Math.min(context.offset, text.length);
    let start = offset;
    while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) start--;
    let end = offset;
    while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
    const statement = statementBefore(text, start);
    if (statement === undefined) return [];
    const root = rootContextsOf(document, context.workspace)[0]!;
    const { context: where } = contextAt(document.ast.directives, root.context, offset, text.length);
    const replace = { start, end };
    if (statement.length === 0) return directiveItems(where, replace);
    if (statement.length === 1) return valueItems(statement[0]!, where, replace);
    return [];
  },
};

/**
 * The words of the statement the cursor is in, before the word being typed; undefined inside a
 * comment or a quoted string.
 */
function statementBefore(text: string, wordStart: number): string[] | undefined {
  let boundary = wordStart;
  while (boundary > 0 && !';{}'.includes(text[boundary - 1]!)) boundary--;
  const lineStart = text.lastIndexOf('\n', wordStart - 1) + 1;
  const line = text.slice(lineStart, wordStart);
  if (line.includes('#') || (line.split('"').length - 1) % 2 === 1 || (line.split("'").length - 1) % 2 === 1) return undefined;
  const before = text
    .slice(boundary, wordStart)
    .split(/\r\n|\r|\n/)
    .map((part) => part.replace(/#.*$/, ''))
    .join(' ')
    .trim();
  return before === '' ? [] : before.split(/\s+/);
}

function directiveItems(where: NginxContext, replace: { start: number; end: number }): CompletionItem[] {
  if (where.kind !== 'directives') return [];
  return namesAllowedIn(where).map((name) => {
    const entries = entriesIn(name, where);
    const entry = entries[0]!;
    return {
      label: name,
      kind: 'directive' as const,
      detail: entries.flatMap((candidate) => candidate.syntax.map((syntax) => plainSyntax(candidate, syntax))).join('  |  '),
      documentation: directiveSummary(entry),
      insertText: snippetOf(entry),
      isSnippet: true,
      replace,
    };
  });
}

/** `proxy_buffering ${1|on,off|};`, `location ${1:/} {\n\t$0\n}`, `proxy_pass $0;`. */
function snippetOf(entry: DirectiveEntry): string {
  if (entry.isBlock) {
    const needsArgument = entry.shapes.some((shape) => shape.min > 0);
    return `${entry.name}${needsArgument ? ' ${1}' : ''} {\n\t$0\n}`;
  }
  const choices = fixedChoices([entry]);
  if (choices) return `${entry.name} \${1|${choices.join(',')}|};`;
  return entry.shapes.every((shape) => shape.max === 0) ? `${entry.name};` : `${entry.name} $0;`;
}

function valueItems(name: string, where: NginxContext, replace: { start: number; end: number }): CompletionItem[] {
  const inContext = entriesIn(name, where);
  const choices = fixedChoices(inContext.length > 0 ? inContext : entriesOf(name));
  return (choices ?? []).map((choice, index) => ({ label: choice, kind: 'value' as const, insertText: choice, replace, sortText: String(index).padStart(3, '0') }));
}

/** The values of a directive that takes exactly one word out of a fixed set (`on` | `off`). */
function fixedChoices(entries: readonly DirectiveEntry[]): string[] | undefined {
  const shapes = entries.flatMap((entry) => entry.shapes);
  if (shapes.length === 0 || shapes.some((shape) => !shape.fixed || shape.fixed.some((sequence) => sequence.length !== 1))) return undefined;
  const slots = shapes.flatMap((shape) => shape.fixed!.map((sequence) => sequence[0]!));
  if (slots.some((slot) => slot.kind !== 'literal')) return undefined;
  return [...new Set(slots.flatMap((slot) => (slot.kind === 'literal' ? slot.values : [])))];
}
