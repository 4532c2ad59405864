import type { EnvEntry } from '../../parsers/env/ast';
import type { RelatedLocation } from '../../types';
import { defineRule } from '../rule';
import { appendLinesEdit, copiedValue, exampleOf } from './example';
import { quoteToken } from '../../quote';
import { firstEntriesOf } from './keys';

/** Missing keys named in one message; the rest are counted. */
const NAMED_IN_MESSAGE = 8;

export const exampleDrift = defineRule({
  meta: {
    id: 'env/example-drift',
    kinds: ['env'],
    defaultSeverity: 'warning',
    description: 'A `.env` that lacks keys its `.env.example` (`.sample`, `.template`, `.dist`) lists, or (as info) sets keys the example does not document.',
    fixable: true,
  },
  check({ document, product, workspace, report }) {
    const example = exampleOf(document.uri, workspace);
    if (!example) return;
    const own = firstEntriesOf(document.ast);
    const missing: EnvEntry[] = [];
    for (const [key, entry] of example.entries) if (!own.has(key)) missing.push(entry);

    if (missing.length > 0) {
      const names = missing.slice(0, NAMED_IN_MESSAGE).map((entry) => quoteToken(entry.key)).join(', ');
      const more = missing.length > NAMED_IN_MESSAGE ? ` and ${missing.length - NAMED_IN_MESSAGE} more` : '';
      const related: RelatedLocation[] = missing.map((entry) => ({ uri: example.uri, span: entry.keySpan, message: `${quoteToken(entry.key)} is listed here` }));
      const lines = missing.map((entry) => `${entry.key}=${copiedValue(example, entry, product)}`);
      report({
        span: { start: 0, end: document.lines.lineEnd(0) },
        message: `${missing.length === 1 ? '1 key' : `${missing.length} keys`} that \`${example.name}\` lists ${missing.length === 1 ? 'is' : 'are'} not set in this file: ${names}${more}. The app reads ${missing.length === 1 ? 'it' : 'them'} as unset. Add ${missing.length === 1 ? 'it' : 'them'}, or remove ${missing.length === 1 ? 'it' : 'them'} from the example if no longer read.`,
        related,
        fixes: [
          {
            title: `Add the ${missing.length === 1 ? 'key' : `${missing.length} keys`} from ${example.name} (secrets and placeholders left empty)`,
            isPreferred: true,
            edits: [appendLinesEdit(document.text, lines)],
          },
        ],
      });
    }

    for (const [key, entry] of own) {
      if (example.entries.has(key)) continue;
      report({
        span: entry.keySpan,
        severity: 'info',
        message: `${quoteToken(key)} is not in \`${example.name}\`: whoever sets up this deployment from the example will not know to set it. Add it there (with a placeholder if it is a secret).`,
      });
    }
  },
});
