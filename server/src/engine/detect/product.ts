import type { ProductDefinition } from '../../../../schemas/types';
import { matchesGlob } from './glob';
import type { ProductSignals } from './signals';

/**
 * The product whose detection rules the signals satisfy best, or undefined. Order of evidence:
 * a path, an image, an nginx backend named for the product or a product-only key prefix is
 * decisive; then signature keys and TOML keys count towards their product's threshold.
 */
export function detectProduct(signals: ProductSignals, products: readonly ProductDefinition[]): ProductDefinition | undefined {
  let best: ProductDefinition | undefined;
  let bestScore = 0;
  for (const product of products) {
    const score = scoreProduct(signals, product);
    if (score > bestScore) {
      best = product;
      bestScore = score;
    }
  }
  return best;
}

function scoreProduct(signals: ProductSignals, product: ProductDefinition): number {
  const detect = product.detect;
  if (signals.path !== undefined && matchesAnyGlob(signals.path, detect.paths)) return 1000;
  if (containsAny(signals.images, detect.images, false)) return 1000;
  if (containsAny(signals.nginxBackends, detect.nginxBackends, true)) return 1000;
  const prefixed = countPrefixed(signals.envKeys, detect.envPrefixes);
  if (prefixed > 0) return 500 + prefixed;
  const minimum = detect.minSignatureKeys ?? 2;
  const signatureHits = distinctHits(signals.envKeys, detect.signatureKeys);
  const tomlHits = distinctHits(signals.tomlKeys, detect.tomlKeys);
  let score = 0;
  if (signatureHits >= minimum) score += signatureHits * 10;
  if (tomlHits >= minimum) score += tomlHits * 10;
  return score;
}

// Detection runs on every check, over every key of the file and for every compose service: these
// loop by index rather than build arrays, sets or closures, or iterate (for-of over arrays of
// mixed kinds, frozen or not, made V8 allocate an iterator result per step), which were most of
// what a check of a large compose file allocated here.

function matchesAnyGlob(path: string, globs: readonly string[] | undefined): boolean {
  if (!globs) return false;
  for (let i = 0; i < globs.length; i++) if (matchesGlob(path, globs[i]!)) return true;
  return false;
}

/** True when one of `names` contains one of `wanted` (lower-cased first with `folded`). */
function containsAny(names: readonly string[], wanted: readonly string[] | undefined, folded: boolean): boolean {
  if (!wanted?.length) return false;
  for (let i = 0; i < names.length; i++) {
    const text = folded ? names[i]!.toLowerCase() : names[i]!;
    for (let j = 0; j < wanted.length; j++) if (text.includes(wanted[j]!)) return true;
  }
  return false;
}

function countPrefixed(keys: readonly string[], prefixes: readonly string[] | undefined): number {
  if (!prefixes?.length) return 0;
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    for (let j = 0; j < prefixes.length; j++) {
      if (keys[i]!.startsWith(prefixes[j]!)) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** How many of `wanted` occur among `keys`. */
function distinctHits(keys: readonly string[], wanted: readonly string[] | undefined): number {
  if (!wanted?.length) return 0;
  let found: Set<string> | undefined;
  for (let i = 0; i < keys.length; i++) if (wanted.includes(keys[i]!)) (found ??= new Set()).add(keys[i]!);
  return found?.size ?? 0;
}
