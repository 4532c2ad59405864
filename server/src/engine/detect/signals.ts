import type { ParsedDocument } from '../document';
import type { NginxDirective } from '../parsers/nginx/ast';
import { walkDirectives } from '../parsers/nginx/walk';
import { uriPath } from '../uri';

/** What product detection looks at in a file: names only, never values of secrets. */
export interface ProductSignals {
  readonly envKeys: readonly string[];
  readonly images: readonly string[];
  readonly tomlKeys: readonly string[];
  /** nginx `upstream` names and `proxy_pass` hosts: the backends the file proxies to. */
  readonly nginxBackends: readonly string[];
  /** The file's path, for products that own a file by its name (`~/.flovyn/credentials`). */
  readonly path?: string;
}

export function signalsOf(document: ParsedDocument): ProductSignals {
  switch (document.kind) {
    case 'env':
      return { envKeys: document.ast.entries.map((entry) => entry.key), images: [], tomlKeys: [], nginxBackends: [] };
    case 'toml':
      return {
        envKeys: [],
        images: [],
        tomlKeys: document.ast.keyValues.map((kv) => kv.key),
        nginxBackends: [],
        path: uriPath(document.uri),
      };
    case 'compose':
      return composeSignals(document.ast.data);
    case 'nginx':
      return { envKeys: [], images: [], tomlKeys: [], nginxBackends: nginxBackendsOf(document.ast.directives) };
  }
}

/** Shared by the signals of every compose service, which have no TOML keys nor nginx backends. */
const NONE: readonly string[] = [];

/** The signals of one compose service: its environment's keys and its image. */
export function serviceSignals(envKeys: readonly string[], image: string | undefined): ProductSignals {
  return { envKeys, images: image ? [image] : NONE, tomlKeys: NONE, nginxBackends: NONE };
}

/** `upstream` names and the hosts of `proxy_pass` URLs (`http://agentim:3000/` → `agentim`). */
function nginxBackendsOf(directives: readonly NginxDirective[]): string[] {
  const backends: string[] = [];
  walkDirectives(directives, (directive) => {
    // The name first: reading the arguments of every directive of a large file costs memory reads.
    if (directive.name !== 'upstream' && directive.name !== 'proxy_pass') return;
    const target = directive.args[0]?.value;
    if (target !== undefined && directive.block && directive.name === 'upstream') backends.push(target);
    if (target !== undefined && directive.name === 'proxy_pass') {
      const host = PROXY_HOST.exec(target)?.[1];
      if (host) backends.push(host);
    }
  });
  return backends;
}

const PROXY_HOST = /^[a-z]+:\/\/([^/:?#\s]+)/i;

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
  return { envKeys, images, tomlKeys: [], nginxBackends: [] };
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
