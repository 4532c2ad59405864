import type { NginxDirective } from '../../parsers/nginx/ast';
import { defineRule, type RuleContext } from '../rule';
import { rootContextsOf } from './support/fileContext';
import { forEachDirective } from './support/visit';
import { effective, effectiveList, scopeChain, scopeOf, type ScopedDirective } from './support/scopes';

const BLOCKS = new Set(['http', 'server', 'location', 'if', 'limit_except']);

/**
 * nginx inherits `add_header` from an enclosing block only into blocks that have no `add_header`
 * of their own: one `add_header` in a location silently drops every header the server set —
 * HSTS, `X-Frame-Options`, the Content-Security-Policy. Reported at the block's first
 * `add_header` when headers of an enclosing block are lost (not when the block repeats them
 * all, and not under `add_header_inherit merge`, nginx 1.29.3+).
 */
export const headerInheritance = defineRule({
  meta: {
    id: 'nginx/header-inheritance',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: "An `add_header` in a block that silently drops the enclosing block's `add_header`s.",
    fixable: false,
  },
  check(context) {
    const { document, workspace } = context;
    const root = rootContextsOf(document, workspace)[0]!;
    forEachDirective(document.ast.directives, root, (directive, where, parents) => {
      if (where.family !== 'http' || !directive.block || !BLOCKS.has(directive.name)) return;
      // Most blocks set no header: their chain of enclosing scopes is not needed.
      const own = scopeOf(directive, directive.block.children, document.uri, workspace).named('add_header');
      if (own.length > 0) checkBlock(context, directive, parents, own);
    });
  },
});

// Apart from the visit: its closures would make V8 allocate a context for every directive visited.
function checkBlock(context: RuleContext<'nginx'>, directive: NginxDirective, parents: readonly NginxDirective[], own: readonly ScopedDirective[]): void {
  const { document, workspace } = context;
  const chain = scopeChain(directive, parents, document.ast.directives, document.uri, workspace);
  const inherit = effective(chain, 'add_header_inherit')?.found.directive.args[0]?.value.toLowerCase();
  if (inherit === 'merge') return;
  const parent = effectiveList(chain.slice(1), 'add_header');
  if (!parent) return;
  const ownNames = new Set(own.map(headerName));
  const dropped = parent.found.filter((entry) => !ownNames.has(headerName(entry)));
  if (dropped.length === 0) return;
  const first = own.find((entry) => entry.uri === document.uri) ?? own[0]!;
  const names = [...new Set(dropped.map((entry) => entry.directive.args[0]?.value ?? ''))];
  const from = parent.scope.owner ? `\`${label(parent.scope.owner)}\`` : 'the top level';
  context.report({
    span: first.uri === document.uri ? first.directive.nameSpan : directive.nameSpan,
    message:
      `This \`add_header\` stops \`${label(directive)}\` from inheriting ${names.length === 1 ? 'the header' : `${names.length} headers`} set in ${from}: ${names.map((name) => `\`${name}\``).join(', ')}. ` +
      'nginx inherits `add_header` only into blocks that set none; repeat them here, or move them all into a snippet included in both.',
    related: dropped.map((entry) => ({ uri: entry.uri, span: entry.directive.span, message: `\`${entry.directive.args[0]?.value ?? ''}\` is not sent for \`${label(directive)}\`` })),
  });
}

function headerName(entry: ScopedDirective): string {
  return (entry.directive.args[0]?.value ?? '').toLowerCase();
}

function label(directive: NginxDirective): string {
  // An `if` condition may compare a credential (`$http_authorization = "Bearer …"`).
  if (directive.name === 'if') return 'if (…)';
  const text = [directive.name, ...directive.args.map((arg) => arg.raw)].join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
