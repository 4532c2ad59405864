import type { ProductDefinition } from '../types';
import { translateProducts } from './translate';

/** A problem in the `products:` section of `.deploy-doctor.yaml`; `path` is relative to that section. */
export interface OwnProductProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** A team's own product, described in `.deploy-doctor.yaml`, in the model the built-in products use. */
export interface OwnProduct {
  readonly definition: ProductDefinition;
  /** globs, relative to the config file's folder */
  readonly files: readonly string[];
}

/**
 * The products a `products:` section describes. Never throws: a bad entry is reported and
 * skipped (or, for a bad setting, only that setting), the rest kept.
 */
export function ownProductsFrom(section: unknown): { readonly products: readonly OwnProduct[]; readonly problems: readonly OwnProductProblem[] } {
  return translateProducts(section);
}
