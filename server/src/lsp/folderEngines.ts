import { Engine, pathToUri, uriPath } from '../engine';
import { engineOptionsOf, type ServerSettings } from './settings';

/** A workspace folder's own `deployDoctor` settings, as the client resolves them for that folder. */
export interface FolderSettings {
  /** The folder's path. */
  readonly folder: string;
  /** Undefined when the client answered nothing for the folder: the window's settings apply. */
  readonly settings: ServerSettings | undefined;
}

/**
 * The engine each file is checked with. Rule severities and product associations may differ per
 * workspace folder (a multi-root workspace whose folders set `deployDoctor.rules` apart); file
 * kinds, which decide what is indexed, are the window's everywhere. A folder whose settings are
 * the window's shares its engine, and with it the parse cache.
 */
export class FolderEngines {
  private windowEngine: Engine;
  /** Folders with engines of their own, deepest first, so a nested folder wins over its parent. */
  private folders: readonly { readonly prefix: string; readonly engine: Engine }[] = [];

  constructor(settings: ServerSettings) {
    this.windowEngine = new Engine(engineOptionsOf(settings));
  }

  /** The engine of files outside the folders with settings of their own, and for what is not per folder (file kinds, the product list). */
  get window(): Engine {
    return this.windowEngine;
  }

  /** New engines for new settings (which also empties their parse caches). */
  configure(windowSettings: ServerSettings, folders: readonly FolderSettings[]): void {
    const windowOptions = engineOptionsOf(windowSettings);
    this.windowEngine = new Engine(windowOptions);
    const own: { prefix: string; engine: Engine }[] = [];
    for (const { folder, settings } of folders) {
      if (!settings) continue;
      const options = { ...windowOptions, severities: settings.severities, productAssociations: settings.productAssociations };
      if (JSON.stringify(options) === JSON.stringify(windowOptions)) continue;
      const path = uriPath(pathToUri(folder));
      own.push({ prefix: path.endsWith('/') ? path : `${path}/`, engine: new Engine(options) });
    }
    this.folders = own.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The engine for the file at `uri`. */
  for(uri: string): Engine {
    if (this.folders.length === 0 || !uri.startsWith('file:')) return this.windowEngine;
    const path = uriPath(uri);
    return this.folders.find((folder) => path.startsWith(folder.prefix))?.engine ?? this.windowEngine;
  }
}
