import type { NginxArgument, NginxDirective } from '../../../parsers/nginx/ast';
import type { Span } from '../../../types';
import { argumentsFit } from '../../../parsers/nginx/arguments';
import { entriesIn, type NginxContext } from '../../../parsers/nginx/context';
import { entriesOf } from '../../../parsers/nginx/reference';
import { firstOnLine } from './edits';

/**
 * Two directives run together because a `;` is missing at the end of a line:
 *
 *     proxy_buffering off
 *     proxy_cache off;
 *
 * nginx reads one directive, `proxy_buffering off proxy_cache off`, and reports "invalid number
 * of arguments" on the second line. When a later line of a directive starts with the name of a
 * directive that fits there with the words after it, the `;` was most likely forgotten before it.
 * `certain` is true when the run-together directive is invalid (nginx rejects the file); when it
 * happens to be valid (`server_name a.example` followed by `listen 80;`) nginx silently reads the
 * next line as arguments, which is worth a warning.
 */
export interface MergedStatement {
  /** The last word of the first directive (its name or last argument): `;` belongs after it. */
  readonly before: Span;
  /** The word that starts the next directive. */
  readonly next: NginxArgument;
  readonly certain: boolean;
}

export function mergedStatement(text: string, directive: NginxDirective, context: NginxContext): MergedStatement | undefined {
  if (directive.block || directive.placeholder || directive.args.length === 0) return undefined;
  // A directive on one line has no word that starts a line: asked of every directive, this reads
  // its own text instead of each of its arguments.
  if (!hasLineBreak(text, directive.nameSpan.end, directive.span.end)) return undefined;
  const own = entriesFor(directive.name, context);
  if (own.length === 0) return undefined;
  for (let index = 0; index < directive.args.length; index++) {
    const word = directive.args[index]!;
    if (word.quote || !firstOnLine(text, word.span.start)) continue;
    const next = entriesIn(word.value, context);
    if (next.length === 0 || next.some((entry) => entry.isBlock)) continue;
    if (!argumentsFit(own, directive.args.slice(0, index)) || !argumentsFit(next, directive.args.slice(index + 1))) continue;
    return { before: index === 0 ? directive.nameSpan : directive.args[index - 1]!.span, next: word, certain: !argumentsFit(own, directive.args) };
  }
  return undefined;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

function entriesFor(name: string, context: NginxContext) {
  const inContext = entriesIn(name, context);
  return inContext.length > 0 ? inContext : entriesOf(name);
}
