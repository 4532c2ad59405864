import type { ProductDefinition } from './types';

// Scaffold: detection only; the settings are written from ../shared/products/ and the guides.
export const fraiseql: ProductDefinition = {
  id: 'fraiseql',
  name: 'FraiseQL',
  version: 'unknown',
  detect: { envPrefixes: ['FRAISEQL_'], images: ['fraiseql'] },
  settings: [],
};
