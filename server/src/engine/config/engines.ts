import { products as knownProducts } from '../../../../schemas';
import { Engine, type CheckOptions, type EngineOptions } from '../engine';
import type { SeverityOverride } from '../types';
import { resolveForFile, type LocatedConfig } from './resolve';

/** What a check of one file uses: the engine for its resolved config, its options, and whether `ignore:` skips it. */
export interface FileSetup {
  readonly engine: Engine;
  readonly options: CheckOptions;
  readonly ignored: boolean;
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
 */
export class ConfigEngines {
  private readonly engines = new Map<string, Engine>();

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
    const options: CheckOptions = { ...(product !== undefined ? { product } : {}), ...(mode !== undefined ? { mode } : {}) };
    if (chain.length === 0) return { engine: this.baseEngine, options, ignored: false, configs: [] };
    const hostEngine = this.host.engineOptions;
    const severities: Record<string, SeverityOverride> = { ...resolved.severities, ...hostEngine.severities };
    // The engine takes the first association that matches: the host's come first, so they win.
    const productAssociations = [...(hostEngine.productAssociations ?? []), ...resolved.productAssociations];
    const nginxModules = resolved.nginxModules.length > 0 ? resolved.nginxModules : hostEngine.nginxModules;
    const key = JSON.stringify([severities, resolved.ownProducts.map((own) => own.id), productAssociations, nginxModules]);
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine({
        ...hostEngine,
        severities,
        products: [...(hostEngine.products ?? knownProducts), ...resolved.ownProducts],
        productAssociations,
        ...(nginxModules !== undefined ? { nginxModules } : {}),
      });
      this.engines.set(key, engine);
    }
    return { engine, options, ignored: resolved.ignored, configs: chain };
  }

  /** Every engine made so far (to forget a closed document in each). */
  all(): Engine[] {
    return [this.baseEngine, ...this.engines.values()];
  }
}
