import type { ProductDefinition, SettingSpec } from './types';

/*
 * Finding a product's setting by the name a file uses: the key itself, an alias the product
 * also accepts, a key family's pattern, ignoring case where the product does.
 */

/** The spec of `key` for `product`, or undefined when the product does not read it. */
export function specOf(product: ProductDefinition, key: string): SettingSpec | undefined {
  const index = indexOf(product);
  const exact = index.byName.get(key) ?? (product.caseInsensitiveKeys ? index.byLowerName.get(key.toLowerCase()) : undefined);
  if (exact) return exact;
  return product.settings.find((spec) => spec.keyPattern?.test(product.caseInsensitiveKeys ? key.toUpperCase() : key));
}

/** The names a spec may be written as: its key and its aliases. */
export function namesOf(spec: SettingSpec): readonly string[] {
  return spec.aliases ? [spec.key, ...spec.aliases] : [spec.key];
}

/** True when `key` names `spec` (directly, by alias or by pattern), under the product's case rule. */
export function isNameOf(product: ProductDefinition, spec: SettingSpec, key: string): boolean {
  const fold = (name: string) => (product.caseInsensitiveKeys ? name.toLowerCase() : name);
  return namesOf(spec).some((name) => fold(name) === fold(key)) || (spec.keyPattern?.test(key) ?? false);
}

/** The env prefixes whose keys the product's schema covers. */
export function envPrefixesOf(product: ProductDefinition): readonly string[] {
  return product.envPrefixes ?? product.detect.envPrefixes ?? [];
}

/** The concrete names of the product's settings (no families), for suggestions and completion. */
export function knownNames(product: ProductDefinition, source: 'env' | 'toml'): string[] {
  return product.settings.filter((spec) => !spec.keyPattern && (spec.source ?? 'env') === source).flatMap((spec) => namesOf(spec));
}

interface SpecIndex {
  readonly byName: ReadonlyMap<string, SettingSpec>;
  readonly byLowerName: ReadonlyMap<string, SettingSpec>;
}

const indexes = new WeakMap<ProductDefinition, SpecIndex>();

function indexOf(product: ProductDefinition): SpecIndex {
  let index = indexes.get(product);
  if (!index) {
    const byName = new Map<string, SettingSpec>();
    const byLowerName = new Map<string, SettingSpec>();
    for (const spec of product.settings) {
      if (spec.keyPattern) continue;
      for (const name of namesOf(spec)) {
        byName.set(name, spec);
        byLowerName.set(name.toLowerCase(), spec);
      }
    }
    index = { byName, byLowerName };
    indexes.set(product, index);
  }
  return index;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  const upper = name.toUpperCase();
  for (const candidate of candidates) {
    const distance = editDistance(upper, candidate.toUpperCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  // A quarter of the name, at least 2 edits: `FLYDESK_CORS_ORIGIN` → `FLYDESK_CORS_ORIGINS`, not unrelated keys.
  const allowed = Math.max(2, Math.floor(name.length / 4));
  return best.distance <= allowed ? best.candidate : undefined;
}
