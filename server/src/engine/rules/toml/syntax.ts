import { defineRule } from '../rule';

/** TOML the product's parser would refuse: the whole file fails to load, so every setting in it is lost. */
export const tomlSyntax = defineRule({
  meta: {
    id: 'toml/syntax',
    kinds: ['toml'],
    defaultSeverity: 'error',
    description: 'TOML that does not parse: a missing `=`, an unterminated string, a key or table defined twice, a malformed value.',
    fixable: false,
  },
  check({ document, report }) {
    for (const error of document.ast.errors) {
      report({ span: error.span, message: error.message });
    }
  },
});
