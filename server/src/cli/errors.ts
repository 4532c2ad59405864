/**
 * Errors the CLI reports as one line on stderr and exit code 2: the user's mistake (an unknown
 * option, a path that does not exist) or the file system's (a file that cannot be read). Anything
 * else that escapes is a crash, also exit 2, but reported as one.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class FileError extends Error {
  override readonly name = 'FileError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Short reasons for file-system error codes, reading or writing. */
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ENOTREG: 'not a regular file',
  ENXIO: 'not a regular file',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
};

/** The error's file-system code (`ENOENT`), or '' when it has none. */
export function fsErrorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** A short reason for a file-system error, without Node's stack or syscall noise. */
export function describeFsError(error: unknown, action: 'read' | 'write' = 'read'): string {
  const code = fsErrorCode(error);
  const reason = Object.hasOwn(FS_REASONS, code) ? FS_REASONS[code] : undefined;
  if (reason === undefined) return code ? `cannot ${action} (${code})` : `cannot ${action}`;
  return action === 'read' && (code === 'ENOTREG' || code === 'ENXIO') ? `${reason}; not read` : reason;
}
