import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/** The reason a file whose real path leaves the checked roots is not read. */
export const OUTSIDE_REASON = 'outside the checked tree; not read';

/**
 * The checked roots, by real path: a file whose real path (links resolved) is under none of
 * them is not read. The CLI and the language server each decide the roots (see docs/security.md).
 */
export class Boundary {
  private readonly roots: readonly string[];

  constructor(roots: readonly string[]) {
    this.roots = [...new Set(roots.map(realOrResolved))];
  }

  /** True when `path` exists (links followed) and its real path lies under no root. */
  excludes(path: string): boolean {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return false; // Absent or unreadable: the read that follows says so.
    }
    for (const root of this.roots) if (real === root || real.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
    return true;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
