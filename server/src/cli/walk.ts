import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from './paths';
import { describeFsError, FileError, UsageError } from './errors';
import { GitignoreRules } from './gitignore';
import { OUTSIDE_REASON, type Boundary } from './boundary';

/** Folders never walked into: dependencies and version-control data. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FoundFile {
  /** Absolute path. */
  readonly path: string;
  /** Named on the command line (checked even when ignored, reported when not a config file). */
  readonly named: boolean;
}

export interface WalkResult {
  /** Sorted by path, each file once. */
  readonly files: readonly FoundFile[];
  /** Folders or files that could not be read. */
  readonly errors: readonly FileError[];
  /** Files left out because a `.gitignore` excludes them (not those in excluded folders). */
  readonly gitignored: readonly string[];
  /** Links met in the walk whose target leaves the checked tree, as displayed: not followed. */
  readonly linksOut: readonly string[];
}

/**
 * The files under the paths the user named. Directories are walked, skipping `node_modules`,
 * VCS folders and what `.gitignore` files ignore; symbolic links are followed, each real folder
 * once, unless their target leaves `boundary` (then listed in `linksOut`; a named one is an
 * error). A named path that does not exist is a usage error, thrown before anything is read.
 */
export function findFiles(paths: readonly string[], cwd: string, boundary?: Boundary): WalkResult {
  const named = paths.map((written) => ({ written, path: resolve(cwd, written) }));
  const kinds = named.map(({ written, path }): { path: string; isDirectory: boolean; error?: undefined } | { path: string; error: FileError } => {
    try {
      const isDirectory = statSync(path).isDirectory();
      if (boundary?.excludes(path)) return { path, error: new FileError(written, OUTSIDE_REASON) };
      return { path, isDirectory };
    } catch (error) {
      const reason = describeFsError(error);
      if (reason === 'no such file or directory' || reason === 'not a directory') throw new UsageError(`${written}: ${reason}`);
      return { path, error: new FileError(written, reason) };
    }
  });

  const files = new Map<string, FoundFile>();
  const errors: FileError[] = [];
  const visitedFolders = new Set<string>();
  const gitignored: string[] = [];
  const linksOut: string[] = [];
  for (const entry of kinds) {
    if (entry.error) errors.push(entry.error);
    else if (!entry.isDirectory) files.set(entry.path, { path: entry.path, named: true });
  }
  for (const entry of kinds) {
    if (entry.error || !entry.isDirectory) continue;
    walkFolder(entry.path, GitignoreRules.above(entry.path), { files, errors, visitedFolders, gitignored, linksOut, cwd, boundary });
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    files: [...files.values()].sort((a, b) => byPath(a.path, b.path)),
    errors,
    gitignored: [...new Set(gitignored)].filter((path) => !files.has(path)).sort(byPath),
    linksOut,
  };
}

interface WalkState {
  readonly files: Map<string, FoundFile>;
  readonly errors: FileError[];
  readonly visitedFolders: Set<string>;
  readonly gitignored: string[];
  readonly linksOut: string[];
  readonly cwd: string;
  readonly boundary: Boundary | undefined;
}

function walkFolder(folder: string, rules: GitignoreRules, state: WalkState): void {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(folder);
    if (state.visitedFolders.has(real)) return;
    state.visitedFolders.add(real);
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    state.errors.push(new FileError(displayPath(folder, state.cwd), describeFsError(error)));
    return;
  }
  const inside = rules.enter(folder);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    // A link out of the checked tree is never followed, whatever it points at.
    if (entry.isSymbolicLink() && state.boundary?.excludes(path)) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !inside.ignores(path, false)) state.linksOut.push(displayPath(path, state.cwd));
      continue;
    }
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path));
    if (isDirectory) {
      if (SKIPPED_FOLDERS.has(entry.name) || inside.ignores(path, true)) continue;
      walkFolder(path, inside, state);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // A broken link is not a file anyone meant to check: leave it out silently, as git does.
      if (entry.isSymbolicLink() && !isFile(path)) continue;
      if (inside.ignores(path, false)) state.gitignored.push(path);
      else if (!state.files.has(path)) state.files.set(path, { path, named: false });
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
