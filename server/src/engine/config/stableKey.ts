import type { ProductDefinition } from '../../../../schemas/types';
import type { ProjectConfig } from './parse';

/**
 * JSON of plain data whose text is the same whenever the data is: object keys sorted (a record's
 * order does not change what it means), a RegExp as its source and flags, and a function (a
 * hand-written product's `checks`) by identity, since two functions cannot be compared by text.
 */
export function stableKey(value: unknown): string {
  return JSON.stringify(normalized(value));
}

const functionIds = new WeakMap<object, number>();
let nextFunctionId = 0;

function normalized(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return { $function: functionId(value) };
    return typeof value === 'bigint' ? { $bigint: String(value) } : value;
  }
  if (Array.isArray(value)) return value.map(normalized);
  if (value instanceof RegExp) return { $regexp: String(value) };
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = normalized(item);
  }
  return sorted;
}

function functionId(value: object): number {
  let id = functionIds.get(value);
  if (id === undefined) {
    id = nextFunctionId++;
    functionIds.set(value, id);
  }
  return id;
}

const definitionKeys = new WeakMap<ProductDefinition, string>();

/** A product definition's key, computed once per definition object (every lookup of a file under it asks). */
export function definitionKey(definition: ProductDefinition): string {
  let key = definitionKeys.get(definition);
  if (key === undefined) {
    key = stableKey(definition);
    definitionKeys.set(definition, key);
  }
  return key;
}

/** What a config file says, without its problems: two parses with the same key check every file alike. */
export function effectiveConfigKey(config: ProjectConfig): string {
  const ownProducts = config.ownProducts.map((own) => `${stableKey(own.files)}${definitionKey(own.definition)}`).join('|');
  return `${stableKey([config.root, config.rules, config.overrides, config.ignore, config.nginxModules])}|${ownProducts}`;
}
