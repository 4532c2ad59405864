/**
 * Hostile renamings of real configuration files, for the quoting property test: every name or value
 * a user wrote (a compose service or volume, an env key or value, a TOML key or string, an nginx
 * directive or argument) is found by a per-kind lexer and replaced, everywhere in a workspace of
 * files, by a 2 kB token that holds newlines, CR, NUL, U+202E, backticks and `${}`, written in the
 * file's own escape syntax so that the parsers read back exactly that token.
 */
import type { FileKind } from '../../server/src/engine';

/** Characters no message may carry raw: C0, DEL, C1, line/paragraph separators and bidi controls. */
export const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const SPECIALS = ['\n', '\r', '\u0000', '\u202e', '`', '${}', '\u2066', '\t'] as const;

/** ~2,000 characters: lowercase letters and digits, a special every 23 of them. */
function hostilePayload(): string {
  let state = 7;
  let out = '';
  let special = 0;
  while (out.length < 2_000) {
    for (let index = 0; index < 23; index++) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      out += 'abcdefghijklmnopqrstuvwxyz0123456789'[state % 36];
    }
    out += SPECIALS[special++ % SPECIALS.length];
  }
  return out;
}

export const HOSTILE = hostilePayload();
/** The hostile token in the alphabet of an env key or a `${VAR}` name (2 kB of `[A-Z0-9_]`). */
export const KEYISH = HOSTILE.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** How a token travels: raw hostile text, or the key alphabet where the syntax allows nothing else. */
export type TokenForm = 'hostile' | 'keyish';

/** The token a word becomes: the word itself is kept at the end so `…_SECRET` stays secret-like. */
export function tokenFor(word: string, form: TokenForm): string {
  return form === 'hostile' ? `${HOSTILE}${word}` : `${KEYISH}_${word}`;
}

/** A place in a file where a user-written word stands, and how to write a replacement there. */
interface Slot {
  readonly start: number;
  readonly end: number;
  /** The word as the file's parser reads it (quotes removed). */
  readonly word: string;
  readonly write: (token: string) => string;
}

const ENV_LINE = /^([ \t]*(?:export[ \t]+)?)([^\s=#:'"`]+)([ \t]*[=:][ \t]*)(.*)$/gm;
const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)/g;
const YAML_SCALAR = /(?<=^[ \t]*(?:-[ \t]+)?|:[ \t]+|[[{,][ \t]*)([A-Za-z0-9_./~@+-][^\s:,[\]{}#"']*|"[^"\n\\]*"|'[^'\n]*')(?=[ \t]*(?::(?:[ \t]|$)|[,\]}]|[ \t]#|$))/gm;
const TOML_STRING = /"(?:[^"\\\n]|\\.)*"|'[^'\n]*'/g;
const TOML_KEY_LINE = /^([ \t]*\[{0,2}[ \t]*)([A-Za-z0-9_.\- \t"]+?)(?=[ \t]*(?:=|\]))/gm;
const TOML_BARE_KEY = /[A-Za-z0-9_-]+/g;
const NGINX_TOKEN = /#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s;{}"'#]+/g;

const unquote = (text: string) => (/^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text);

function yamlString(token: string): string {
  return `"${token.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\u0000/g, '\\0')}"`;
}

function tomlString(token: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${token.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/**
 * A raw NUL makes the engine skip the file as binary, and neither `.env` nor nginx can escape one:
 * in those files it stands as U+0001.
 */
export const withoutNul = (token: string) => token.replace(/\u0000/g, '\u0001');

/** dotenv expands `\n` and `\r` in double-quoted values; the other characters stand raw. */
function envValue(token: string): string {
  return `"${withoutNul(token).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function envKey(token: string): string {
  return withoutNul(token);
}

function nginxString(token: string): string {
  return `"${withoutNul(token).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function envSlots(text: string): Slot[] {
  const slots: Slot[] = [];
  for (const match of text.matchAll(ENV_LINE)) {
    const [, lead, key, separator, rest] = match as unknown as [string, string, string, string, string];
    if (lead.trimStart().startsWith('#')) continue;
    const keyStart = match.index + lead.length;
    slots.push({ start: keyStart, end: keyStart + key.length, word: key, write: envKey });
    const value = rest.replace(/[ \t]+#.*$/, '').trimEnd();
    if (value.length > 0 && !value.includes('${')) {
      const valueStart = keyStart + key.length + separator.length;
      slots.push({ start: valueStart, end: valueStart + value.length, word: unquote(value), write: envValue });
    }
    const valueOffset = keyStart + key.length + separator.length;
    for (const reference of rest.matchAll(ENV_REFERENCE)) {
      const start = valueOffset + reference.index + 2;
      slots.push({ start, end: start + reference[1]!.length, word: reference[1]!, write: envKey });
    }
  }
  return slots;
}

function composeSlots(text: string): Slot[] {
  const slots: Slot[] = [];
  for (const match of text.matchAll(YAML_SCALAR)) {
    const scalar = match[1]!;
    if (scalar.includes('${')) continue;
    slots.push({ start: match.index, end: match.index + scalar.length, word: unquote(scalar), write: yamlString });
  }
  for (const reference of text.matchAll(ENV_REFERENCE)) {
    const start = reference.index + 2;
    slots.push({ start, end: start + reference[1]!.length, word: reference[1]!, write: withoutNul });
  }
  return slots;
}

function tomlSlots(text: string): Slot[] {
  const slots: Slot[] = [];
  for (const match of text.matchAll(TOML_STRING)) {
    // Keys in quotes are found here too: both are written as a basic string.
    slots.push({ start: match.index, end: match.index + match[0].length, word: unquote(match[0]), write: tomlString });
  }
  for (const match of text.matchAll(TOML_KEY_LINE)) {
    const keyStart = match.index + match[1]!.length;
    for (const bare of match[2]!.matchAll(TOML_BARE_KEY)) {
      const start = keyStart + bare.index;
      if (slots.some((slot) => slot.start <= start && start < slot.end)) continue;
      slots.push({ start, end: start + bare[0].length, word: bare[0], write: tomlString });
    }
  }
  return slots;
}

function nginxSlots(text: string): Slot[] {
  const slots: Slot[] = [];
  for (const match of text.matchAll(NGINX_TOKEN)) {
    if (match[0].startsWith('#')) continue;
    slots.push({ start: match.index, end: match.index + match[0].length, word: unquote(match[0]), write: nginxString });
  }
  return slots;
}

const SLOTS: Readonly<Record<FileKind, (text: string) => Slot[]>> = { env: envSlots, compose: composeSlots, toml: tomlSlots, nginx: nginxSlots };

/** The distinct words of `text` a user wrote, in order of first appearance. */
export function wordsOf(kind: FileKind, text: string): string[] {
  return [...new Set(SLOTS[kind](text).map((slot) => slot.word))];
}

/** `text` with every slot holding `word` written as `token`; undefined when none does. */
export function renamed(kind: FileKind, text: string, word: string, token: string): string | undefined {
  const slots = SLOTS[kind](text)
    .filter((slot) => slot.word === word)
    .sort((a, b) => a.start - b.start);
  if (slots.length === 0) return undefined;
  let out = '';
  let at = 0;
  for (const slot of slots) {
    if (slot.start < at) continue;
    out += text.slice(at, slot.start) + slot.write(token);
    at = slot.end;
  }
  return out + text.slice(at);
}
