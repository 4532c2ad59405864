import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Boundary } from '../shared/boundary';
import { repositoryRoot } from './boundary';
import type { Engine } from '../engine';
import { ConfigChains, ConfigEngines, parseProjectConfig, type ConfigFileSystem, type FileSetup, type LocatedConfig } from '../engine/config';
import type { CheckCommand } from './args';
import { UsageError } from './errors';
import { readConfigText } from './readText';

/**
 * Config files as the checked files are read: a FIFO or device is refused without blocking, and
 * a discovered config whose real path leaves `boundary` (a link out of the tree) is not read.
 */
export function configFileSystem(boundary: Boundary | undefined): ConfigFileSystem {
  return {
    readText(path) {
      if (boundary?.excludes(path)) return undefined;
      try {
        return readConfigText(path);
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
}

/**
 * Resolves each file's config and checks it with the engine of that config, CLI flags on top
 * (ConfigEngines keeps one engine per distinct resolved config).
 */
export class CliConfigs {
  private readonly chains: ConfigChains | undefined;
  private readonly explicit: readonly LocatedConfig[] | undefined;
  private readonly engines: ConfigEngines;

  constructor(command: Pick<CheckCommand, 'config' | 'severities' | 'product' | 'mode'>, baseEngine: Engine, cwd: string) {
    const checkOptions = { ...(command.product !== undefined ? { product: command.product } : {}), ...(command.mode !== undefined ? { mode: command.mode } : {}) };
    this.engines = new ConfigEngines({ engineOptions: { severities: command.severities }, checkOptions }, baseEngine);
    const vocabulary = { ruleIds: new Set(baseEngine.rules.map((rule) => rule.meta.id)), productIds: new Set(baseEngine.products.map((product) => product.id)) };
    if (command.config.kind === 'file') {
      const path = resolve(cwd, command.config.path);
      const text = configFileSystem(undefined).readText(path);
      if (text === undefined) throw new UsageError(`--config: cannot read \`${command.config.path}\``);
      // As ESLint's `--config`: the file applies to everything checked, its globs relative to the current folder.
      this.explicit = [{ folder: toSlashes(resolve(cwd)), path: toSlashes(path), config: parseProjectConfig(text, vocabulary) }];
    } else if (command.config.kind === 'discover') {
      const root = repositoryRoot(cwd);
      this.chains = new ConfigChains(toSlashes(root), configFileSystem(new Boundary([root])), vocabulary);
    }
  }

  setupFor(filePath: string): FileSetup {
    const path = toSlashes(filePath);
    const chain = this.explicit ?? this.chains?.chainFor(path.slice(0, path.lastIndexOf('/'))) ?? [];
    return this.engines.setupFor(chain, path);
  }
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
