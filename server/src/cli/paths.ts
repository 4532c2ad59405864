import { relative, sep } from 'node:path';

/** A path as the user reads it in a report: relative to the current folder, `/`-separated. */
export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}
