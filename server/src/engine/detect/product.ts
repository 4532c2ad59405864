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
  if (signals.path !== undefined && detect.paths?.some((glob) => matchesGlob(signals.path!, glob))) return 1000;
  if (detect.images?.some((image) => signals.images.some((used) => used.includes(image)))) return 1000;
  if (detect.nginxBackends?.some((name) => signals.nginxBackends.some((backend) => backend.toLowerCase().includes(name)))) return 1000;
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

// Detection runs on every check, over every key of the file: these count without building arrays.

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
  const found = new Set<string>();
  for (const key of keys) if (wanted.includes(key)) found.add(key);
  return found.size;
}
