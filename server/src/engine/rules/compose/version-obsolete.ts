import { entryOf } from '../../parsers/compose/nodes';
import { lineAfter } from '../../parsers/compose/yamlText';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'compose/version-obsolete',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    description: 'The top-level `version:` is obsolete: Compose ignores it and warns.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    const version = entryOf(file, file.document.contents, 'version');
    if (!version || version.merged || !version.keyNode?.range) return;
    const text = ctx.document.text;
    const keyStart = version.keyNode.range[0];
    const valueEnd = (version.valueNode?.range?.[1] ?? version.keyNode.range[1]);
    const lineStart = ctx.document.lines.lineStart(ctx.document.lines.lineAt(keyStart));
    const { offset: nextLine } = lineAfter(text, valueEnd);
    // Delete the line and, when the next line is blank, that one too, so no gap is left at the top.
    let end = nextLine;
    const blank = /^[ \t]*(\r\n|\n|\r)/.exec(text.slice(end));
    if (blank && lineStart === 0) end += blank[0].length;
    ctx.report({
      span: { start: keyStart, end: valueEnd },
      message: 'The top-level `version:` is obsolete: Compose ignores it (and warns). Remove it.',
      fixes: [{ title: 'Remove `version:`', isPreferred: true, edits: [{ span: { start: lineStart, end }, newText: '' }] }],
    });
  },
});
