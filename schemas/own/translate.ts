import type { OwnProduct, OwnProductProblem } from './index';

export function translateProducts(_section: unknown): { products: OwnProduct[]; problems: OwnProductProblem[] } {
  return { products: [], problems: [] };
}
