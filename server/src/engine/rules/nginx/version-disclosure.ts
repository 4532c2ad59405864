import { defineRule } from '../rule';
import { replaceArgument } from './support/fixes';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/** `server_tokens on` (or `build`): nginx's version appears in the `Server` header and on error pages. */
export const versionDisclosure = defineRule({
  meta: {
    id: 'nginx/version-disclosure',
    kinds: ['nginx'],
    defaultSeverity: 'info',
    description: '`server_tokens on` or `build`: the nginx version is sent in the `Server` header and on error pages.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      if (directive.name !== 'server_tokens') return;
      const arg = directive.args[0];
      if (!arg || (arg.value !== 'on' && arg.value !== 'build')) return;
      context.report({
        span: arg.span,
        message: `\`server_tokens ${quoteToken(arg.value)}\` sends nginx's version${arg.value === 'build' ? ' and build name' : ''} in the \`Server\` header and on error pages, telling scanners which vulnerabilities to try.`,
        fixes: [{ title: 'Use `server_tokens off`', isPreferred: true, edits: [replaceArgument(arg, 'off')] }],
      });
    });
  },
});
