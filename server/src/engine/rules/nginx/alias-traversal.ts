import { defineRule } from '../rule';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/**
 * `location /files { alias /data/; }`: nginx replaces the matched prefix `/files` with `/data/`,
 * so `/files../etc/passwd` becomes `/data/../etc/passwd` and escapes the aliased folder.
 */
export const aliasTraversal = defineRule({
  meta: {
    id: 'nginx/alias-traversal',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: 'A prefix location without a trailing `/` whose `alias` ends in `/`: `/files../` escapes the aliased folder.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      if (directive.name !== 'location' || !directive.block) return;
      const args = directive.args;
      if (args.length === 0 || args.length > 2) return;
      // Regex (`~`, `~*`) and exact (`=`) locations do not replace a prefix.
      if (args.length === 2 && args[0]!.value !== '^~') return;
      const prefix = args[args.length - 1]!;
      if (prefix.value.startsWith('@') || prefix.value.endsWith('/') || prefix.templated) return;
      for (const child of directive.block.children) {
        if (child.name !== 'alias') continue;
        const target = child.args[0];
        if (!target || !target.value.endsWith('/')) continue;
        context.report({
          span: prefix.span,
          message: `\`location ${quoteToken(prefix.raw)}\` has no trailing \`/\` but its \`alias ${quoteToken(target.raw)}\` has one: a request for \`${quoteToken(prefix.value)}../\` maps to \`${quoteToken(target.value)}../\` and escapes the aliased folder.`,
          related: [{ uri: context.document.uri, span: target.span, message: 'the alias ends in `/`' }],
          fixes: [{ title: `Change the location to \`${quoteToken(prefix.value)}/\``, isPreferred: true, edits: [{ span: { start: prefix.span.end - (prefix.quote ? 1 : 0), end: prefix.span.end - (prefix.quote ? 1 : 0) }, newText: '/' }] }],
        });
      }
    });
  },
});
