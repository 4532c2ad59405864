import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { repositoryRoot } from './boundary';
import { Engine, type CheckOptions, type SeverityOverride } from '../engine';
import { ConfigChains, parseProjectConfig, resolveForFile, type ConfigFileSystem, type LocatedConfig } from '../engine/config';
import { products as knownProducts } from '../../../schemas';
import type { CheckCommand } from './args';
import { UsageError } from './errors';

const nodeFileSystem: ConfigFileSystem = {
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};

/** What a check of one file uses: the engine for its resolved config, its options, and whether `ignore:` skips it. */
export interface FileSetup {
  readonly engine: Engine;
  readonly options: CheckOptions;
  readonly ignored: boolean;
  /** The configs that apply, to report their own problems once. */
  readonly configs: readonly LocatedConfig[];
}

/**
 * Resolves each file's config (CLI flags win over it) and keeps one engine per distinct resolved
 * config, so the many files under one config share an engine and its caches.
 */
export class CliConfigs {
  private readonly chains: ConfigChains | undefined;
  private readonly explicit: readonly LocatedConfig[] | undefined;
  private readonly engines = new Map<string, Engine>();

  constructor(
    private readonly command: Pick<CheckCommand, 'config' | 'severities' | 'product' | 'mode'>,
    private readonly baseEngine: Engine,
    cwd: string,
  ) {
    const vocabulary = { ruleIds: new Set(baseEngine.rules.map((rule) => rule.meta.id)), productIds: new Set(baseEngine.products.map((product) => product.id)) };
    if (command.config.kind === 'file') {
      const path = resolve(cwd, command.config.path);
      const text = nodeFileSystem.readText(path);
      if (text === undefined) throw new UsageError(`--config: cannot read \`${command.config.path}\``);
      // As ESLint's `--config`: the file applies to everything checked, its globs relative to the current folder.
      this.explicit = [{ folder: toSlashes(resolve(cwd)), path: toSlashes(path), config: parseProjectConfig(text, vocabulary) }];
    } else if (command.config.kind === 'discover') {
      this.chains = new ConfigChains(toSlashes(repositoryRoot(cwd)), nodeFileSystem, vocabulary);
    }
  }

  setupFor(filePath: string): FileSetup {
    const path = toSlashes(filePath);
    const chain = this.explicit ?? this.chains?.chainFor(path.slice(0, path.lastIndexOf('/'))) ?? [];
    const resolved = resolveForFile(chain, path);
    const severities: Record<string, SeverityOverride> = { ...resolved.severities, ...this.command.severities };
    const product = this.command.product ?? resolved.product;
    const mode = this.command.mode ?? resolved.mode;
    const options: CheckOptions = { ...(product !== undefined ? { product } : {}), ...(mode !== undefined ? { mode } : {}) };
    if (chain.length === 0) return { engine: this.baseEngine, options, ignored: false, configs: [] };
    const key = JSON.stringify([severities, resolved.ownProducts.map((own) => own.id), resolved.productAssociations, resolved.nginxModules]);
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine({ severities, products: [...knownProducts, ...resolved.ownProducts], productAssociations: resolved.productAssociations, nginxModules: resolved.nginxModules });
      this.engines.set(key, engine);
    }
    return { engine, options, ignored: resolved.ignored, configs: chain };
  }
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
