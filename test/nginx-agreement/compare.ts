import type { Diagnostic } from '../../server/src/engine/types';
import type { NginxDirective } from '../../server/src/engine/parsers/nginx/ast';
import { parseNginx } from '../../server/src/engine/parsers/nginx/parse';
import { LineIndex } from '../../server/src/engine/text';
import { walk } from './prepare';
import type { Verdict } from './nginxRun';

/*
 * How nginx's verdict and ours are compared. nginx stops at its first error; we report all.
 * - nginx accepts: we report no error from the four structural rules.
 * - nginx rejects for syntax, an unknown directive, a context or the arguments: we report an
 *   error of the matching rule in the statement nginx was reading (from its name to the line nginx
 *   names: nginx reports the line of the `;` or `{`), and no such error in any earlier statement,
 *   since nginx accepted those. "unexpected end of file" can only point at the end: there, our
 *   error naming the unclosed block (or the unterminated statement) anywhere is the match.
 * - nginx rejects a directive set twice in a block ("is duplicate"): nginx/duplicate-directive's
 *   error there, as for the structural rules.
 * - nginx rejects for another reason (a duplicate location, a zone used before it is declared):
 *   the lines before its error were accepted, so we must report no error there.
 */

export const STRUCTURAL_RULES = ['nginx/syntax', 'nginx/unknown-directive', 'nginx/directive-context', 'nginx/invalid-args', 'nginx/duplicate-directive'] as const;

export type Category = 'syntax' | 'unknown' | 'context' | 'arguments' | 'duplicate' | 'other';

export function categoryOf(message: string): Category {
  if (/^unexpected |^unexpected end of file|is not terminated by|has no opening "\{"/.test(message)) return 'syntax';
  if (/^unknown directive/.test(message)) return 'unknown';
  if (/directive is not allowed here/.test(message)) return 'context';
  if (/^"[^"]+" directive is duplicate$/.test(message)) return 'duplicate';
  if (/invalid number of|invalid value|invalid parameters? |must be "on" or "off"|directive invalid value|invalid number|invalid condition|invalid variable name|invalid location modifier/.test(message)) return 'arguments';
  return 'other';
}

const MATCHING: Readonly<Record<Exclude<Category, 'other'>, readonly string[]>> = {
  syntax: ['nginx/syntax'],
  unknown: ['nginx/unknown-directive'],
  context: ['nginx/directive-context'],
  // Two directives run together by a missing `;` are reported by nginx/syntax.
  arguments: ['nginx/invalid-args', 'nginx/syntax'],
  duplicate: ['nginx/duplicate-directive'],
};

export interface Comparison {
  readonly agree: boolean;
  readonly judged: boolean;
  readonly reason: string;
}

export function compare(text: string, verdict: Verdict, ours: readonly Diagnostic[]): Comparison {
  const errors = ours.filter((diagnostic) => diagnostic.severity === 'error' && (STRUCTURAL_RULES as readonly string[]).includes(diagnostic.rule));
  const lineOf = (diagnostic: Diagnostic) => diagnostic.range.start.line + 1;
  const describe = (list: readonly Diagnostic[]) => list.map((diagnostic) => `${lineOf(diagnostic)}: ${diagnostic.rule} ${diagnostic.message}`).join(' | ');
  if (verdict.accepted) {
    return errors.length === 0 ? { agree: true, judged: true, reason: 'both accept' } : { agree: false, judged: true, reason: `nginx accepts; we report ${describe(errors)}` };
  }
  const category = categoryOf(verdict.message);
  const statementStart = statementStartLine(text, verdict.line);
  // Our finding for a block left open is at the block, wherever nginx ends up.
  const openBlock = (diagnostic: Diagnostic) => diagnostic.rule === 'nginx/syntax' && /is never closed/.test(diagnostic.message);
  const early = errors.filter((diagnostic) => lineOf(diagnostic) < statementStart && !openBlock(diagnostic));
  if (category === 'other' || verdict.line === 0) {
    return early.length === 0
      ? { agree: true, judged: false, reason: `nginx: ${verdict.message} (not a structural error)` }
      : { agree: false, judged: true, reason: `nginx accepts every line before ${verdict.line} (${verdict.message}); we report ${describe(early)}` };
  }
  const rules = MATCHING[category];
  const endOfFile = /^unexpected end of file/.test(verdict.message);
  const match = errors.find(
    (diagnostic) =>
      rules.includes(diagnostic.rule) &&
      (endOfFile ? openBlock(diagnostic) || /Missing ";"|Unterminated/.test(diagnostic.message) : statementStart <= lineOf(diagnostic) && lineOf(diagnostic) <= verdict.line),
  );
  if (!match) return { agree: false, judged: true, reason: `nginx: line ${verdict.line}: ${verdict.message}; we report ${describe(errors) || 'nothing'}` };
  if (early.length > 0) return { agree: false, judged: true, reason: `nginx accepts every line before ${statementStart}; we also report ${describe(early)}` };
  return { agree: true, judged: true, reason: `both reject at line ${verdict.line} (${category})` };
}

/** The first line of the statement nginx was reading when it reported `line`. */
function statementStartLine(text: string, line: number): number {
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  let start = line;
  walk(parseNginx(text).directives, (directive: NginxDirective) => {
    const terminator = directive.semicolon ?? directive.block?.open;
    // A statement missing its `;` runs on to the next token nginx reads (the `}` it stops at).
    const last = directive.args[directive.args.length - 1]?.span ?? directive.nameSpan;
    const end = terminator ? terminator.end : nextTokenAfter(text, last.end);
    const first = lineOf(directive.nameSpan.start);
    if (first <= line && line <= lineOf(end) && first < start) start = first;
  });
  return start;
}

/** Offset of the next character nginx would read after `offset`: whitespace and comments skipped. */
function nextTokenAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length) {
    if (/\s/.test(text[at]!)) at++;
    else if (text[at] === '#') while (at < text.length && text[at] !== '\n') at++;
    else break;
  }
  return Math.min(at, text.length);
}
