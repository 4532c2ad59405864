import type { EnvEntry, EnvFile } from '../../parsers/env/ast';

const cache = new WeakMap<EnvFile, ReadonlyMap<string, EnvEntry>>();

/**
 * The keys an env file sets, each with its first entry: made once per parse for the rules that
 * look keys up or find keys set again.
 */
export function firstEntriesOf(file: EnvFile): ReadonlyMap<string, EnvEntry> {
  let firstEntries = cache.get(file);
  if (!firstEntries) {
    const map = new Map<string, EnvEntry>();
    for (const entry of file.entries) if (!map.has(entry.key)) map.set(entry.key, entry);
    cache.set(file, (firstEntries = map));
  }
  return firstEntries;
}
