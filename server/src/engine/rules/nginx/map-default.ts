import { defineRule } from '../rule';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/** Entries of a `map` block that are parameters, not source values. */
const MAP_PARAMETERS = new Set(['default', 'hostnames', 'volatile', 'include']);

/** `map $a $b { … }` without `default`: a value that matches no entry gives `$b` an empty string. */
export const mapDefault = defineRule({
  meta: {
    id: 'nginx/map-default',
    kinds: ['nginx'],
    defaultSeverity: 'info',
    description: 'A `map` block without a `default` entry: a value that matches none of its entries gives the result variable an empty string.',
    fixable: false,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      if (directive.name !== 'map' || !directive.block || directive.args.length < 2) return;
      const entries = directive.block.children;
      // An included file may hold the default; what it holds is not known here.
      if (entries.some((entry) => entry.name === 'default' || entry.name === 'include')) return;
      if (!entries.some((entry) => !MAP_PARAMETERS.has(entry.name))) return;
      const [source, result] = directive.args;
      context.report({
        span: { start: directive.nameSpan.start, end: result!.span.end },
        message: `\`map ${quoteToken(source!.raw)} ${quoteToken(result!.raw)}\` has no \`default\`: a value that matches none of its entries sets \`${quoteToken(result!.raw)}\` to an empty string. Add \`default …;\` to say what it should be.`,
      });
    });
  },
});
