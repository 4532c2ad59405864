import type { TomlValueKind } from './ast';

/* The characters and tokens of TOML's grammar, for the scanner. */

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isBareKeyChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isDigit(c) || c === 0x5f || c === 0x2d;
}

export function isKeyStart(c: number): boolean {
  return isBareKeyChar(c) || c === 0x22 || c === 0x27;
}

/** Characters of numbers, booleans, `inf`/`nan` and date-times (`T`, `Z`, `:`, `.`, `+`, `-`). */
export function isScalarChar(c: number): boolean {
  return isBareKeyChar(c) || c === 0x2b || c === 0x2e || c === 0x3a;
}

export function scalarKind(token: string): TomlValueKind {
  if (token === 'true' || token === 'false') return 'boolean';
  if (/^\d{4}-\d{2}-\d{2}/.test(token) || /^\d{2}:\d{2}/.test(token)) return 'datetime';
  if (/^[+-]?(inf|nan)$/.test(token)) return 'float';
  if (/^[+-]?(0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|[0-9_]+)$/.test(token)) return 'integer';
  if (/^[+-]?[0-9_]+(\.[0-9_]+)?([eE][+-]?[0-9_]+)?$/.test(token)) return 'float';
  return 'invalid';
}

const ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

/** The text of a basic string's body, or undefined when an escape is invalid. */
export function unescapeBasic(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) return undefined;
    if (next in ESCAPES) {
      out += ESCAPES[next];
      i++;
    } else if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      const hex = raw.slice(i + 2, i + 2 + length);
      if (hex.length !== length || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + length;
    } else return undefined;
  }
  return out;
}
