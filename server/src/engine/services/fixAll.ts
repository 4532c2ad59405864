import type { Diagnostic, ResolvedFix, ResolvedTextEdit } from '../types';

/**
 * The edits of "fix all": each diagnostic's preferred fix that edits only this document, in
 * document order, skipping any that overlaps an edit already taken (the next check offers it again).
 * `accepts` narrows the fixes taken (the command line's --fix-type picks by `fix.safety`); the
 * editor's "fix all" takes every preferred fix.
 */
export function fixAllEdits(uri: string, diagnostics: readonly Diagnostic[], accepts: (fix: ResolvedFix) => boolean = acceptsAll): ResolvedTextEdit[] {
  const taken: ResolvedTextEdit[] = [];
  const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start);
  for (const diagnostic of sorted) {
    const fix = diagnostic.fixes.find((candidate) => candidate.isPreferred);
    if (!fix || !accepts(fix) || fix.changes.some((change) => change.uri !== uri)) continue;
    const edits = fix.changes.flatMap((change) => change.edits);
    if (edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...edits);
  }
  return taken;
}

const acceptsAll = (): boolean => true;

function overlaps(a: ResolvedTextEdit, b: ResolvedTextEdit): boolean {
  const before = (x: ResolvedTextEdit['range']['start'], y: ResolvedTextEdit['range']['start']) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  const aEmpty = !before(a.range.start, a.range.end);
  const bEmpty = !before(b.range.start, b.range.end);
  // Two insertions at one point would interleave unpredictably; treat them as overlapping.
  if (aEmpty && bEmpty) return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}
