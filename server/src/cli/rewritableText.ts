/**
 * A file's text as the CLI reader decodes it (UTF-8 or UTF-16 by byte-order mark, the mark
 * dropped), with the way back to bytes: the same encoding and mark, so --fix changes only the
 * characters its edits change.
 */
export interface RewritableText {
  readonly text: string;
  encode(text: string): Buffer;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

/** Undefined when the bytes are not text that would be written back as they were (invalid UTF-8). */
export function decodeRewritable(bytes: Buffer): RewritableText | undefined {
  let encode: (text: string) => Buffer;
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes);
    encode = (next) => Buffer.concat([UTF16LE_BOM, Buffer.from(next, 'utf16le')]);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes);
    encode = (next) => Buffer.concat([UTF16BE_BOM, Buffer.from(next, 'utf16le').swap16()]);
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    text = new TextDecoder('utf-8').decode(bytes);
    encode = (next) => (bom ? Buffer.concat([UTF8_BOM, Buffer.from(next, 'utf8')]) : Buffer.from(next, 'utf8'));
  }
  // Invalid bytes decode to U+FFFD: writing that back would lose them.
  return encode(text).equals(bytes) ? { text, encode } : undefined;
}
