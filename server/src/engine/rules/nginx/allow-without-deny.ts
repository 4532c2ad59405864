import type { NginxDirective } from '../../parsers/nginx/ast';
import type { Fix, TextEdit } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { firstOnLine, indentAt, lineEnd } from './support/edits';
import { effective, scopeChain, scopeOf, type Scope, type ScopedDirective } from './support/scopes';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/** The blocks `allow` and `deny` stand in (ngx_http_access_module, ngx_stream_access_module). */
const ACCESS_BLOCKS = new Set(['http', 'server', 'location', 'limit_except', 'stream']);
const DENY_ALL = 'deny all;';

/**
 * `allow 10.0.0.0/8;` with no `deny all` after it: nginx checks the access rules in order and
 * lets through an address that matches none, so the `allow` lines restrict nothing. A block's
 * own rules replace the enclosing block's, so a `deny all` of the server does not apply to a
 * location that has an `allow`. A block with `allow all` or `deny all` anywhere is left alone:
 * it says what happens to everyone else.
 */
export const allowWithoutDeny = defineRule({
  meta: {
    id: 'nginx/allow-without-deny',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: '`allow` lines with no `deny all` after them in the same block: every other address is let through too, so they restrict nothing.',
    fixable: true,
  },
  check(context) {
    const { document, workspace } = context;
    visitDirectives(context, (directive, _where, parents) => {
      if (!directive.block || !ACCESS_BLOCKS.has(directive.name)) return;
      const scope = scopeOf(directive, directive.block.children, document.uri, workspace);
      if (scope.has('allow') && !scope.unknownInclude) checkBlock(context, directive, parents, scope);
    });
  },
});

// Apart from the visit: its closures would make V8 allocate a context for every directive visited.
function checkBlock(context: RuleContext<'nginx'>, block: NginxDirective, parents: readonly NginxDirective[], scope: Scope): void {
  const { document, workspace } = context;
  const rules = accessRules(scope);
  if (rules.some(coversAll)) return;
  const allows = rules.filter((entry) => entry.directive.name === 'allow');
  const own = allows.filter((entry) => entry.uri === document.uri && block.block!.children.includes(entry.directive));
  const marked = own[own.length - 1];
  const chain = scopeChain(block, parents, document.ast.directives, document.uri, workspace);
  const subject = allows.length === 1 ? `\`allow ${quoteToken(allows[0]!.directive.args.map((arg) => arg.raw).join(' '))}\` restricts` : `these ${allows.length} \`allow\` lines restrict`;
  context.report({
    span: marked ? marked.directive.span : block.nameSpan,
    message:
      `No \`deny all\` follows the \`allow\` rules of \`${quoteToken(block.name)}\`: nginx checks access rules in order and lets through every address that matches none, so ${subject} nothing.` +
      `${inheritedDenyAll(chain)}${satisfyAny(chain)} Add \`deny all;\` after them.`,
    fixes: denyAllFix(context, block, rules),
  });
}

/** The block's `allow` and `deny` rules, in the order nginx checks them. */
function accessRules(scope: Scope): ScopedDirective[] {
  const rules: ScopedDirective[] = [];
  for (const entry of scope.directives) if (entry.directive.name === 'allow' || entry.directive.name === 'deny') rules.push(entry);
  return rules;
}

function coversAll(entry: ScopedDirective): boolean {
  return entry.directive.args[0]?.value.toLowerCase() === 'all';
}

/** When the nearest enclosing level with access rules ends them with `deny all`, which this block's own rules replace. */
function inheritedDenyAll(chain: readonly Scope[]): string {
  for (const scope of chain.slice(1)) {
    const rules = accessRules(scope);
    if (rules.length === 0) continue;
    if (!rules.some((entry) => entry.directive.name === 'deny' && coversAll(entry))) return '';
    const where = scope.owner ? `\`${quoteToken(scope.owner.name)}\`` : 'the top level';
    return ` The \`deny all\` of ${where} does not apply here: a block with access rules of its own inherits none.`;
  }
  return '';
}

function satisfyAny(chain: readonly Scope[]): string {
  const satisfy = effective(chain, 'satisfy')?.found.directive.args[0]?.value.toLowerCase();
  return satisfy === 'any' ? ' With `satisfy any`, every request passes this check, so the authentication beside it is never asked for either.' : '';
}

/** `deny all;` after the block's last access rule, on its own line at that rule's indentation when the rule ends its line. */
function denyAllFix(context: RuleContext<'nginx'>, block: NginxDirective, rules: readonly ScopedDirective[]): Fix[] {
  const last = rules[rules.length - 1]!;
  if (last.uri !== context.document.uri || !block.block!.children.includes(last.directive)) return [];
  const { text, lines } = context.document;
  const end = lineEnd(text, last.directive.span.end);
  const rest = text.slice(last.directive.span.end, end).trim();
  const ownLine = firstOnLine(text, last.directive.span.start) && (rest === '' || rest.startsWith('#'));
  const edit: TextEdit = ownLine
    ? { span: { start: end, end }, newText: `${lines.eol}${indentAt(text, last.directive.span.start)}${DENY_ALL}` }
    : { span: { start: last.directive.span.end, end: last.directive.span.end }, newText: ` ${DENY_ALL}` };
  return [{ title: 'Add `deny all;` after the `allow` rules', isPreferred: true, edits: [edit] }];
}
