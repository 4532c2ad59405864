import type { ParsedDocument } from '../document';
import type { NginxDirective } from '../parsers/nginx/ast';
import { uriPath } from '../uri';

/** What product detection looks at in a file: names only, never values of secrets. */
export interface ProductSignals {
  readonly envKeys: readonly string[];
  readonly images: readonly string[];
  readonly tomlKeys: readonly string[];
  readonly nginxLocations: readonly string[];
  /** The file's path, for products that own a file by its name (`~/.flovyn/credentials`). */
  readonly path?: string;
}

export function signalsOf(document: ParsedDocument): ProductSignals {
  switch (document.kind) {
    case 'env':
      return { envKeys: document.ast.entries.map((entry) => entry.key), images: [], tomlKeys: [], nginxLocations: [] };
    case 'toml':
      return {
        envKeys: [],
        images: [],
        tomlKeys: document.ast.keyValues.map((kv) => kv.path.filter((part) => typeof part === 'string').join('.')),
        nginxLocations: [],
        path: uriPath(document.uri),
      };
    case 'compose':
      return composeSignals(document.ast.data);
    case 'nginx': {
      const locations: string[] = [];
      collectLocations(document.ast.directives, locations);
      return { envKeys: [], images: [], tomlKeys: [], nginxLocations: locations };
    }
  }
}

function collectLocations(directives: readonly NginxDirective[], into: string[]): void {
  // In document order, with a stack rather than recursion: 10,000 nested blocks must not overflow.
  const stack = [...directives].reverse();
  while (stack.length > 0) {
    const directive = stack.pop()!;
    if (directive.name === 'location' && directive.args.length > 0) {
      into.push(directive.args[directive.args.length - 1]!.value);
    }
    if (directive.block) for (let index = directive.block.children.length - 1; index >= 0; index--) stack.push(directive.block.children[index]!);
  }
}

function composeSignals(data: unknown): ProductSignals {
  const envKeys: string[] = [];
  const images: string[] = [];
  const services = isRecord(data) && isRecord(data['services']) ? data['services'] : {};
  for (const service of Object.values(services)) {
    if (!isRecord(service)) continue;
    if (typeof service['image'] === 'string') images.push(service['image']);
    // A loop, not a spread: an environment list of 100,000+ entries overflows the call stack.
    for (const key of environmentKeys(service['environment'])) envKeys.push(key);
  }
  return { envKeys, images, tomlKeys: [], nginxLocations: [] };
}

/** Keys of a compose `environment:` in map or list form. */
export function environmentKeys(environment: unknown): string[] {
  if (Array.isArray(environment)) {
    return environment.filter((item): item is string => typeof item === 'string').map((item) => item.split('=', 1)[0]!);
  }
  return isRecord(environment) ? Object.keys(environment) : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
