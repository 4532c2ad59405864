import { LineIndex } from '../text';
import type { ResolvedTextEdit } from '../types';

/** An edit with its range as offsets into the text it applies to. */
export interface PlacedEdit {
  readonly edit: ResolvedTextEdit;
  readonly start: number;
  readonly end: number;
}

/**
 * The edits' offsets in `text`, in document order. Edits at one point keep their given order,
 * as LSP applies them (the first listed comes first in the result).
 */
export function placeEdits(text: string, edits: readonly ResolvedTextEdit[]): PlacedEdit[] {
  const lines = new LineIndex(text);
  const placed = edits.map((edit, index) => ({ edit, index, ...lines.spanOf(edit.range) }));
  placed.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  return placed.map(({ edit, start, end }) => ({ edit, start, end }));
}

/**
 * Applies non-overlapping edits (ranges in `text`) as an editor does: all at once, against the
 * original text. Hosts that change text themselves (the command line's --fix) and tests use it.
 */
export function applyTextEdits(text: string, edits: readonly ResolvedTextEdit[]): string {
  const placed = placeEdits(text, edits);
  const parts: string[] = [];
  let at = 0;
  for (const { edit, start, end } of placed) {
    parts.push(text.slice(at, start), edit.newText);
    at = Math.max(at, end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}
