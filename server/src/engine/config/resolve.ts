import { matchesGlob } from '../detect/glob';
import type { ProductDefinition } from '../../../../schemas/types';
import type { ProductAssociation } from '../engine';
import type { Mode, ProductId, SeverityOverride } from '../types';
import type { ProjectConfig } from './parse';

/** A parsed config and the folder it sits in (a `/`-separated path without trailing `/`). */
export interface LocatedConfig {
  readonly folder: string;
  /** The config file's own path, when it was read from disk. */
  readonly path?: string;
  readonly config: ProjectConfig;
}

/** What the configs above one file say about it. */
export interface ResolvedFileConfig {
  readonly severities: Readonly<Record<string, SeverityOverride>>;
  readonly product?: ProductId;
  readonly mode?: Mode;
  readonly ownProducts: readonly ProductDefinition[];
  /** Own products' `files:` globs, made absolute so they match the engine's file paths. */
  readonly productAssociations: readonly ProductAssociation[];
  readonly nginxModules: readonly string[];
  readonly ignored: boolean;
}

/**
 * Resolves a file's settings from its config chain, outermost first. ESLint's cascade: each
 * nearer config, then each matching override in order, overwrites what came before key by key.
 */
export function resolveForFile(chain: readonly LocatedConfig[], filePath: string): ResolvedFileConfig {
  const severities: Record<string, SeverityOverride> = {};
  let product: ProductId | undefined;
  let mode: Mode | undefined;
  const ownProducts: ProductDefinition[] = [];
  const productAssociations: ProductAssociation[] = [];
  let nginxModules: readonly string[] = [];
  let ignored = false;
  for (const { folder, config } of chain) {
    const relative = relativeTo(folder, filePath);
    if (relative === undefined) continue;
    Object.assign(severities, config.rules);
    for (const override of config.overrides) {
      if (!override.files.some((glob) => matchesRelative(relative, glob))) continue;
      Object.assign(severities, override.rules);
      if (override.product !== undefined) product = override.product;
      if (override.mode !== undefined) mode = override.mode;
    }
    // Nearer products first, so a nearer config's association wins the engine's first-match lookup.
    ownProducts.unshift(...config.ownProducts.map((own) => own.definition));
    productAssociations.unshift(...config.ownProducts.flatMap((own) => own.files.map((glob) => ({ glob: absoluteGlob(folder, glob), product: own.definition.id, source: 'config' as const }))));
    if (config.nginxModules.length > 0) nginxModules = config.nginxModules;
    if (config.ignore.some((glob) => matchesRelative(relative, glob))) ignored = true;
  }
  return { severities, ...(product !== undefined ? { product } : {}), ...(mode !== undefined ? { mode } : {}), ownProducts, productAssociations, nginxModules, ignored };
}

/** `filePath` relative to `folder`, or undefined when it is not inside it. */
export function relativeTo(folder: string, filePath: string): string | undefined {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return filePath.startsWith(prefix) ? filePath.slice(prefix.length) : undefined;
}

/**
 * A glob with a `/` is anchored at the config's folder (as in `.gitignore`); one without matches a
 * file name at any depth below it.
 */
export function matchesRelative(relative: string, glob: string): boolean {
  return glob.includes('/') ? matchesGlob(`/${relative}`, `/${glob}`) : matchesGlob(relative, glob);
}

function absoluteGlob(folder: string, glob: string): string {
  // A glob without `/` matches a file name at any depth below the config's folder, as in ignore files.
  const pattern = glob.includes('/') ? glob : `**/${glob}`;
  return `${folder.endsWith('/') ? folder : `${folder}/`}${pattern}`;
}
