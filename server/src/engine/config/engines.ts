import { products as knownProducts } from '../../../../schemas';
import { Engine, type CheckOptions, type EngineOptions } from '../engine';
import type { SeverityOverride } from '../types';
import { resolveForFile, type LocatedConfig } from './resolve';
import { definitionKey, stableKey } from './stableKey';

/** What a check of one file uses: the engine for its resolved config, its options, and whether `ignore:` skips it. */
export interface FileSetup {
  readonly engine: Engine;
  readonly options: CheckOptions;
  readonly ignored: boolean;
  /**
   * Equal for two setups that check the file alike: the engine's key (what it is built from),
   * the options and `ignored`. A host compares it to tell whether a config edit changed anything.
   */
  readonly key: string;
  /** The configs that apply, to report their own problems once. */
  readonly configs: readonly LocatedConfig[];
}

/**
 * The host's own layer, which wins over the config files: the CLI's flags, the editor's
 * settings. Its severities and product associations are merged on top of the file's; its
 * product and mode replace the file's.
 */
export interface HostLayer {
  readonly engineOptions: EngineOptions;
  readonly checkOptions: CheckOptions;
}

/**
 * One engine per distinct resolved config (merged with the host's layer), so the many files under
 * one config share an engine and its caches. Files under no config use the host's own engine.
 * Engines are keyed by what they are built from (severities, own product definitions, product
 * associations, nginx modules), so a reparse that resolves alike gets the engine it had.
 */
export class ConfigEngines {
  private readonly engines = new Map<string, { readonly engine: Engine; used: number }>();
  private generation = 0;

  constructor(
    private readonly host: HostLayer,
    private readonly baseEngine: Engine,
  ) {}

  /** The engine files under no config are checked with. */
  get base(): Engine {
    return this.baseEngine;
  }

  setupFor(chain: readonly LocatedConfig[], filePath: string): FileSetup {
    const resolved = resolveForFile(chain, filePath);
    const hostOptions = this.host.checkOptions;
    const product = hostOptions.product ?? resolved.product;
    const mode = hostOptions.mode ?? resolved.mode;
    const productSource = hostOptions.product === undefined && resolved.product !== undefined ? { productSource: 'config' as const } : {};
    const options: CheckOptions = { ...(product !== undefined ? { product, ...productSource } : {}), ...(mode !== undefined ? { mode } : {}) };
    if (chain.length === 0) return { engine: this.baseEngine, options, ignored: false, key: `base|${stableKey(options)}`, configs: [] };
    const hostEngine = this.host.engineOptions;
    const severities: Record<string, SeverityOverride> = { ...resolved.severities, ...hostEngine.severities };
    // The engine takes the first association that matches: the host's come first, so they win.
    const productAssociations = [...(hostEngine.productAssociations ?? []), ...resolved.productAssociations];
    const nginxModules = resolved.nginxModules.length > 0 ? resolved.nginxModules : hostEngine.nginxModules;
    const key = `${stableKey([severities, productAssociations, nginxModules ?? null])}|${resolved.ownProducts.map(definitionKey).join('|')}`;
    let entry = this.engines.get(key);
    if (!entry) {
      const engine = new Engine({
        ...hostEngine,
        severities,
        products: [...(hostEngine.products ?? knownProducts), ...resolved.ownProducts],
        productAssociations,
        ...(nginxModules !== undefined ? { nginxModules } : {}),
      });
      entry = { engine, used: this.generation };
      this.engines.set(key, entry);
    }
    entry.used = this.generation;
    return { engine: entry.engine, options, ignored: resolved.ignored, key: `${key}|${stableKey(options)}|${resolved.ignored}`, configs: chain };
  }

  /**
   * Drops the engines no lookup asked for since the previous sweep. A host that reparses a config
   * as it is typed sweeps on each reparse, so the engines of abandoned intermediate states go.
   */
  sweep(): void {
    for (const [key, entry] of this.engines) if (entry.used < this.generation) this.engines.delete(key);
    this.generation++;
  }
}
