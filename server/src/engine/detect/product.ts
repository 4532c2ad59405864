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
  const prefixed = signals.envKeys.filter((key) => detect.envPrefixes?.some((prefix) => key.startsWith(prefix))).length;
  if (prefixed > 0) return 500 + prefixed;
  const signature = new Set(detect.signatureKeys ?? []);
  const minimum = detect.minSignatureKeys ?? 2;
  const signatureHits = new Set(signals.envKeys.filter((key) => signature.has(key))).size;
  const tomlHits = new Set(signals.tomlKeys.filter((key) => detect.tomlKeys?.includes(key))).size;
  let score = 0;
  if (signatureHits >= minimum) score += signatureHits * 10;
  if (tomlHits >= minimum) score += tomlHits * 10;
  return score;
}
