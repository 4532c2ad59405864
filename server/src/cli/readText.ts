import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_CHARS } from '../engine';

/**
 * Reads a file as an editor would show it: UTF-8 unless a byte-order mark says UTF-16, the mark
 * itself dropped (VS Code hides it, so columns agree with the editor), invalid bytes replaced.
 * Reads no more than the engine looks at: a text over MAX_FILE_CHARS comes back one character
 * longer than the limit, enough for the engine to say why it skips it. Throws the fs error.
 */
export function readConfigText(path: string): string {
  const bytes = readCapped(path, (MAX_FILE_CHARS + 1) * 4);
  const text = decode(bytes);
  return text.length > MAX_FILE_CHARS + 1 ? text.slice(0, MAX_FILE_CHARS + 1) : text;
}

/** At most `limit` bytes; works for files whose size `stat` does not know (pipes, /proc). */
function readCapped(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.max(64 * 1024, Math.min(stats.size + 1, limit));
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function decode(bytes: Buffer): string {
  // TextDecoder drops the byte-order mark of the encoding it decodes.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
