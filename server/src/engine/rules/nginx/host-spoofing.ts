import type { NginxArgument, NginxDirective } from '../../parsers/nginx/ast';
import { defineRule } from '../rule';
import { inHostPart, variablesIn } from './support/requestVariables';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const ABSOLUTE = /^(?:https?:\/\/|\$scheme)/;
const HOST_HEADERS: Readonly<Record<string, string>> = { http_host: '`Host`', http_x_forwarded_host: '`X-Forwarded-Host`' };

/**
 * `proxy_set_header Host $http_host;` or `return 301 https://$http_host$request_uri;`: the Host
 * header as the client wrote it, where `$host` (validated, and the server's own name when the
 * header is missing) is meant.
 */
export const hostSpoofing = defineRule({
  meta: {
    id: 'nginx/host-spoofing',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: '`$http_host` or `$http_x_forwarded_host` used for the upstream `Host` or a redirect\'s host, where `$host` is meant.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      const place = hostPlace(directive);
      if (!place) return;
      for (const use of variablesIn(place.arg)) {
        const header = HOST_HEADERS[use.name];
        if (!header || (place.hostPartOnly && !inHostPart(place.arg, use))) continue;
        const written = context.document.text.slice(use.span.start, use.span.end);
        const plain = use.name === 'http_host';
        context.report({
          span: use.span,
          message: `\`${quoteToken(written)}\` is the ${header} header exactly as the client sent it (any name, or empty when it is missing), used for ${place.what}; \`$host\` is the validated host name, or the server's own name when the header is missing.`,
          fixes: plain ? [{ title: 'Use `$host` (it drops the port the client sent)', isPreferred: false, safety: 'choice', edits: [{ span: use.span, newText: use.braced ? '${host}' : '$host' }] }] : [],
        });
      }
    });
  },
});

function hostPlace(directive: NginxDirective): { arg: NginxArgument; what: string; hostPartOnly: boolean } | undefined {
  const args = directive.args;
  switch (directive.name) {
    case 'proxy_set_header':
      return args.length >= 2 && args[0]!.value.toLowerCase() === 'host' ? { arg: args[1]!, what: 'the `Host` header sent upstream', hostPartOnly: false } : undefined;
    case 'add_header':
      return args.length >= 2 && args[0]!.value.toLowerCase() === 'location' ? { arg: args[1]!, what: 'the host of the `Location` header', hostPartOnly: true } : undefined;
    case 'return':
      if (args.length === 2 && REDIRECT_CODES.has(args[0]!.value)) return { arg: args[1]!, what: 'the host of the redirect', hostPartOnly: true };
      if (args.length === 1 && ABSOLUTE.test(args[0]!.value)) return { arg: args[0]!, what: 'the host of the redirect', hostPartOnly: true };
      return undefined;
    case 'rewrite':
      return args.length >= 2 && ABSOLUTE.test(args[1]!.value) ? { arg: args[1]!, what: 'the host of the redirect', hostPartOnly: true } : undefined;
  }
  return undefined;
}
