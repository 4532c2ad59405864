import { isSecretLikeKey, type PlacedEdit, type Span } from '../engine';

/** What a generated secret shows as in --fix-dry-run's diff. */
export const SECRET_MASK = '<generated secret>';
/** What a secret-named setting's existing value shows as in the diff (context and removed lines too). */
export const EXISTING_SECRET_MASK = '<secret>';

/**
 * The secret spans of a text after `placed` edits (offsets in the text before them) are applied:
 * the earlier spans moved, widened over any edit that touches their inside (so a later edit can
 * never split a secret into a visible part), and the spans of edits `isSecret` says hold one.
 */
export function carrySecretSpans(spans: readonly Span[], placed: readonly PlacedEdit[], isSecret: (edit: PlacedEdit) => boolean): Span[] {
  const moved = spans.map((span) => ({ start: mapPosition(span.start, placed, 'start'), end: mapPosition(span.end, placed, 'end') }));
  let shift = 0;
  for (const edit of placed) {
    const start = edit.start + shift;
    const end = start + edit.edit.newText.length;
    shift += edit.edit.newText.length - (edit.end - edit.start);
    if (isSecret(edit)) moved.push({ start, end });
  }
  return merge(moved);
}

/** `position` in the edited text; inside an edit, the edit's start (for a span's start) or end. */
function mapPosition(position: number, placed: readonly PlacedEdit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of placed) {
    const newEnd = edit.start + shift + edit.edit.newText.length;
    const delta = edit.edit.newText.length - (edit.end - edit.start);
    if (edit.end < position || (edit.end === position && (side === 'start' || edit.start < position))) {
      shift += delta;
      continue;
    }
    if (edit.start < position) return side === 'start' ? edit.start + shift : newEnd;
    break;
  }
  return position + shift;
}

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

/** `KEY=`, `KEY: `, `- KEY=`, `key = ` at a line's start: a name, never part of a value. */
const SETTING_PREFIX = /^(\s*(?:-\s+)?["']?[A-Za-z_][\w.-]*["']?\s*(?:=|:(?=\s|$))\s*)(.*)$/;

/**
 * `text` with every span's characters shown as SECRET_MASK, line breaks kept. A whole line in a
 * span (an inserted setting) keeps its key, so the diff says which setting got a secret.
 */
export function maskSpans(text: string, spans: readonly Span[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start));
    const lines = text.slice(span.start, span.end).split(/(\r\n|\n|\r)/);
    const startsLine = span.start === 0 || /[\r\n]/.test(text[span.start - 1]!);
    lines.forEach((segment, index) => {
      if (index % 2 === 1 || segment === '') parts.push(segment);
      else parts.push(maskSegment(segment, index > 0 || startsLine));
    });
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function maskSegment(segment: string, wholeLine: boolean): string {
  const setting = wholeLine ? SETTING_PREFIX.exec(segment) : null;
  if (!setting) return SECRET_MASK;
  return setting[2] ? `${setting[1]}${SECRET_MASK}` : segment;
}

const LINE = /(\r\n|\n|\r)/;
const QUOTED_KEY = /^\s*(?:-\s+)?["']?([A-Za-z_][\w.-]*)/;

/**
 * `text` with the value of every line that sets a secret-named key (`JWT_SECRET=…`, `password = …`,
 * `- API_TOKEN=…`) shown as EXISTING_SECRET_MASK, so the diff's context and removed lines never
 * print a secret the file already holds. Values already masked are left as they are.
 */
export function maskSecretSettings(text: string): string {
  return text
    .split(LINE)
    .map((segment, index) => {
      if (index % 2 === 1) return segment;
      const setting = SETTING_PREFIX.exec(segment);
      const key = setting && QUOTED_KEY.exec(setting[1]!)?.[1];
      if (!setting || !key || !setting[2] || !isSecretLikeKey(key) || setting[2].includes(SECRET_MASK)) return segment;
      return `${setting[1]}${EXISTING_SECRET_MASK}`;
    })
    .join('');
}
