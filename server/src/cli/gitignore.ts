import ignore, { type Ignore } from 'ignore';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { readRegularFile } from '../shared/regularFile';

interface Layer {
  readonly dir: string;
  readonly matcher: Ignore;
}

/**
 * The `.gitignore` files that apply in a directory: its own and its parents', each pattern
 * relative to the folder of its file. As in git, a deeper file's verdict wins over a shallower
 * one, and the last matching pattern within a file wins (negations included).
 */
export class GitignoreRules {
  private constructor(private readonly layers: readonly Layer[]) {}

  /**
   * The rules that apply to a folder the walk starts in, from the `.gitignore`s of its parents up
   * to the enclosing git repository's root; none outside a repository. The folder's own file is
   * added by `enter`, as for every folder walked.
   */
  static above(dir: string): GitignoreRules {
    const parents: string[] = [];
    for (let current = dir; !existsSync(join(current, '.git')); ) {
      const parent = dirname(current);
      if (parent === current) return new GitignoreRules([]);
      parents.unshift(parent);
      current = parent;
    }
    return parents.reduce((rules, folder) => rules.enter(folder), new GitignoreRules([]));
  }

  /** The rules inside `dir`, a child folder: these plus `dir/.gitignore` when there is one. */
  enter(dir: string): GitignoreRules {
    const patterns = readGitignore(join(dir, '.gitignore'));
    return patterns === undefined ? this : new GitignoreRules([...this.layers, { dir, matcher: ignore().add(patterns) }]);
  }

  ignores(path: string, isDirectory: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i]!;
      const relativePath = relative(layer.dir, path).split(sep).join('/');
      if (relativePath === '' || relativePath.startsWith('..')) continue;
      const verdict = layer.matcher.test(isDirectory ? `${relativePath}/` : relativePath);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

/** Far beyond any real `.gitignore`; a larger one is read up to here. */
const MAX_GITIGNORE_BYTES = 4 * 1024 * 1024;

/** The file's text, or undefined when there is none; an unreadable `.gitignore` ignores nothing. */
function readGitignore(path: string): string | undefined {
  try {
    return readRegularFile(path, MAX_GITIGNORE_BYTES).toString('utf8');
  } catch {
    return undefined;
  }
}
