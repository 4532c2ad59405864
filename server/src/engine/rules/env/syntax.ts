import { defineRule } from '../rule';

/** A line dotenv skips or reads differently than it looks: the setting on it never reaches the app. */
export const envSyntax = defineRule({
  meta: {
    id: 'env/syntax',
    kinds: ['env'],
    defaultSeverity: 'error',
    description: 'A line that is not a comment, blank, or `KEY=VALUE` (with optional `export `), or a quote that is never closed.',
    fixable: false,
  },
  check({ document, report }) {
    for (const error of document.ast.errors) report({ span: error.span, message: error.message });
  },
});
