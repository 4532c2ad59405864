/** The most characters of a file's text any message quotes. */
export const MAX_QUOTED_CHARS = 40;

// Control characters (C0, DEL, C1), the line/paragraph separators and the bidi controls (which can
// reorder the rest of a message as shown): never printed as they are.
const HIGH_SURROGATE_END = /[\ud800-\udbff]$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` as a message may quote it: control and bidi characters shown as `\n`-style or `\uNNNN`
 * escapes, and cut with `…` so the result never has more than `max` characters. A message built from
 * a file's text quotes it only through this, so no input can put a whole line into a finding.
 */
export function quoteToken(text: string, max = MAX_QUOTED_CHARS): string {
  // Escaping grows text; escaping more than `max` characters is never needed.
  const escaped = text.slice(0, max + 1).replace(CONTROL, escapeControl);
  const cut = escaped.length > max || text.length > max + 1;
  if (!cut) return escaped;
  const head = escaped.slice(0, Math.max(0, max - 1));
  // Never end on half of a surrogate pair.
  return `${HIGH_SURROGATE_END.test(head) ? head.slice(0, -1) : head}…`;
}

function escapeControl(char: string): string {
  switch (char) {
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}
