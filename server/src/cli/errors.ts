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

/** A short reason for a file-system error, without Node's stack or syscall noise. */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ENOTREG':
    case 'ENXIO':
      return 'not a regular file; not read';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}
