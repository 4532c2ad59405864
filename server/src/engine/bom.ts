import type { CompletionItem, HoverResult } from './services/types';
import type { CheckResult } from './engine';
import type { Diagnostic, Position, Range, ResolvedFix, SourceDocument, Span } from './types';

/*
 * A leading byte-order mark, as some editors send it: the CLI drops it when it reads a file, so
 * every host checks the text after it alike. What the engine returns is then moved one character
 * right on the first line (offsets by one), to the positions of the text the host holds, and no
 * edit can touch the mark.
 */

const BOM = 0xfeff;

export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === BOM;
}

export function withoutBom(source: SourceDocument): SourceDocument {
  return { ...source, text: source.text.slice(1) };
}

/** An offset of the host's text, in the text after the mark. */
export function offsetWithoutBom(offset: number): number {
  return Math.max(0, offset - 1);
}

export function checkWithBom(result: CheckResult): CheckResult {
  return { ...result, diagnostics: result.diagnostics.map((diagnostic) => diagnosticWithBom(diagnostic)) };
}

export function hoverWithBom(hover: HoverResult | undefined): HoverResult | undefined {
  return hover && { ...hover, span: spanWithBom(hover.span) };
}

export function completionsWithBom(items: CompletionItem[]): CompletionItem[] {
  return items.map((item) => (item.replace ? { ...item, replace: spanWithBom(item.replace) } : item));
}

function diagnosticWithBom(diagnostic: Diagnostic): Diagnostic {
  const { uri } = diagnostic;
  return {
    ...diagnostic,
    span: spanWithBom(diagnostic.span),
    range: rangeWithBom(diagnostic.range),
    related: diagnostic.related.map((item) => (item.uri === uri ? { ...item, range: rangeWithBom(item.range) } : item)),
    fixes: diagnostic.fixes.map((fix) => fixWithBom(fix, uri)),
  };
}

function fixWithBom(fix: ResolvedFix, uri: string): ResolvedFix {
  return {
    ...fix,
    changes: fix.changes.map((change) => (change.uri === uri ? { ...change, edits: change.edits.map((edit) => ({ ...edit, range: rangeWithBom(edit.range) })) } : change)),
  };
}

function spanWithBom(span: Span): Span {
  return { start: span.start + 1, end: span.end + 1 };
}

function rangeWithBom(range: Range): Range {
  return { start: positionWithBom(range.start), end: positionWithBom(range.end) };
}

function positionWithBom(position: Position): Position {
  return position.line === 0 ? { line: 0, character: position.character + 1 } : position;
}
