import { uriToPath, type WorkspaceView } from '../engine';
import { describeFsError, fsErrorCode } from './errors';
import { readConfigText } from './readText';
import { OUTSIDE_REASON, type Boundary } from './boundary';

/** Error codes that mean the file is not there, which rules such as compose/env-file-missing report. */
const ABSENT_CODES = new Set(['ENOENT', 'ENOTDIR']);

/** A file's text, or why it was not read; `absent` when it is not there at all. */
export type LoadResult = { readonly text: string } | { readonly error: string; readonly absent: boolean };

/**
 * The workspace over the file system: any file by URI (cross-file rules read the `.env` beside
 * a compose file even when only the compose file was named), each read once. `files()` is the
 * configuration files the walk found.
 */
export class FileSystemWorkspace implements WorkspaceView {
  private readonly loaded = new Map<string, LoadResult>();
  private configFiles: readonly string[] = [];

  /** Without a boundary, any file is read (tests of the engine's cross-file rules). */
  constructor(private readonly boundary?: Boundary) {}

  /** The text of `uri`, or why it could not be read. */
  load(uri: string): LoadResult {
    let result = this.loaded.get(uri);
    if (!result) {
      result = read(uri, this.boundary);
      this.loaded.set(uri, result);
    }
    return result;
  }

  /** Serves `text` for `uri` instead of the disk (a text given on stdin). */
  provide(uri: string, text: string): void {
    this.loaded.set(uri, { text });
  }

  readText(uri: string): string | undefined {
    const result = this.load(uri);
    return 'text' in result ? result.text : undefined;
  }

  /** Why a file that may exist was not read: it leaves the checked tree. */
  refusal(uri: string): string | undefined {
    const result = this.load(uri);
    return 'error' in result && result.error === OUTSIDE_REASON ? result.error : undefined;
  }

  setFiles(uris: readonly string[]): void {
    this.configFiles = [...uris];
  }

  files(): readonly string[] {
    return this.configFiles;
  }

  /**
   * Files read on the side (a `.env` beside compose, an `env_file`, an include) that exist but
   * were refused or unreadable, by URI: a missing one is the rules' business, this one the user's.
   */
  sideFilesNotRead(): { readonly uri: string; readonly reason: string }[] {
    const configFiles = new Set(this.configFiles);
    const notRead: { uri: string; reason: string }[] = [];
    for (const [uri, result] of this.loaded) {
      if ('error' in result && !configFiles.has(uri) && !result.absent) notRead.push({ uri, reason: result.error });
    }
    return notRead;
  }
}

function read(uri: string, boundary: Boundary | undefined): LoadResult {
  const path = uriToPath(uri);
  if (path === undefined) return { error: 'not a file URI', absent: true };
  if (boundary?.excludes(path)) return { error: OUTSIDE_REASON, absent: false };
  try {
    return { text: readConfigText(path) };
  } catch (error) {
    return { error: describeFsError(error), absent: ABSENT_CODES.has(fsErrorCode(error)) };
  }
}
