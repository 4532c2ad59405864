import { defineRule } from '../rule';
import { replaceArgument } from './support/fixes';
import { visitDirectives } from './support/visit';

/** `autoindex on`: nginx lists a folder's files for any request ending in `/` that has no index file. */
export const autoindex = defineRule({
  meta: {
    id: 'nginx/autoindex',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: '`autoindex on` in production: nginx lists the contents of every folder without an index file.',
    fixable: true,
  },
  check(context) {
    // Directory listings are a convenience on a development machine, a leak in production.
    if (context.mode !== 'production') return;
    visitDirectives(context, (directive) => {
      if (directive.name !== 'autoindex') return;
      const arg = directive.args[0];
      if (!arg || arg.value.toLowerCase() !== 'on') return;
      context.report({
        span: arg.span,
        message: '`autoindex on` lists the files of every folder under this block that has no index file, exposing backups, dumps and other files never linked to.',
        fixes: [{ title: 'Use `autoindex off`', isPreferred: true, edits: [replaceArgument(arg, 'off')] }],
      });
    });
  },
});
