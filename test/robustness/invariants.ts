/**
 * What must hold for any input, whatever the engine makes of it: checking returns (no throw, no
 * `deploy-doctor/internal-error`), every range lies inside the document it names (diagnostics,
 * related locations, fix edits), hover and completion answer without throwing and point inside
 * the text, and applying an offered fix gives a text that still checks without internal errors.
 */
import { strict as assert } from 'node:assert';
import { Engine, LineIndex, pathToUri, type CheckResult, type FileKind, type Range, type SourceDocument, type WorkspaceView } from '../../server/src/engine';
import { applyEdits } from '../../server/src/engine/testing';

export const INTERNAL_ERROR = 'deploy-doctor/internal-error';

/** A workspace of in-memory files (absolute paths), the checked one included. */
export function workspaceOf(files: Readonly<Record<string, string>>): WorkspaceView & { readonly byUri: Map<string, string> } {
  const byUri = new Map(Object.entries(files).map(([path, text]) => [pathToUri(path), text]));
  return { byUri, readText: (uri) => byUri.get(uri), files: () => [...byUri.keys()] };
}

/** True when `range` addresses real positions of `text` (characters within their line) in order. */
export function rangeInside(text: string, range: Range, lines = new LineIndex(text)): boolean {
  const valid = (position: Range['start']) =>
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.character >= 0 &&
    position.line < lines.lineCount &&
    position.character <= lines.lineEnd(position.line) - lines.lineStart(position.line);
  if (!valid(range.start) || !valid(range.end)) return false;
  return lines.offsetAt(range.start) <= lines.offsetAt(range.end);
}

export interface CheckedCase {
  readonly kind: FileKind;
  readonly path: string;
  readonly text: string;
  /** Other files of the workspace, by absolute path. */
  readonly files: Readonly<Record<string, string>>;
  /** Cursor offsets to ask hover and completion at (taken modulo the text's length + 1). */
  readonly cursors: readonly number[];
  /** Which offered fixes to apply (indexes into all fixes, modulo their count). */
  readonly fixPicks: readonly number[];
}

/** Checks one case against every invariant; the message names the origin for a reproducible failure. */
export function assertEngineInvariants(engine: Engine, input: CheckedCase, origin: string): CheckResult {
  const uri = pathToUri(input.path);
  const workspace = workspaceOf({ ...input.files, [input.path]: input.text });
  const source: SourceDocument = { uri, text: input.text, kind: input.kind };
  const where = () => `${origin}: ${JSON.stringify(input.text.length > 300 ? `${input.text.slice(0, 300)}…` : input.text)}`;
  const result = engine.check(source, workspace);
  // One line index per text: building one per range would make this check quadratic in findings.
  const indexes = new Map<string, LineIndex>();
  const linesOf = (text: string) => {
    let index = indexes.get(text);
    if (!index) indexes.set(text, (index = new LineIndex(text)));
    return index;
  };
  const lines = linesOf(input.text);
  for (const diagnostic of result.diagnostics) {
    assert.notEqual(diagnostic.rule, INTERNAL_ERROR, `${diagnostic.message} — ${where()}`);
    assert.ok(diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= input.text.length, `${diagnostic.rule} span outside the text — ${where()}`);
    assert.ok(rangeInside(input.text, diagnostic.range, lines), `${diagnostic.rule} range ${JSON.stringify(diagnostic.range)} outside the text — ${where()}`);
    for (const related of diagnostic.related) {
      const other = related.uri === uri ? input.text : workspace.byUri.get(related.uri);
      assert.ok(other !== undefined, `${diagnostic.rule} related location in an unknown file ${related.uri} — ${where()}`);
      assert.ok(rangeInside(other, related.range, linesOf(other)), `${diagnostic.rule} related range outside ${related.uri} — ${where()}`);
    }
    for (const fix of diagnostic.fixes) {
      for (const change of fix.changes) {
        const target = change.uri === uri ? input.text : (workspace.byUri.get(change.uri) ?? (change.create ? '' : undefined));
        assert.ok(target !== undefined, `${diagnostic.rule} fix "${fix.title}" edits a missing file ${change.uri} without creating it — ${where()}`);
        for (const edit of change.edits) assert.ok(rangeInside(target, edit.range, linesOf(target)), `${diagnostic.rule} fix "${fix.title}" edit outside ${change.uri} — ${where()}`);
      }
    }
  }

  for (const cursor of input.cursors) {
    const offset = cursor % (input.text.length + 1);
    const hover = engine.hover(source, workspace, offset);
    if (hover) assert.ok(hover.span.start >= 0 && hover.span.start <= hover.span.end && hover.span.end <= input.text.length, `hover span outside the text at ${offset} — ${where()}`);
    for (const item of engine.complete(source, workspace, offset)) {
      if (item.replace) assert.ok(item.replace.start >= 0 && item.replace.start <= item.replace.end && item.replace.end <= input.text.length, `completion ${item.label} replaces outside the text — ${where()}`);
    }
  }

  const fixes = result.diagnostics.flatMap((diagnostic) => diagnostic.fixes.map((fix) => ({ rule: diagnostic.rule, fix })));
  if (fixes.length > 0) {
    for (const pick of new Set(input.fixPicks.map((index) => index % fixes.length))) {
      const { rule, fix } = fixes[pick]!;
      const edits = fix.changes.filter((change) => change.uri === uri).flatMap((change) => change.edits);
      const fixed = applyEdits(input.text, edits);
      const files = { ...input.files };
      for (const change of fix.changes.filter((candidate) => candidate.uri !== uri)) {
        const path = Object.keys({ ...input.files }).find((candidate) => pathToUri(candidate) === change.uri) ?? decodeURIComponent(new URL(change.uri).pathname);
        files[path] = applyEdits(files[path] ?? '', change.edits);
      }
      const again = engine.check({ ...source, text: fixed }, workspaceOf({ ...files, [input.path]: fixed }));
      const internal = again.diagnostics.find((diagnostic) => diagnostic.rule === INTERNAL_ERROR);
      assert.ok(!internal, `after ${rule} fix "${fix.title}": ${internal?.message} — ${where()}`);
    }
  }
  return result;
}
