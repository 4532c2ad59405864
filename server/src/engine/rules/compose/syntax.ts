import { valueInterpolations } from '../../parsers/compose/valueInterpolations';
import { defineRule } from '../rule';
import { quoteToken } from '../../quote';

export default defineRule({
  meta: {
    id: 'compose/syntax',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: 'YAML that Compose cannot read: syntax errors, duplicate keys, an invalid `$` interpolation.',
    fixable: false,
  },
  check(ctx) {
    const file = ctx.document.ast;
    for (const error of file.errors) ctx.report({ span: error.span, message: error.message });
    for (const warning of file.warnings) ctx.report({ span: warning.span, message: warning.message, severity: 'warning' });
    for (const span of valueInterpolations(file).invalid) {
      const written = ctx.document.text.slice(span.start, span.end);
      ctx.report({
        span,
        message: `Invalid interpolation \`${quoteToken(written)}\`: Compose refuses the file. Write \`$$\` for a literal \`$\`, or \`\${NAME}\` for a variable.`,
        fixes: written.length <= 2 && !written.startsWith('${') ? [{ title: 'Escape the `$` as `$$`', edits: [{ span: { start: span.start, end: span.start + 1 }, newText: '$$' }] }] : [],
      });
    }
  },
});
