import type { NginxDirective } from '../../parsers/nginx/ast';
import { defineRule } from '../rule';
import { insertIntoBlock } from './support/edits';
import { rootContextsOf } from './support/fileContext';
import { forEachDirective } from './support/visit';
import { effective, effectiveList, hasUnknownInclude, scopeChain } from './support/scopes';

const HSTS = 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;';
const REDIRECT = 'return 301 https://$host$request_uri;';

/**
 * TLS as the deployment guides set it up:
 * - `listen … ssl` with no `ssl_certificate` in the server or around it: nginx refuses to start
 *   (`no "ssl_certificate" is defined for the "listen ... ssl" directive`);
 * - in production, a server answering on port 80 with content instead of redirecting to HTTPS,
 *   when the file also has a TLS server or the product's guide puts it behind TLS;
 * - in production, a TLS server without `Strict-Transport-Security` when the product's guide
 *   requires HSTS.
 */
export const tls = defineRule({
  meta: {
    id: 'nginx/tls',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: '`listen … ssl` without a certificate; a production server on port 80 serving content instead of redirecting; HSTS missing where the guide requires it.',
    fixable: true,
  },
  check(context) {
    const { document, workspace, product, mode } = context;
    const root = rootContextsOf(document, workspace)[0]!;
    const servers: { server: NginxDirective; parents: readonly NginxDirective[] }[] = [];
    forEachDirective(document.ast.directives, root, (directive, where, parents) => {
      if (directive.name === 'server' && directive.block && where.family === 'http' && where.name === 'http') servers.push({ server: directive, parents });
    });
    const tlsServers = servers.filter(({ server }) => sslListen(server) !== undefined);
    const expectsTls = tlsServers.length > 0 || product?.nginx !== undefined;

    for (const { server, parents } of servers) {
      const chain = scopeChain(server, parents, document.ast.directives, document.uri, workspace);
      const ssl = sslListen(server);
      if (ssl && root.reason !== 'include' && !hasUnknownInclude(chain) && !effective(chain, 'ssl_certificate')) {
        context.report({
          span: ssl.span,
          message: 'This server listens with `ssl` but no `ssl_certificate` is set for it: nginx refuses to start (no "ssl_certificate" is defined for the "listen ... ssl" directive).',
          severity: 'error',
        });
      }
      if (mode !== 'production') continue;

      const plain = plainHttpListen(server);
      if (plain && expectsTls && !redirects(server) && servesContent(server)) {
        const onlyPlain = !ssl;
        const anchor = [...server.block!.children].reverse().find((child) => child.name === 'listen' || child.name === 'server_name');
        context.report({
          span: plain.span,
          message:
            `This server answers plain HTTP on port 80 with content instead of redirecting to HTTPS${tlsServers.length > 0 ? ' (this file configures TLS)' : ` (${product!.name}'s guide serves it over TLS)`}: ` +
            'logins, cookies and tokens travel unencrypted.' +
            (onlyPlain ? '' : ' Split it into a port-80 server that only redirects and the TLS server.'),
          fixes: onlyPlain && tlsServers.length > 0 ? [{ title: 'Redirect to HTTPS', isPreferred: true, edits: [insertIntoBlock(document.text, document.lines.eol, server, [REDIRECT], anchor)] }] : [],
        });
      }

      if (ssl && product?.nginx?.requiresHsts && !hasUnknownInclude(chain)) {
        const headers = effectiveList(chain, 'add_header')?.found ?? [];
        if (headers.some(({ directive }) => /^strict-transport-security$/i.test(directive.args[0]?.value ?? ''))) continue;
        const anchor = [...server.block!.children].reverse().find((child) => /^(listen|server_name|ssl_certificate|ssl_certificate_key)$/.test(child.name));
        context.report({
          span: ssl.span,
          message: `${product.name}'s deployment guide requires HSTS on its TLS server, and this server sends no \`Strict-Transport-Security\` header.`,
          severity: 'error',
          fixes: [{ title: 'Add the Strict-Transport-Security header', isPreferred: true, edits: [insertIntoBlock(document.text, document.lines.eol, server, [HSTS], anchor)] }],
        });
      }
    }
  },
});

/** The `ssl` parameter of the server's `listen`, if any. */
function sslListen(server: NginxDirective) {
  for (const listen of server.block!.children.filter((child) => child.name === 'listen')) {
    const ssl = listen.args.slice(1).find((arg) => arg.value === 'ssl');
    if (ssl) return ssl;
  }
  return undefined;
}

/** The port-80 argument of a plain `listen` (a server with no `listen` at all listens on 80 too: then its name). */
function plainHttpListen(server: NginxDirective): { span: { start: number; end: number } } | undefined {
  const listens = server.block!.children.filter((child) => child.name === 'listen');
  if (listens.length === 0) return { span: server.nameSpan };
  for (const listen of listens) {
    const address = listen.args[0];
    if (!address || listen.args.slice(1).some((arg) => arg.value === 'ssl' || arg.value === 'quic')) continue;
    if (/^(?:.*:)?80$/.test(address.value)) return { span: address.span };
  }
  return undefined;
}

/** True when the server (or its `location /`, or an `if` on the scheme) sends clients elsewhere. */
function redirects(server: NginxDirective): boolean {
  const isRedirect = (directive: NginxDirective) =>
    (directive.name === 'return' && /^30[1278]$/.test(directive.args[0]?.value ?? '')) ||
    (directive.name === 'return' && directive.args.length === 1 && /^https?:\/\//.test(directive.args[0]!.value)) ||
    (directive.name === 'rewrite' && (/^https:\/\//.test(directive.args[1]?.value ?? '') || /^(redirect|permanent)$/.test(directive.args[2]?.value ?? '')));
  return server.block!.children.some(
    (child) =>
      isRedirect(child) ||
      ((child.name === 'if' || (child.name === 'location' && child.args.map((arg) => arg.value).join(' ') === '/')) && (child.block?.children ?? []).some(isRedirect)),
  );
}

/** True when the server answers with content: a location (other than ACME challenges), a root, or a proxy. */
function servesContent(server: NginxDirective): boolean {
  return server.block!.children.some(
    (child) =>
      (child.name === 'location' && !child.args.some((arg) => arg.value.startsWith('/.well-known'))) ||
      /^(root|proxy_pass|fastcgi_pass|try_files)$/.test(child.name),
  );
}
