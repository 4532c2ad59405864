import type { ProductDefinition } from './types';

// Scaffold: detection only; the settings are written from ../shared/products/ and the guides.
export const fireflyDesk: ProductDefinition = {
  id: 'firefly-desk',
  name: 'Firefly Desk',
  version: 'unknown',
  detect: { envPrefixes: ['FLYDESK_'], images: ['firefly-desk', 'flydesk'], nginxLocations: ['/api/'] },
  settings: [],
};
