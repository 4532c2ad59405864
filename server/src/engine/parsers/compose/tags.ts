import type { CollectionTag, ScalarTag } from 'yaml';

/**
 * Compose's own YAML tags (compose-spec "merge" rules): `!reset` drops an inherited value,
 * `!override` replaces it instead of merging. In a single file `!override` is the value itself and
 * `!reset` removes the key, which is what `data` shows.
 */
export const RESET = Symbol('compose !reset');

const reset = (): typeof RESET => RESET;

export const composeTags: (ScalarTag | CollectionTag)[] = [
  { tag: '!reset', resolve: reset },
  { tag: '!reset', collection: 'map', resolve: reset },
  { tag: '!reset', collection: 'seq', resolve: reset },
  { tag: '!override', resolve: (value: string) => value },
  { tag: '!override', collection: 'map' },
  { tag: '!override', collection: 'seq' },
];

/** A `toJS` reviver that drops `!reset` values, as Compose does once files are merged. */
export function dropResets(_key: unknown, value: unknown): unknown {
  return value === RESET ? undefined : value;
}
