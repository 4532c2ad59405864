import type { ProductDefinition } from './types';

// Scaffold: detection only; the settings are written from ../shared/products/ and the guides.
export const flovyn: ProductDefinition = {
  id: 'flovyn',
  name: 'Flovyn Server',
  version: 'unknown',
  detect: { envPrefixes: ['FLOVYN_'], images: ['ghcr.io/flovyn/flovyn-server'], tomlKeys: ['database.url', 'server.http_port', 'server.grpc_port', 'database_url', 'server_port', 'grpc_server_port'] },
  settings: [],
};
