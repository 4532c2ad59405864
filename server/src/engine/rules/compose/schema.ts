import { locatePath, spanOf } from '../../parsers/compose/nodes';
import type { Fix, Span } from '../../types';
import { defineRule } from '../rule';
import { schemaProblems } from './schemaValidation';

export default defineRule({
  meta: {
    id: 'compose/schema',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: 'Compose Specification violations (unknown keys, wrong types, invalid values), at the exact node.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    // Broken YAML gives data that would only repeat the syntax error in other words.
    if (file.data === undefined || file.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return;
    if (file.data === null) {
      ctx.report({ span: { start: 0, end: 0 }, message: 'This compose file is empty: Compose refuses it. Add a `services:` section.' });
      return;
    }
    const reported = new Set<string>();
    for (const problem of schemaProblems(file.data)) {
      const location = locatePath(file, problem.path);
      const found = location.depth === problem.path.length;
      const keySpan = spanOf(location.keyNode);
      const valueSpan = spanOf(location.valueNode);
      const span: Span | undefined = found ? (problem.at === 'key' ? keySpan ?? valueSpan : valueSpan ?? keySpan) : keySpan ?? valueSpan;
      if (!span) continue;
      const id = `${span.start}:${span.end}`;
      if (reported.has(id)) continue; // An anchor merged into several services is one mistake, in one place.
      reported.add(id);
      const fixes: Fix[] = [];
      if (problem.rename && found && keySpan) {
        fixes.push({ title: `Rename to \`${problem.rename}\``, isPreferred: true, edits: [{ span: keySpan, newText: problem.rename }] });
      }
      ctx.report({ span, message: problem.message, fixes });
    }
  },
});
