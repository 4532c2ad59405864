import { entriesIn } from '../../parsers/nginx/context';
import { entriesOf } from '../../parsers/nginx/reference';
import { defineRule } from '../rule';
import { mergedStatement } from './support/merged';
import { isTemplated, visitDirectives } from './support/visit';

/**
 * What nginx rejects before it looks at any directive's meaning: unbalanced braces, a missing
 * `;`, an unterminated quote (from the parser); a directive that takes no block but is followed
 * by `{`, or needs one and is followed by `;`; and two directives run together by a `;` missing
 * at the end of a line.
 */
export const nginxSyntax = defineRule({
  meta: {
    id: 'nginx/syntax',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: 'Unbalanced braces, a missing `;`, an unterminated quote, or a block where nginx expects none.',
    fixable: true,
  },
  check(context) {
    const { ast, text } = context.document;
    for (const error of ast.errors) {
      context.report({
        span: error.span,
        message: error.message,
        ...(error.repair ? { fixes: [{ title: error.repair.title, isPreferred: true, edits: [{ span: error.repair.span, newText: error.repair.newText }] }] } : {}),
      });
    }
    visitDirectives(context, (directive, where) => {
      if (where.kind === 'data') {
        if (directive.block) {
          context.report({
            span: directive.block.open,
            message: `Unexpected "{" inside \`${where.name}\`: its entries are \`key value;\` lines, not blocks.`,
          });
        }
        return;
      }
      if (where.kind !== 'directives' || directive.placeholder || isTemplated(directive.name)) return;
      const inContext = entriesIn(directive.name, where);
      const entries = inContext.length > 0 ? inContext : entriesOf(directive.name);
      if (entries.length === 0) return;
      if (directive.block && !directive.block.raw && !entries.some(isBlockEntry)) {
        context.report({
          span: directive.nameSpan,
          message: `\`${directive.name}\` takes no block: it must end with ";" (nginx reports directive "${directive.name}" is not terminated by ";").`,
        });
      } else if (directive.semicolon && entries.every(isBlockEntry)) {
        context.report({
          span: directive.nameSpan,
          message: `\`${directive.name}\` needs a block: it must be followed by "{ … }", not ";" (nginx reports directive "${directive.name}" has no opening "{").`,
        });
      }
      const merged = mergedStatement(text, directive, where);
      if (merged) {
        const message = merged.certain
          ? `Missing ";" at the end of this line: nginx reads \`${merged.next.value}\` on the next line as more arguments of \`${directive.name}\` and reports "invalid number of arguments".`
          : `Missing ";" at the end of this line? nginx reads \`${merged.next.value}\` on the next line as another argument of \`${directive.name}\`.`;
        context.report({
          span: merged.before,
          message,
          ...(merged.certain ? {} : { severity: 'warning' as const }),
          fixes: [{ title: 'Insert ";"', isPreferred: merged.certain, edits: [{ span: { start: merged.before.end, end: merged.before.end }, newText: ';' }] }],
        });
      }
    });
  },
});

function isBlockEntry(entry: { readonly isBlock: boolean }): boolean {
  return entry.isBlock;
}
