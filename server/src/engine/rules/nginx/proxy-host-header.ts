import type { NginxArgument, NginxDirective } from '../../parsers/nginx/ast';
import { walkDirectives } from '../../parsers/nginx/walk';
import type { Fix, Span } from '../../types';
import { defineRule, type RuleContext, type RuleWorkspace } from '../rule';
import { firstOnLine, insertLineBefore } from './support/edits';
import { rootContextsOf } from './support/fileContext';
import { nginxFilesOf } from './support/includes';
import { hasUnknownInclude, headerValue, scopeChain, type Scope, type ScopedDirective } from './support/scopes';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/** The blocks `proxy_pass` stands in. */
const PROXY_BLOCKS = new Set(['location', 'if', 'limit_except']);
/** `http://authority…`: the authority is what nginx sends as `Host` by default. */
const URL_AUTHORITY = /^(https?):\/\/([^/?#]*)/i;
const HOST_PORT = /^([^:]+)(?::(\d+))?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };
const PROXY_PARAMS = /(^|\/)proxy_params$/;
const HOST_LINE = 'proxy_set_header Host $host;';

/**
 * `proxy_pass http://backend;` with no `proxy_set_header Host` in effect: nginx sends
 * `Host: backend` (its default, `$proxy_host`), a name that is nobody's site, so an upstream that
 * picks its site or checks its allowed hosts by name rejects or mis-routes the request, and one
 * that builds links from it builds them with `backend`. Reported for an `upstream` block's name
 * and for single-label names (a compose service); not for addresses, `localhost`, `unix:`
 * sockets, variables, or dotted names (another site, which wants its own name).
 */
export const proxyHostHeader = defineRule({
  meta: {
    id: 'nginx/proxy-host-header',
    kinds: ['nginx'],
    defaultSeverity: 'info',
    description: '`proxy_pass` to an upstream block or an internal name with no `proxy_set_header Host` in effect: the upstream gets that name as `Host`, not the one the client asked for.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive, where, parents) => {
      if (directive.name !== 'proxy_pass' || where.family !== 'http') return;
      const block = parents[parents.length - 1];
      if (!block || !PROXY_BLOCKS.has(block.name)) return;
      const target = internalTarget(directive.args[0]);
      if (target) checkProxyPass(context, directive, block, parents.slice(0, -1), target);
    });
  },
});

interface Target {
  /** What nginx sends as `Host`: the name, with the port when one other than the scheme's is written. */
  readonly host: string;
  readonly name: string;
  readonly span: Span;
}

function internalTarget(arg: NginxArgument | undefined): Target | undefined {
  if (!arg || arg.templated) return undefined;
  const url = URL_AUTHORITY.exec(arg.value);
  if (!url) return undefined;
  const [, scheme, authority] = url;
  if (authority!.includes('$') || authority!.includes('@')) return undefined;
  const parts = HOST_PORT.exec(authority!);
  if (!parts) return undefined; // an IPv6 literal, or nothing at all
  const name = parts[1]!.toLowerCase();
  if (name === 'unix' || name === 'localhost' || IPV4.test(name)) return undefined;
  const port = parts[2];
  const host = port && port !== DEFAULT_PORTS[scheme!.toLowerCase()] ? `${parts[1]}:${port}` : parts[1]!;
  const start = arg.raw === arg.value ? arg.span.start + scheme!.length + 3 : arg.span.start;
  const span = arg.raw === arg.value ? { start, end: start + authority!.length } : arg.span;
  return { host, name, span };
}

// Apart from the visit: its closures would make V8 allocate a context for every directive visited.
function checkProxyPass(context: RuleContext<'nginx'>, proxyPass: NginxDirective, block: NginxDirective, parents: readonly NginxDirective[], target: Target): void {
  const { document, workspace } = context;
  if (target.name.includes('.') && !upstreamNames(workspace, document.uri, document.ast.directives).has(target.name)) return;
  const chain = scopeChain(block, parents, document.ast.directives, document.uri, workspace);
  const headers = headerLevel(chain);
  if (headers?.setsHost) return;
  const depth = headers ? chain.indexOf(headers.scope) + 1 : chain.length;
  // A file we cannot see may set it; so may the file including this one, when no level here sets any header.
  if (hasUnknownInclude(chain, depth)) return;
  if (!headers && isIncluded(context)) return;
  context.report({
    span: target.span,
    message:
      `nginx sends \`Host: ${quoteToken(target.host)}\` to this upstream (its default, \`$proxy_host\`): no \`proxy_set_header Host\` is in effect here.${lostHost(chain, headers?.scope)} ` +
      'An upstream that picks its site or checks allowed host names by the `Host` header rejects or mis-routes that name, and links it builds point to it; `proxy_set_header Host $host;` passes on the name the client asked for.',
    fixes: hostFix(context, proxyPass, chain, headers?.scope),
  });
}

/**
 * The level whose `proxy_set_header` lines are in effect (the nearest that has any), and whether
 * they set `Host`. The distribution's `proxy_params` (Debian, Ubuntu) sets `Host` among others.
 */
function headerLevel(chain: readonly Scope[]): { scope: Scope; setsHost: boolean } | undefined {
  for (const scope of chain) {
    const own = scope.named('proxy_set_header');
    const proxyParams = scope.named('include').some(includesProxyParams);
    if (own.length > 0 || proxyParams) return { scope, setsHost: proxyParams || headerValue(own, 'Host') !== undefined };
  }
  return undefined;
}

function includesProxyParams(entry: ScopedDirective): boolean {
  const pattern = entry.directive.args[0];
  return pattern !== undefined && PROXY_PARAMS.test(pattern.value);
}

function isIncluded(context: RuleContext<'nginx'>): boolean {
  return rootContextsOf(context.document, context.workspace)[0]!.reason === 'include';
}

/** When an enclosing level sets `Host` but this level's own headers replace that level's. */
function lostHost(chain: readonly Scope[], own: Scope | undefined): string {
  if (!own) return '';
  const outer = headerLevel(chain.slice(chain.indexOf(own) + 1));
  if (!outer?.setsHost) return '';
  const where = outer.scope.owner ? `\`${quoteToken(outer.scope.owner.name)}\`` : 'the top level';
  return ` The \`proxy_set_header Host\` of ${where} does not apply: \`${own.owner?.name ?? 'this block'}\` sets \`proxy_set_header\` lines of its own, and nginx then inherits none.`;
}

/**
 * The fix adds the line before `proxy_pass`, where the block already has its own headers or no
 * level has any; where the headers come from an enclosing level, one line here would stop them
 * being inherited, so no fix is offered.
 */
function hostFix(context: RuleContext<'nginx'>, proxyPass: NginxDirective, chain: readonly Scope[], headersScope: Scope | undefined): Fix[] {
  if (headersScope && headersScope !== chain[0]) return [];
  const { text, lines } = context.document;
  const edit = firstOnLine(text, proxyPass.span.start)
    ? insertLineBefore(text, lines.eol, proxyPass, HOST_LINE)
    : { span: { start: proxyPass.span.start, end: proxyPass.span.start }, newText: `${HOST_LINE} ` };
  return [{ title: 'Send the host the client asked for: `proxy_set_header Host $host;`', isPreferred: false, safety: 'choice', edits: [edit] }];
}

const upstreamCache = new WeakMap<RuleWorkspace, Set<string>>();

/** The names of the `upstream` blocks of the checked file and of the workspace's nginx files. */
function upstreamNames(workspace: RuleWorkspace, uri: string, directives: readonly NginxDirective[]): Set<string> {
  let names = upstreamCache.get(workspace);
  if (names) return names;
  names = new Set();
  addUpstreams(directives, names);
  for (const file of nginxFilesOf(workspace)) {
    if (file === uri) continue;
    const parsed = workspace.parse(file);
    if (parsed?.kind === 'nginx') addUpstreams(parsed.ast.directives, names);
  }
  upstreamCache.set(workspace, names);
  return names;
}

function addUpstreams(directives: readonly NginxDirective[], names: Set<string>): void {
  walkDirectives(directives, (directive) => {
    if (directive.name === 'upstream' && directive.args[0]) names.add(directive.args[0].value.toLowerCase());
  });
}
