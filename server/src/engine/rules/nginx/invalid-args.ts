import { argumentProblem, describeCount, describeSlots } from '../../parsers/nginx/arguments';
import type { NginxDirective } from '../../parsers/nginx/ast';
import { entriesIn, type NginxContext } from '../../parsers/nginx/context';
import type { Slot } from '../../parsers/nginx/syntax';
import { entriesOf } from '../../parsers/nginx/reference';
import { defineRule, type RuleContext } from '../rule';
import { mergedStatement } from './support/merged';
import { isTemplated, visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/**
 * Arguments nginx refuses: a count no documented form takes (`proxy_buffering on off;`), a value
 * outside a fixed set (`proxy_buffering maybe;`), or one that is not a size, time or number where
 * the syntax asks for one (`client_max_body_size 10 MB;`). Also the entries of `map`, `geo` and
 * `charset_map` blocks, which are always `key value;`.
 */
export const invalidArgs = defineRule({
  meta: {
    id: 'nginx/invalid-args',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: "A directive's argument count or value is not allowed by its syntax (e.g. `proxy_buffering maybe;`).",
    fixable: false,
  },
  check(context) {
    visitDirectives(context, (directive, where) => {
      if (directive.placeholder || isTemplated(directive.name) || directive.args.some((arg) => arg.templated)) return;
      if (where.kind === 'data') checkEntry(context, directive, where);
      else if (where.kind === 'directives') checkDirective(context, directive, where);
    });
  },
});

function checkDirective(context: RuleContext<'nginx'>, directive: NginxDirective, where: NginxContext): void {
  const inContext = entriesIn(directive.name, where);
  const entries = inContext.length > 0 ? inContext : entriesOf(directive.name);
  if (entries.length === 0 || (directive.block?.raw ?? false)) return;
  // Reported by nginx/syntax as a missing `;`.
  if (mergedStatement(context.document.text, directive, where)) return;
  const count = directive.args.length;
  const problem = argumentProblem(entries, directive.args);
  if (!problem) return;
  if (problem.kind === 'count') {
    // Too many: mark the words past the last one nginx takes; too few: the name.
    const max = maxOf(entries);
    context.report({
      span: count > max ? { start: directive.args[max]!.span.start, end: directive.args[count - 1]!.span.end } : directive.nameSpan,
      message: `\`${directive.name}\` takes ${describeCount(entries)}, not ${count} (nginx reports "invalid number of arguments").${syntaxHint(entries)}`,
    });
    return;
  }
  const arg = directive.args[problem.index]!;
  const shown = mayQuote(directive, problem.index) ? ` \`${quoteToken(arg.raw)}\`` : '';
  context.report({
    span: arg.span,
    message:
      problem.kind === 'value'
        ? `Invalid value${shown} for \`${directive.name}\`: it takes ${describeSlots(problem.slots)} here.${commercialNote(problem.slots)}`
        : `Invalid parameter${shown} for \`${directive.name}\`: it is none of the directive's documented parameters (nginx reports "invalid parameter").${syntaxHint(entries)}`,
  });
}

/**
 * A value is quoted only when it looks like a keyword and nothing before it suggests a credential
 * (`add_header Authorization Bearer …`, `ssl_password_file`): a secret never reaches a message.
 */
function mayQuote(directive: NginxDirective, index: number): boolean {
  const before = [directive.name, ...directive.args.slice(0, index).map((arg) => arg.value)];
  return /^[\w.:=-]{1,32}$/.test(directive.args[index]!.value) && !before.some((word) => /secret|passw|token|key|auth|credential|bearer|cookie|session/i.test(word));
}

function commercialNote(slots: readonly Slot[]): string {
  const commercial = slots.find((slot): slot is Extract<Slot, { kind: 'commercial' }> => slot.kind === 'commercial');
  return commercial ? ` (A free-form \`${commercial.name}\` needs the commercial NGINX Plus.)` : '';
}

/** `map`, `geo` and `charset_map` entries are exactly a key and a value (checked against nginx). */
function checkEntry(context: RuleContext<'nginx'>, entry: NginxDirective, block: NginxContext): void {
  if (entry.block) return;
  const single: Readonly<Record<string, readonly string[]>> = { map: ['hostnames', 'volatile'], geo: ['ranges', 'proxy_recursive'], charset_map: [] };
  const keywords = single[block.name];
  if (!keywords) return;
  const words = entry.args.length + 1;
  if (words === 2 || (words === 1 && keywords.includes(entry.name))) return;
  context.report({
    span: { start: entry.nameSpan.start, end: entry.args.length > 0 ? entry.args[entry.args.length - 1]!.span.end : entry.nameSpan.end },
    message: `A \`${block.name}\` entry is a key and a value (\`key value;\`), not ${words} ${words === 1 ? 'word' : 'words'} (nginx reports "invalid number of the ${block.name} parameters").`,
  });
}

function maxOf(entries: ReturnType<typeof entriesOf>): number {
  return Math.max(...entries.flatMap((entry) => entry.shapes.map((shape) => shape.max)));
}

function syntaxHint(entries: ReturnType<typeof entriesOf>): string {
  const lines = [...new Set(entries.flatMap((entry) => entry.syntax))].slice(0, 2).map((syntax) => syntax.replace(/<[^>]+>/g, '').replace(/&hellip;/g, '…').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim());
  const name = entries[0]!.name;
  return lines.length > 0 ? ` Syntax: ${lines.map((line) => `\`${name}${line ? ` ${line}` : ''}${line.endsWith('{...}') ? '' : ';'}\``).join(' or ')}` : '';
}
