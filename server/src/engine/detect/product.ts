import type { ProductDefinition } from '../../../../schemas/types';
import { matchesGlob } from './glob';
import type { ProductSignals } from './signals';

/**
 * The product whose detection rules the signals satisfy best, or undefined. Order of evidence:
 * an image or a product-only key prefix is decisive; then signature keys, TOML keys and nginx
 * locations count towards their product's threshold.
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
  const prefixed = signals.envKeys.filter((key) => detect.envPrefixes?.some((prefix) => key.startsWith(prefix))).length;
  if (prefixed > 0) return 500 + prefixed;
  const signature = new Set(detect.signatureKeys ?? []);
  const minimum = detect.minSignatureKeys ?? 2;
  const signatureHits = new Set(signals.envKeys.filter((key) => signature.has(key))).size;
  const tomlHits = new Set(signals.tomlKeys.filter((key) => detect.tomlKeys?.includes(key))).size;
  const locationHits = new Set(signals.nginxLocations.filter((location) => detect.nginxLocations?.includes(location))).size;
  let score = 0;
  if (signatureHits >= minimum) score += signatureHits * 10;
  if (tomlHits >= minimum) score += tomlHits * 10;
  if (locationHits >= 1) score += locationHits;
  return score;
}
