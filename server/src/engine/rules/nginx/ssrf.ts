import { defineRule } from '../rule';
import { inHostPart, requestVariablesOf, variablesIn } from './support/requestVariables';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

const PASS_DIRECTIVES = new Set(['proxy_pass', 'fastcgi_pass', 'grpc_pass', 'uwsgi_pass', 'scgi_pass']);

/**
 * `proxy_pass http://$http_x_backend;`: the server nginx connects to comes from the request, so a
 * client can make nginx reach any host it can, internal ones included.
 */
export const ssrf = defineRule({
  meta: {
    id: 'nginx/ssrf',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: 'A `proxy_pass` (or `fastcgi_pass`, `grpc_pass`, …) whose host comes from the request: the client picks which server nginx connects to.',
    fixable: false,
  },
  check(context) {
    const variables = requestVariablesOf(context.document.ast);
    visitDirectives(context, (directive, _where, parents) => {
      if (!PASS_DIRECTIVES.has(directive.name)) return;
      const target = directive.args[0];
      if (!target) return;
      for (const use of variablesIn(target)) {
        if (!inHostPart(target, use)) continue;
        const taint = variables.taintOf(use, { directive, parents });
        if (!taint?.host) continue;
        context.report({
          span: use.span,
          message: `\`${quoteToken(directive.name)}\` takes the server to connect to from \`${quoteToken(context.document.text.slice(use.span.start, use.span.end))}\`, which is ${taint.origin}: a client can make nginx connect to any host it names, internal ones included (server-side request forgery).`,
        });
      }
    });
  },
});
