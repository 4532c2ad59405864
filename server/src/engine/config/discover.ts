import { CONFIG_FILE_NAMES, parseProjectConfig, type ConfigVocabulary } from './parse';
import type { LocatedConfig } from './resolve';
import { effectiveConfigKey } from './stableKey';

/** What discovery needs of a file system; hosts supply it (Node's `fs`, the LSP's open documents). */
export interface ConfigFileSystem {
  readText(path: string): string | undefined;
  isDirectory(path: string): boolean;
}

/** The config file a folder holds, if any (`.yaml` before `.yml` before `.json`). */
export function configFileIn(folder: string, fileSystem: ConfigFileSystem): { path: string; text: string } | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const path = `${folder}/${name}`;
    const text = fileSystem.readText(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/**
 * Finds and parses the configs that apply to files in `folder`, outermost first. The walk goes up
 * to `boundary` (the workspace folder or repository root) and never above: the checked tree is
 * the trust boundary. A folder holding `.git`, or a config with `root: true`, ends it too.
 * Parses are cached by folder; hosts call `invalidate` when a config file changes.
 */
export class ConfigChains {
  private readonly byFolder = new Map<string, LocatedConfig | null>();
  private readonly chains = new Map<string, readonly LocatedConfig[]>();

  constructor(
    private readonly boundary: string,
    private readonly fileSystem: ConfigFileSystem,
    private readonly vocabulary: ConfigVocabulary,
  ) {}

  chainFor(folder: string): readonly LocatedConfig[] {
    const cached = this.chains.get(folder);
    if (cached) return cached;
    const nearestFirst: LocatedConfig[] = [];
    let current: string | undefined = folder;
    while (current !== undefined && isInside(this.boundary, current)) {
      const located = this.configIn(current);
      if (located) {
        nearestFirst.push(located);
        if (located.config.root) break;
      }
      if (current === this.boundary || this.fileSystem.isDirectory(`${current}/.git`)) break;
      current = parentOf(current);
    }
    const chain = nearestFirst.reverse();
    this.chains.set(folder, chain);
    return chain;
  }

  /** The parsed config of one folder (cached). */
  configIn(folder: string): LocatedConfig | undefined {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const file = configFileIn(folder, this.fileSystem);
    const located = file ? { folder, path: file.path, config: parseProjectConfig(file.text, this.vocabulary) } : null;
    this.byFolder.set(folder, located);
    return located ?? undefined;
  }

  /**
   * Reads one folder's config again (its file was created, changed or deleted) and forgets the
   * chains, which hold the old parse. True when what it says changed (not only its problems, its
   * comments or its layout), or when it had not been read before.
   */
  reload(folder: string): boolean {
    const had = this.byFolder.get(folder);
    this.byFolder.delete(folder);
    this.chains.clear();
    const now = this.configIn(folder);
    if (had === undefined) return now !== undefined;
    if (had === null || now === undefined) return (had === null) !== (now === undefined);
    return effectiveConfigKey(had.config) !== effectiveConfigKey(now.config);
  }

  /** What every config read so far says (not their problems), in one string: equal when they all resolve alike. */
  fingerprint(): string {
    const keys: string[] = [];
    for (const [folder, located] of this.byFolder) if (located) keys.push(`${folder}\n${effectiveConfigKey(located.config)}`);
    return keys.sort().join('\n');
  }

  /** Forgets every cached parse (a config file was created, changed or deleted). */
  invalidate(): void {
    this.byFolder.clear();
    this.chains.clear();
  }
}

function isInside(boundary: string, folder: string): boolean {
  return folder === boundary || folder.startsWith(boundary.endsWith('/') ? boundary : `${boundary}/`);
}

function parentOf(folder: string): string | undefined {
  const slash = folder.lastIndexOf('/');
  return slash <= 0 ? undefined : folder.slice(0, slash);
}
