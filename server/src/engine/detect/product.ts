import type { ProductDefinition } from '../../../../schemas/types';
import { matchesGlob } from './glob';
import type { ProductSignals } from './signals';

/**
 * The product whose detection rules the signals satisfy best, or undefined. Order of evidence:
 * a path, an image, an nginx backend named for the product or a product-only key prefix is
 * decisive; then signature keys and TOML keys count towards their product's threshold.
 */
export function detectProduct(signals: ProductSignals, products: readonly ProductDefinition[]): ProductDefinition | undefined {
  let best: { product: ProductDefinition; score: number } | undefined;
  for (const product of products) {
    const score = scoreProduct(signals, product);
    if (score > 0 && (!best || score > best.score)) best = { product, score };
  }
  return best?.product;
}

function scoreProduct(signals: ProductSignals, product: ProductDefinition): number {
  const detect = product.detect;
  if (signals.path !== undefined && matchesAnyGlob(signals.path, detect.paths)) return 1000;
  if (containsAny(signals.images, detect.images, false)) return 1000;
  if (containsAny(signals.nginxBackends, detect.nginxBackends, true)) return 1000;
  const prefixed = countPrefixed(signals.envKeys, detect.envPrefixes ?? []);
  if (prefixed > 0) return 500 + prefixed;
  const minimum = detect.minSignatureKeys ?? 2;
  const signatureHits = distinctHits(signals.envKeys, detect.signatureKeys ?? []);
  const tomlHits = distinctHits(signals.tomlKeys, detect.tomlKeys ?? []);
  let score = 0;
  if (signatureHits >= minimum) score += signatureHits * 10;
  if (tomlHits >= minimum) score += tomlHits * 10;
  return score;
}

// Detection runs on every check, over every key of the file and for every compose service: these
// loop rather than build arrays, sets or closures, which were most of what a check of a large
// compose file allocated here.

function matchesAnyGlob(path: string, globs: readonly string[] | undefined): boolean {
  for (const glob of globs ?? []) if (matchesGlob(path, glob)) return true;
  return false;
}

/** True when one of `names` contains one of `wanted` (lower-cased first with `folded`). */
function containsAny(names: readonly string[], wanted: readonly string[] | undefined, folded: boolean): boolean {
  if (!wanted?.length) return false;
  for (const name of names) {
    const text = folded ? name.toLowerCase() : name;
    for (const part of wanted) if (text.includes(part)) return true;
  }
  return false;
}

function countPrefixed(keys: readonly string[], prefixes: readonly string[]): number {
  if (prefixes.length === 0) return 0;
  let count = 0;
  for (const key of keys) {
    for (const prefix of prefixes) {
      if (key.startsWith(prefix)) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** How many of `wanted` occur among `keys`. */
function distinctHits(keys: readonly string[], wanted: readonly string[]): number {
  if (wanted.length === 0) return 0;
  let found: Set<string> | undefined;
  for (const key of keys) if (wanted.includes(key)) (found ??= new Set()).add(key);
  return found?.size ?? 0;
}
