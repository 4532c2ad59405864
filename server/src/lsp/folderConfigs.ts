import { statSync } from 'node:fs';
import { MAX_FILE_CHARS, pathToUri, uriPath, type CheckOptions, type Diagnostic, type Engine } from '../engine';
import {
  CONFIG_FILE_NAMES,
  CONFIG_RULE_ID,
  ConfigChains,
  ConfigEngines,
  configDiagnostics,
  resolveForFile,
  type ConfigFileSystem,
  type FileSetup,
} from '../engine/config';
import { Boundary } from '../shared/boundary';
import { readRegularFile } from '../shared/regularFile';
import { engineOptionsOf, type ServerSettings } from './settings';

/** A workspace folder, the engine its editor settings give, and those settings (the layer over its config files). */
export interface ConfiguredFolder {
  readonly folder: string;
  readonly engine: Engine;
  readonly settings: ServerSettings;
}

interface FolderState {
  readonly prefix: string;
  readonly folder: ConfiguredFolder;
  readonly boundary: Boundary;
  chains: ConfigChains;
  engines: ConfigEngines;
}

/**
 * `.deploy-doctor.yaml` in the language server: per workspace folder, each file's config chain
 * (walking up to the folder, never above it) and the engine of its resolved config, with the
 * folder's editor settings as the host layer on top. Files outside every folder get no config.
 */
export class FolderConfigs {
  private folders: FolderState[] = [];
  /** Setups by document uri: checks, hover and code actions ask for the same file many times. */
  private readonly setups = new Map<string, FileSetup | null>();

  /** `openText` gives an open document's text (an unsaved edit of a config applies at once), else undefined. */
  constructor(private readonly openText: (uri: string) => string | undefined) {}

  configure(folders: readonly ConfiguredFolder[]): void {
    this.folders = folders
      .map((folder) => {
        const path = uriPath(pathToUri(folder.folder)).replace(/\/$/, '');
        const boundary = new Boundary([folder.folder]);
        return { prefix: `${path}/`, folder, boundary, ...this.fresh(path, folder, boundary) };
      })
      // Deepest first, so a nested workspace folder wins over its parent.
      .sort((a, b) => b.prefix.length - a.prefix.length);
    this.setups.clear();
  }

  /** The setup of the file at `uri`, or undefined when it is in no workspace folder. */
  setupFor(uri: string): FileSetup | undefined {
    const cached = this.setups.get(uri);
    if (cached !== undefined) return cached ?? undefined;
    const located = this.locate(uri);
    const setup = located ? located.state.engines.setupFor(located.state.chains.chainFor(folderOf(located.path)), located.path) : undefined;
    this.setups.set(uri, setup ?? null);
    return setup;
  }

  engineFor(uri: string): Engine | undefined {
    return this.setupFor(uri)?.engine;
  }

  optionsFor(uri: string): CheckOptions {
    return this.setupFor(uri)?.options ?? {};
  }

  /** True when an `ignore:` glob of the file's configs skips it. Uncached: indexing asks once per file. */
  ignored(uri: string): boolean {
    const cached = this.setups.get(uri);
    if (cached !== undefined) return cached?.ignored === true;
    const located = this.locate(uri);
    return located !== undefined && resolveForFile(located.state.chains.chainFor(folderOf(located.path)), located.path).ignored;
  }

  /**
   * The config file's own problems when `uri` is a config file in a workspace folder (the file
   * the walk reads there: a `.yml` beside a `.yaml` is not read, so it has none); else undefined.
   */
  configDiagnosticsOf(uri: string, text: string): Diagnostic[] | undefined {
    if (!isConfigFile(uri)) return undefined;
    const located = this.locate(uri);
    if (!located) return undefined;
    const config = located.state.chains.configIn(folderOf(located.path));
    if (!config || config.path !== located.path) return [];
    return configDiagnostics(uri, text, config.config, this.setupFor(uri)?.engine.overrideOf(CONFIG_RULE_ID));
  }

  /** Drops a closed document's setup (its file keeps its config; only the cache entry goes). */
  forget(uri: string): void {
    this.setups.delete(uri);
  }

  /**
   * The config file at `uri` was created, typed in, saved or deleted: reads its folder's config
   * again. Engines are kept by what they are built from, so the files it does not change get the
   * same setup (same `key`) and need no new check; engines nothing asked for since the previous
   * reload are dropped. True when what the config says changed.
   */
  reload(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = uriPath(uri);
    let changed = false;
    // Every folder that holds it (nested workspace folders both read it).
    for (const state of this.folders) {
      if (!path.startsWith(state.prefix)) continue;
      if (state.chains.reload(folderOf(path))) changed = true;
      state.engines.sweep();
    }
    this.setups.clear();
    return changed;
  }

  /** The key of the file's setup (see FileSetup.key); '' for a file in no workspace folder. */
  setupKey(uri: string): string {
    return this.setupFor(uri)?.key ?? '';
  }

  /** What every config read so far says, in one string: the workspace index depends on it (`ignore:`). */
  fingerprint(): string {
    return this.folders.map((state) => `${state.prefix}\n${state.chains.fingerprint()}`).join('\n');
  }

  private fresh(path: string, folder: ConfiguredFolder, boundary: Boundary): { chains: ConfigChains; engines: ConfigEngines } {
    const { engine, settings } = folder;
    const vocabulary = { ruleIds: new Set(engine.rules.map((rule) => rule.meta.id)), productIds: new Set(engine.products.map((product) => product.id)) };
    return {
      chains: new ConfigChains(path, this.fileSystem(boundary), vocabulary),
      engines: new ConfigEngines({ engineOptions: engineOptionsOf(settings), checkOptions: {} }, engine),
    };
  }

  /** Open documents first; then the disk, where a config whose real path leaves the folder (a link out) is not read. */
  private fileSystem(boundary: Boundary): ConfigFileSystem {
    return {
      readText: (path) => this.openText(pathToUri(path)) ?? readDisk(path, boundary),
      isDirectory,
    };
  }

  private locate(uri: string): { state: FolderState; path: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = uriPath(uri);
    const state = this.folders.find((folder) => path.startsWith(folder.prefix));
    return state ? { state, path } : undefined;
  }
}

const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

export function isConfigFile(uri: string): boolean {
  return CONFIG_NAMES.has(uri.slice(uri.lastIndexOf('/') + 1));
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function readDisk(path: string, boundary: Boundary): string | undefined {
  if (boundary.excludes(path)) return undefined;
  try {
    // Read as the CLI reads it (capped one character over the engine's limit), so both report the same.
    const read = readRegularFile(path, (MAX_FILE_CHARS + 1) * 4).toString('utf8');
    // The editor hides a byte-order mark, and the CLI drops it: positions agree without it.
    const text = read.startsWith('\uFEFF') ? read.slice(1) : read;
    return text.length > MAX_FILE_CHARS + 1 ? text.slice(0, MAX_FILE_CHARS + 1) : text;
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
