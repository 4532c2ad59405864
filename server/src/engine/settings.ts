import type { ProductDefinition } from '../../../schemas/types';
import { detectProduct } from './detect/product';
import { serviceSignals } from './detect/signals';
import type { ParsedDocument } from './document';
import type { ProductSource } from './engine';
import { composeEnvironmentGroups, type ComposeEnvironmentGroup } from './parsers/compose/environment';
import type { Span } from './types';

/**
 * Settings as a product sees them, whatever format they are written in: the lines of a `.env`,
 * a compose service's `environment:`, the keys of a TOML file. Product-schema, secret, CORS and
 * security rules check these, so one schema serves all three formats.
 */
export interface SettingOccurrence {
  /** Env name (`JWT_SECRET`) or dotted TOML path (`auth.enabled`; array-of-tables indexes dropped). */
  readonly key: string;
  /** The value as the product reads it, as a string; undefined when the key has no value. */
  readonly value: string | undefined;
  /** TOML's typed value (number, boolean, array…); for env and compose the same string as `value`. */
  readonly typedValue: unknown;
  readonly keySpan: Span;
  /** The value as written (quotes included); empty at the insertion point when there is no value. */
  readonly valueSpan: Span;
  /** True when `value` came from `${VAR}` interpolation rather than from the text at `valueSpan`. */
  readonly interpolated: boolean;
}

export interface SettingGroup {
  /** A compose service's name; undefined for a whole `.env` or TOML file. */
  readonly scope: string | undefined;
  /** The span of the scope's name (the service key), or of the whole file. */
  readonly scopeSpan: Span;
  /** Where a new setting of this group is inserted (after the last one, or where the block starts). */
  readonly insertAt: number;
  readonly settings: readonly SettingOccurrence[];
  /** The product these settings configure, when known. */
  readonly product: ProductDefinition | undefined;
}

/** One lookup for every caller without a project `.env`, so they share one set of compose groups. */
const NO_INTERPOLATION = (): string | undefined => undefined;

/**
 * The setting groups of a file. `fileProduct` is the product detected for the whole file; compose
 * services are detected one by one (a stack has a product service beside postgres and redis).
 */
export function settingGroupsOf(
  document: ParsedDocument,
  fileProduct: ProductDefinition | undefined,
  products: readonly ProductDefinition[],
  interpolate: (name: string) => string | undefined = NO_INTERPOLATION,
  fileProductChosen = false,
): SettingGroup[] {
  const whole: Span = { start: 0, end: document.text.length };
  switch (document.kind) {
    case 'env':
      return [
        {
          scope: undefined,
          scopeSpan: whole,
          insertAt: document.text.length,
          product: fileProduct,
          settings: document.ast.entries.map((entry) => ({
            key: entry.key,
            value: entry.value,
            typedValue: entry.value,
            keySpan: entry.keySpan,
            valueSpan: entry.valueSpan,
            interpolated: false,
          })),
        },
      ];
    case 'toml':
      return [
        {
          scope: undefined,
          scopeSpan: whole,
          insertAt: document.text.length,
          product: fileProduct,
          settings: document.ast.keyValues.map((kv) => ({
            key: kv.key,
            value: tomlString(kv.value),
            typedValue: kv.value,
            keySpan: kv.keySpan,
            valueSpan: kv.valueSpan,
            interpolated: false,
          })),
        },
      ];
    case 'compose':
      return composeSettingGroups(composeEnvironmentGroups(document.ast, interpolate), fileProduct, products, fileProductChosen);
    case 'nginx':
      return [];
  }
}

/**
 * Compose services' environments as setting groups, in the same order: each service's product is
 * detected from its own keys and image, or is the file's product when it sets some of its keys,
 * or, when the user chose the file's product (`fileProductChosen`: a flag, a directive, a
 * `files:` association), when it builds from the project's source (`build:`), as the product's
 * own service does; an image such as postgres beside it stays no product's.
 */
export function composeSettingGroups(
  groups: readonly ComposeEnvironmentGroup[],
  fileProduct: ProductDefinition | undefined,
  products: readonly ProductDefinition[],
  fileProductChosen = false,
): SettingGroup[] {
  return groups.map((group) => ({
    scope: group.scope,
    scopeSpan: group.scopeSpan,
    insertAt: group.insertAt,
    settings: group.settings,
    product: detectProduct(serviceSignals(keysOf(group.settings), group.image), products) ?? fileProductOf(group, fileProduct, fileProductChosen),
  }));
}

const NO_KEYS: readonly string[] = [];

function keysOf(settings: readonly SettingOccurrence[]): readonly string[] {
  return settings.length === 0 ? NO_KEYS : settings.map((setting) => setting.key);
}

/** True when the user chose the file's product (a flag, a directive, a `files:` association) rather than it being detected. */
export function isChosenProduct(source: ProductSource | undefined): boolean {
  return source !== undefined && source !== 'content';
}

function fileProductOf(group: ComposeEnvironmentGroup, fileProduct: ProductDefinition | undefined, chosen: boolean): ProductDefinition | undefined {
  if (!fileProduct) return undefined;
  if (chosen && group.builds) return fileProduct;
  return group.settings.some((s) => fileProduct.settings.some((spec) => spec.key === s.key)) ? fileProduct : undefined;
}

function tomlString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  try {
    return JSON.stringify(value);
  } catch {
    // Nesting too deep for the call stack (`a = {b = {c = …}}` thousands deep): no text to judge.
    return undefined;
  }
}
