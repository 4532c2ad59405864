import { uriToPath, type WorkspaceView } from '../engine';
import { describeFsError } from './errors';
import { readConfigText } from './readText';

export type LoadResult = { readonly text: string } | { readonly error: string };

/**
 * The workspace over the file system: any file by URI (cross-file rules read the `.env` beside
 * a compose file even when only the compose file was named), each read once. `files()` is the
 * configuration files the walk found.
 */
export class FileSystemWorkspace implements WorkspaceView {
  private readonly loaded = new Map<string, LoadResult>();
  private configFiles: readonly string[] = [];

  /** The text of `uri`, or why it could not be read. */
  load(uri: string): LoadResult {
    let result = this.loaded.get(uri);
    if (!result) {
      result = read(uri);
      this.loaded.set(uri, result);
    }
    return result;
  }

  readText(uri: string): string | undefined {
    const result = this.load(uri);
    return 'text' in result ? result.text : undefined;
  }

  setFiles(uris: readonly string[]): void {
    this.configFiles = [...uris];
  }

  files(): readonly string[] {
    return this.configFiles;
  }
}

function read(uri: string): LoadResult {
  const path = uriToPath(uri);
  if (path === undefined) return { error: 'not a file URI' };
  try {
    return { text: readConfigText(path) };
  } catch (error) {
    return { error: describeFsError(error) };
  }
}
