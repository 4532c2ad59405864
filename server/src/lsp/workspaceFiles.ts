import { statSync } from 'node:fs';
import { readRegularFile } from '../shared/regularFile';
import { opendir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Boundary, OUTSIDE_REASON } from '../shared/boundary';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_CHARS, pathToUri, uriToPath, type WorkspaceView } from '../engine';
import { matchesGlob } from '../engine/detect/glob';

/** Files larger than this are never read for content sniffing while indexing. */
const SNIFF_LIMIT_BYTES = 256 * 1024;
/** A workspace walk stops after this many directory entries, so a huge tree cannot stall the server. */
const MAX_ENTRIES = 200_000;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
/**
 * How much text read from disk stays cached (characters, least recently read dropped first): the
 * files other files read (a compose file's `.env`) are read again on every check of those, but a
 * monorepo's thousands of configuration files must not all stay in memory.
 */
const DISK_CACHE_CHARS = 2_000_000;

export interface IndexResult {
  readonly files: number;
  readonly truncated: boolean;
}

/**
 * The configuration files of the workspace folders, and a `WorkspaceView` over them that serves
 * open documents' live text first and the disk otherwise. Disk reads are cached and revalidated
 * by size and mtime, so a file changed outside the editor is never served stale.
 */
export class WorkspaceFiles implements WorkspaceView {
  private readonly known = new Set<string>();
  private readonly diskCache = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly text: string | undefined }>();
  private diskCacheChars = 0;
  /** The workspace folders last indexed: disk reads whose real path leaves them are refused. */
  private folders: Boundary | undefined;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly diskCacheLimit = DISK_CACHE_CHARS,
  ) {}

  /** The characters of disk text held in the cache. */
  get cachedChars(): number {
    return this.diskCacheChars;
  }

  readText(uri: string): string | undefined {
    const open = this.documents.get(uri);
    if (open) return open.getText();
    return this.readDisk(uri);
  }

  /** A file on disk whose real path leaves the workspace folders is not read. */
  refusal(uri: string): string | undefined {
    if (this.documents.get(uri)) return undefined;
    const path = uriToPath(uri);
    return path !== undefined && this.boundary().excludes(path) ? OUTSIDE_REASON : undefined;
  }

  files(): readonly string[] {
    const all = new Set(this.known);
    for (const document of this.documents.all()) all.add(document.uri);
    return [...all];
  }

  /** Records a created or changed file that is a configuration file (`kind` known). */
  add(uri: string): void {
    this.known.add(uri);
    this.uncache(uri);
  }

  remove(uri: string): void {
    this.known.delete(uri);
    this.uncache(uri);
  }

  changed(uri: string): void {
    this.uncache(uri);
  }

  has(uri: string): boolean {
    return this.known.has(uri);
  }

  /**
   * Walks `folders` (paths) and keeps the files `isConfig` accepts. It replaces the previous index.
   * `isConfig` gets the text only for names whose kind depends on content, and only when small.
   */
  async index(
    folders: readonly string[],
    excludes: readonly string[],
    isConfig: (uri: string, readText: () => string | undefined) => boolean,
  ): Promise<IndexResult> {
    this.folders = folders.length > 0 ? new Boundary(folders) : undefined;
    const found = new Set<string>();
    let entries = 0;
    const excluded = (path: string) => excludes.some((glob) => matchesGlob(path, glob));
    const walk = async (dir: string): Promise<void> => {
      let handle;
      try {
        handle = await opendir(dir);
      } catch {
        return; // Unreadable folder: skipped, the rest of the walk goes on.
      }
      for await (const entry of handle) {
        if (++entries > MAX_ENTRIES) return;
        const path = join(dir, entry.name);
        if (ALWAYS_SKIPPED.has(entry.name) || excluded(path)) continue;
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const uri = pathToUri(path);
          if (isConfig(uri, () => sniffable(path))) found.add(uri);
        }
      }
    };
    for (const folder of folders) await walk(folder);
    this.known.clear();
    for (const uri of found) this.known.add(uri);
    this.diskCache.clear();
    this.diskCacheChars = 0;
    return { files: found.size, truncated: entries > MAX_ENTRIES };
  }

  private readDisk(uri: string): string | undefined {
    const path = uriToPath(uri);
    if (path === undefined || this.boundary().excludes(path)) return undefined;
    try {
      const stats = statSync(path);
      if (!stats.isFile()) return undefined;
      const cached = this.diskCache.get(uri);
      this.uncache(uri);
      const fresh = cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size;
      // A file far beyond the engine's limit is not read whole: the engine would skip it anyway.
      const text = fresh ? cached.text : stats.size > MAX_FILE_CHARS * 4 ? undefined : readRegularFile(path, MAX_FILE_CHARS * 4).toString('utf8');
      // Map order is use order: re-inserted last, so the first entries are the least recently read.
      this.diskCache.set(uri, { mtimeMs: stats.mtimeMs, size: stats.size, text });
      this.diskCacheChars += text?.length ?? 0;
      for (const [oldest, entry] of this.diskCache) {
        if (this.diskCacheChars <= this.diskCacheLimit || oldest === uri) break;
        this.diskCache.delete(oldest);
        this.diskCacheChars -= entry.text?.length ?? 0;
      }
      return text;
    } catch {
      return undefined;
    }
  }

  /** The workspace folders; with none (a single file opened), the folders of the open documents. */
  private boundary(): Boundary {
    if (this.folders) return this.folders;
    const open: string[] = [];
    for (const document of this.documents.all()) {
      const path = uriToPath(document.uri);
      if (path !== undefined) open.push(dirname(path));
    }
    return new Boundary(open);
  }

  private uncache(uri: string): void {
    const entry = this.diskCache.get(uri);
    if (!entry) return;
    this.diskCache.delete(uri);
    this.diskCacheChars -= entry.text?.length ?? 0;
  }
}

/** A file's text when small enough to sniff its kind from content. */
function sniffable(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size <= SNIFF_LIMIT_BYTES ? readRegularFile(path, SNIFF_LIMIT_BYTES).toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
