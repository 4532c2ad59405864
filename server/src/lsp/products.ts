import { products as builtInProducts } from '../../../schemas';
import type { ProductDefinition } from '../../../schemas/types';
import type { Engine } from '../engine';
import type { ProductSummary } from './protocol';

const BUILT_IN: ReadonlySet<ProductDefinition> = new Set(builtInProducts);

/** The products a file can be picked as: its engine's, built-in first, then its config's own ones. */
export function productSummaries(engine: Engine): ProductSummary[] {
  return engine.products.map((product) => ({ id: product.id, name: product.name, own: !BUILT_IN.has(product) }));
}
