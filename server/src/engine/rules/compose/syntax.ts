import { isScalar, visit } from 'yaml';
import { scanInterpolation } from '../../parsers/compose/interpolation';
import type { ComposeFile } from '../../parsers/compose/ast';
import type { Span } from '../../types';
import { defineRule } from '../rule';

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
    for (const span of invalidInterpolations(file)) {
      const written = ctx.document.text.slice(span.start, span.end);
      ctx.report({
        span,
        message: `Invalid interpolation \`${written}\`: Compose refuses the file. Write \`$$\` for a literal \`$\`, or \`\${NAME}\` for a variable.`,
        fixes: written.length <= 2 && !written.startsWith('${') ? [{ title: 'Escape the `$` as `$$`', edits: [{ span: { start: span.start, end: span.start + 1 }, newText: '$$' }] }] : [],
      });
    }
  },
});

/** `$` sequences in string values that Compose's interpolation rejects (keys are not interpolated). */
function invalidInterpolations(file: ComposeFile): Span[] {
  const spans: Span[] = [];
  visit(file.document, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string' || !node.range || !node.value.includes('$')) return;
      const [start, end] = node.range;
      spans.push(...scanInterpolation(file.text.slice(start, end), start).invalid);
    },
  });
  return spans;
}
