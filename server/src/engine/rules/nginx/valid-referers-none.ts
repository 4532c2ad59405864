import { defineRule } from '../rule';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/** The `valid_referers` values that let a request through without a Referer anyone must send. */
const REFERER_ABSENT: Readonly<Record<string, string>> = {
  none: 'a request without a `Referer` header',
  blocked: 'a request whose `Referer` does not start with `http://` or `https://`',
};

/** `valid_referers none` or `blocked`: `$invalid_referer` stays empty for requests anyone can make. */
export const validReferersNone = defineRule({
  meta: {
    id: 'nginx/valid-referers-none',
    kinds: ['nginx'],
    defaultSeverity: 'info',
    description: '`valid_referers none` or `blocked`: any page can strip or mangle its `Referer`, so the hotlink or origin check it feeds lets those requests through.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      if (directive.name !== 'valid_referers') return;
      directive.args.forEach((arg, index) => {
        const passes = REFERER_ABSENT[arg.value];
        if (!passes) return;
        const previous = directive.args[index - 1];
        const next = directive.args[index + 1];
        // Removing the only value would leave a directive nginx refuses.
        const removal = previous ? { start: previous.span.end, end: arg.span.end } : next ? { start: arg.span.start, end: next.span.start } : undefined;
        context.report({
          span: arg.span,
          message: `\`valid_referers ${quoteToken(arg.value)}\` accepts ${passes}: any site can send one (a \`Referrer-Policy: no-referrer\` page does), so \`$invalid_referer\` does not stop it.`,
          fixes: removal ? [{ title: `Remove \`${quoteToken(arg.value)}\` (direct visits without a Referer are then refused too)`, isPreferred: false, safety: 'choice', edits: [{ span: removal, newText: '' }] }] : [],
        });
      });
    });
  },
});
