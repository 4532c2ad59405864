import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Opening a FIFO for reading blocks until a writer appears, so files are opened non-blocking and
 * checked with fstat on the open descriptor (no race with a swap after a stat). Anything but a
 * regular file (FIFO, socket, device, directory) is refused with an error whose code is ENOTREG.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(path: string) {
    super(`${path}: not a regular file`);
  }
}

/** At most `limit` bytes of the regular file at `path`; throws the fs error or NotRegularFileError. */
export function readRegularFile(path: string, limit: number): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new NotRegularFileError(path);
    const chunks: Buffer[] = [];
    let total = 0;
    // /proc files report size 0 yet have content: read until end of file, not to `size`.
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
