import type { NginxDirective } from '../../parsers/nginx/ast';
import { defineRule, type RuleContext } from '../rule';
import { rootContextsOf } from './support/fileContext';
import { forEachDirective } from './support/visit';
import { effective, effectiveList, scopeChain, scopeOf, type Scope, type ScopedDirective } from './support/scopes';
import { quoteToken } from '../../quote';

const BLOCKS = new Set(['http', 'server', 'location', 'if', 'limit_except']);

/** The array directives a block's first occurrence replaces as a whole, and what one entry is called. */
const INHERITED: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['add_header', ['header', 'headers']],
  ['add_trailer', ['trailer', 'trailers']],
  ['proxy_set_header', ['header', 'headers']],
  ['proxy_hide_header', ['hidden header', 'hidden headers']],
  ['grpc_set_header', ['header', 'headers']],
  ['fastcgi_param', ['parameter', 'parameters']],
  ['uwsgi_param', ['parameter', 'parameters']],
  ['scgi_param', ['parameter', 'parameters']],
  ['error_page', ['error page', 'error pages']],
  ['limit_req', ['limit', 'limits']],
  ['limit_conn', ['limit', 'limits']],
]);
/** `add_header_inherit merge` (nginx 1.29.3+) and its trailer twin keep the parent's entries. */
const MERGE_SWITCH: Readonly<Record<string, string>> = { add_header: 'add_header_inherit', add_trailer: 'add_trailer_inherit' };

/**
 * nginx inherits an array directive (`add_header`, `proxy_set_header`, `fastcgi_param`,
 * `error_page`, `limit_req`, …) from an enclosing block only into blocks that have none of their
 * own: one `add_header` in a location silently drops every header the server set — HSTS,
 * `X-Frame-Options`, the Content-Security-Policy; one `proxy_set_header` drops `X-Real-IP` and
 * `X-Forwarded-For`. Reported at the block's first such directive when entries of an enclosing
 * block are lost (not when the block repeats them all, and not under `add_header_inherit merge`,
 * nginx 1.29.3+). The rule keeps its first id, from when it covered `add_header` only.
 */
export const headerInheritance = defineRule({
  meta: {
    id: 'nginx/header-inheritance',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: "An `add_header`, `proxy_set_header`, `fastcgi_param`, `error_page`, `limit_req`… in a block that silently drops the enclosing block's ones.",
    fixable: false,
  },
  check(context) {
    const { document, workspace } = context;
    const root = rootContextsOf(document, workspace)[0]!;
    forEachDirective(document.ast.directives, root, (directive, where, parents) => {
      if (where.family !== 'http' || !directive.block || !BLOCKS.has(directive.name)) return;
      // Most blocks set none of these: their chain of enclosing scopes is not needed.
      const scope = scopeOf(directive, directive.block.children, document.uri, workspace);
      if (setsInherited(scope.directives)) checkBlock(context, directive, parents, scope);
    });
  },
});

function setsInherited(directives: readonly ScopedDirective[]): boolean {
  for (const entry of directives) if (INHERITED.has(entry.directive.name)) return true;
  return false;
}

// Apart from the visit: its closures would make V8 allocate a context for every directive visited.
function checkBlock(context: RuleContext<'nginx'>, directive: NginxDirective, parents: readonly NginxDirective[], scope: Scope): void {
  const { document, workspace } = context;
  const chain = scopeChain(directive, parents, document.ast.directives, document.uri, workspace);
  for (const [name, nouns] of INHERITED) {
    const own = scope.named(name);
    if (own.length > 0) checkDirective(context, directive, chain, name, nouns, own);
  }
}

function checkDirective(context: RuleContext<'nginx'>, directive: NginxDirective, chain: readonly Scope[], name: string, nouns: readonly [string, string], own: readonly ScopedDirective[]): void {
  const { document } = context;
  const mergeSwitch = MERGE_SWITCH[name];
  if (mergeSwitch && effective(chain, mergeSwitch)?.found.directive.args[0]?.value.toLowerCase() === 'merge') return;
  const parent = effectiveList(chain.slice(1), name);
  if (!parent) return;
  const ownKeys = new Set(own.map(keyOf));
  const dropped = parent.found.filter((entry) => !ownKeys.has(keyOf(entry)));
  if (dropped.length === 0) return;
  const first = own.find((entry) => entry.uri === document.uri) ?? own[0]!;
  const names = [...new Set(dropped.map(shownKey))];
  const from = parent.scope.owner ? `\`${label(parent.scope.owner)}\`` : 'the top level';
  context.report({
    span: first.uri === document.uri ? first.directive.nameSpan : directive.nameSpan,
    message:
      `This \`${name}\` stops \`${label(directive)}\` from inheriting ${names.length === 1 ? `the ${nouns[0]}` : `${names.length} ${nouns[1]}`} set in ${from}: ${names.map((key) => `\`${quoteToken(key)}\``).join(', ')}. ` +
      `nginx inherits \`${name}\` only into blocks that set none; repeat them here, or move them all into a snippet included in both.`,
    related: dropped.map((entry) => ({ uri: entry.uri, span: entry.directive.span, message: `\`${quoteToken(shownKey(entry))}\` does not apply to \`${label(directive)}\`` })),
  });
}

/**
 * What makes two entries the same setting: the header or parameter name, `error_page`'s codes,
 * a limit's zone. Only names are shown in messages, never values (a header's value may be a credential).
 */
function shownKey(entry: ScopedDirective): string {
  const { name, args } = entry.directive;
  if (name === 'error_page') return args.slice(0, -1).map((arg) => arg.value).filter((value) => !value.startsWith('=')).join(' ');
  if (name === 'limit_req') return args.find((arg) => arg.value.startsWith('zone='))?.value.slice(5) ?? '';
  return args[0]?.value ?? '';
}

function keyOf(entry: ScopedDirective): string {
  const key = shownKey(entry);
  return entry.directive.name.endsWith('_param') ? key : key.toLowerCase();
}

function label(directive: NginxDirective): string {
  // An `if` condition may compare a credential (`$http_authorization = "Bearer …"`).
  if (directive.name === 'if') return 'if (…)';
  return quoteToken([directive.name, ...directive.args.map((arg) => arg.raw)].join(' '));
}
