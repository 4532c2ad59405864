import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Boundary } from '../shared/boundary';

export { Boundary, OUTSIDE_REASON } from '../shared/boundary';

/** The nearest folder at or above `folder` holding `.git`, else undefined. */
export function enclosingRepository(folder: string): string | undefined {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if (existsSync(`${current}/.git`)) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** The checked tree's root for config discovery: the repository above `cwd`, else `cwd` itself. */
export function repositoryRoot(cwd: string): string {
  return enclosingRepository(cwd) ?? resolve(cwd);
}

/**
 * The CLI's checked roots: for each path argument, its enclosing git repository when there is
 * one, else the argument itself (a file's folder for a file).
 */
export function boundaryForArguments(paths: readonly string[], cwd: string): Boundary {
  return new Boundary(
    paths.map((written) => {
      const path = resolve(cwd, written);
      const folder = isDirectory(path) ? path : dirname(path);
      return enclosingRepository(folder) ?? folder;
    }),
  );
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
