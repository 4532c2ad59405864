import { MAX_FILE_CHARS } from '../engine';
import { readRegularFile } from '../shared/regularFile';

/**
 * Reads a file as an editor would show it: UTF-8 unless a byte-order mark says UTF-16, the mark
 * itself dropped (VS Code hides it, so columns agree with the editor), invalid bytes replaced.
 * Reads no more than the engine looks at: a text over MAX_FILE_CHARS comes back one character
 * longer than the limit, enough for the engine to say why it skips it. Throws the fs error; a
 * FIFO, socket or device is refused without being waited on.
 */
export function readConfigText(path: string): string {
  const bytes = readRegularFile(path, (MAX_FILE_CHARS + 1) * 4);
  return decodeConfigBytes(bytes);
}

/** Bytes to text as an editor shows them, capped one character over what the engine reads. */
export function decodeConfigBytes(bytes: Buffer): string {
  const text = decode(bytes);
  return text.length > MAX_FILE_CHARS + 1 ? text.slice(0, MAX_FILE_CHARS + 1) : text;
}

function decode(bytes: Buffer): string {
  // TextDecoder drops the byte-order mark of the encoding it decodes.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
