/*
 * Character classes exactly as dotenv's line regular expression sees them: `\s`, the line
 * terminators of `^`/`$`/`.` in a multiline JavaScript regex, and the key class `[\w.-]`.
 */

export const HASH = 35;
export const BACKSLASH = 92;
export const EQUALS = 61;
export const COLON = 58;
export const LINE_FEED = 10;

/** JavaScript's `\s`: WhiteSpace and LineTerminator, BOM included. */
export function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Where `^` and `$` match in a multiline regex, and what `.` refuses. */
export function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** `[\w.-]`: ASCII letters, digits, `_`, `.` and `-`. */
export function isKeyChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}

export function isQuote(code: number): boolean {
  return code === 39 || code === 34 || code === 96;
}
