/*
 * The capture groups of a PCRE pattern as nginx compiles it, and whether a group can match a
 * carriage return or a line feed. PCRE's `.` stops only at the newline sequence, which is LF in
 * the default build: it matches CR, and matches LF only with `(?s)`. Anything this reader is not
 * sure of counts as able to match both.
 */

export const CR = 1;
export const LF = 2;
/** `CR | LF` flags: which line-break characters a group can match. */
export type LineBreaks = number;

export interface CaptureGroup {
  /** `$1`, `$2`… in nginx; named groups are numbered too. */
  readonly number: number;
  readonly name: string | undefined;
  /** The group's body (between `(` or `(?<name>` and `)`), as offsets in the pattern. */
  readonly start: number;
  readonly end: number;
}

const NAMED_OPENING = /^\(\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/;
/** Inline options that make `.` match LF, or newline verbs (`(*CR)`, `(*ANY)`) that change what `.` stops at. */
const DOT_MATCHES_LF = /\(\?[A-Za-z^-]*s[A-Za-z-]*[:)]|\(\*/;
/** An alternation of plain words (`app1|app2`): a group that can only hold one of the names written. */
const LITERAL_ALTERNATION = /^(?:\?:)?(?:[A-Za-z0-9_-]|\\\.)+(?:\|(?:[A-Za-z0-9_-]|\\\.)+)*$/;

/** The capture groups of `pattern`, in number order; group 0 is the whole pattern. */
export function captureGroups(pattern: string): CaptureGroup[] {
  const groups: CaptureGroup[] = [{ number: 0, name: undefined, start: 0, end: pattern.length }];
  const open: { index: number; start: number; name: string | undefined }[] = [];
  for (let at = 0; at < pattern.length; at++) {
    const character = pattern[at]!;
    if (character === '\\') {
      if (pattern[at + 1] === 'Q') {
        const end = pattern.indexOf('\\E', at + 2);
        at = end < 0 ? pattern.length : end + 1;
      } else at++;
    } else if (character === '[') {
      at = classEnd(pattern, at) - 1;
    } else if (character === '(') {
      const named = NAMED_OPENING.exec(pattern.slice(at));
      if (named) {
        open.push({ index: groups.length, start: at + named[0].length, name: named[1] ?? named[2] });
        groups.push({ number: groups.length, name: named[1] ?? named[2], start: at + named[0].length, end: pattern.length });
      } else if (pattern[at + 1] === '?' || pattern[at + 1] === '*') {
        open.push({ index: -1, start: at, name: undefined });
      } else {
        open.push({ index: groups.length, start: at + 1, name: undefined });
        groups.push({ number: groups.length, name: undefined, start: at + 1, end: pattern.length });
      }
    } else if (character === ')') {
      const group = open.pop();
      if (group && group.index >= 0) groups[group.index] = { number: group.index, name: group.name, start: group.start, end: at };
    }
  }
  return groups;
}

/** Which of CR and LF the group can match. */
export function groupLineBreaks(pattern: string, group: CaptureGroup): LineBreaks {
  const dot = DOT_MATCHES_LF.test(pattern) ? CR | LF : CR;
  let found = 0;
  for (let at = group.start; at < group.end && found !== (CR | LF); at++) {
    const character = pattern[at]!;
    if (character === '\\') {
      const next = pattern[at + 1];
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', at + 2);
        const stop = end < 0 || end > group.end ? group.end : end;
        found |= literalBreaks(pattern.slice(at + 2, stop));
        at = stop + 1;
        continue;
      }
      found |= escapeBreaks(next);
      at++;
    } else if (character === '[') {
      const end = classEnd(pattern, at);
      found |= classBreaks(pattern.slice(at, end));
      at = end - 1;
    } else if (character === '.') {
      found |= dot;
    } else {
      found |= literalBreaks(character);
    }
  }
  return found;
}

/** True when the group is an alternation of plain words (`(app1|app2)`), so it holds only what the pattern names. */
export function isLiteralAlternation(pattern: string, group: CaptureGroup): boolean {
  return group.number > 0 && LITERAL_ALTERNATION.test(pattern.slice(group.start, group.end));
}

function literalBreaks(text: string): LineBreaks {
  return (text.includes('\r') ? CR : 0) | (text.includes('\n') ? LF : 0);
}

/** What an escape outside a class matches: `\d`, `\w`, `\S`, `\h`, `\V` and escaped punctuation match neither. */
function escapeBreaks(letter: string | undefined): LineBreaks {
  if (letter === undefined) return 0;
  if (letter === 'n') return LF;
  if (letter === 'r' || letter === 'N') return CR;
  if (letter === 'd' || letter === 'w' || letter === 'S' || letter === 'h' || letter === 'V' || letter === 'b' || letter === 'B' || letter === 'A' || letter === 'z' || letter === 'Z' || letter === 'G' || letter === 'K') return 0;
  // `\s`, `\v`, `\R`, `\D`, `\W`, `\H`, `\X`, `\C`, hex, octal, control and property escapes, backreferences.
  if (/[A-Za-z0-9]/.test(letter)) return CR | LF;
  return literalBreaks(letter);
}

/** The offset after the `]` closing the class that starts at `start`. */
function classEnd(pattern: string, start: number): number {
  let at = start + 1;
  if (pattern[at] === '^') at++;
  if (pattern[at] === ']') at++;
  for (; at < pattern.length; at++) {
    const character = pattern[at]!;
    if (character === '\\') at++;
    else if (character === '[' && pattern[at + 1] === ':') {
      const end = pattern.indexOf(':]', at + 2);
      if (end >= 0) at = end + 1;
    } else if (character === ']') return at + 1;
  }
  return pattern.length;
}

/** What a class (`[^/\s]`, `[a-z0-9-]`) can match of CR and LF. */
function classBreaks(text: string): LineBreaks {
  const negated = text[1] === '^';
  const body = text.slice(negated ? 2 : 1, text.endsWith(']') ? -1 : undefined);
  // `covered`: line breaks a member certainly matches; `unsure`: members this reader cannot judge.
  let covered = 0;
  let unsure = false;
  for (let at = 0; at < body.length; at++) {
    const character = body[at]!;
    let low: number | undefined;
    if (character === '\\') {
      const next = body[at + 1];
      at++;
      if (next === 'n') low = 10;
      else if (next === 'r') low = 13;
      else if (next === 's' || next === 'v' || next === 'D' || next === 'W' || next === 'H') covered |= CR | LF;
      else if (next === 'd' || next === 'w' || next === 'S' || next === 'h' || next === 'V') continue;
      else if (next !== undefined && /[A-Za-z0-9]/.test(next)) unsure = true;
      else low = next?.charCodeAt(0);
    } else if (character === '[' && body[at + 1] === ':') {
      const end = body.indexOf(':]', at + 2);
      const name = end < 0 ? '' : body.slice(at + 2, end);
      if (name === 'space' || name === 'cntrl') covered |= CR | LF;
      else if (name.startsWith('^')) unsure = true;
      at = end < 0 ? body.length : end + 1;
      continue;
    } else {
      low = character.charCodeAt(0);
    }
    if (low === undefined) continue;
    let high = low;
    if (body[at + 1] === '-' && at + 2 < body.length) {
      const end = body[at + 2]!;
      if (end === '\\') {
        unsure = true;
        at += 3;
        continue;
      }
      high = end.charCodeAt(0);
      at += 2;
    }
    if (low <= 13 && 13 <= high) covered |= CR;
    if (low <= 10 && 10 <= high) covered |= LF;
  }
  if (negated) return (CR | LF) & ~covered;
  return unsure ? CR | LF : covered;
}
