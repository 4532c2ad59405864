import type { EnvFile } from '../../parsers/env/ast';

const cache = new WeakMap<EnvFile, ReadonlySet<string>>();

/** The keys an env file sets: a set made once per parse, for the rules that look keys up. */
export function keysOf(file: EnvFile): ReadonlySet<string> {
  let keys = cache.get(file);
  if (!keys) {
    const set = new Set<string>();
    for (const entry of file.entries) set.add(entry.key);
    cache.set(file, (keys = set));
  }
  return keys;
}
