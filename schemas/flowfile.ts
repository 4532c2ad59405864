import type { ProductDefinition } from './types';

// Scaffold: detection only; the settings are written from ../shared/products/ and the guides.
export const flowfile: ProductDefinition = {
  id: 'flowfile',
  name: 'Flowfile',
  version: 'unknown',
  detect: { envPrefixes: ['FLOWFILE_'], images: ['flowfile'] },
  settings: [],
};
