import type { ProductDefinition } from './types';

// Scaffold: detection only; the settings are written from ../shared/products/ and the guides.
export const agentim: ProductDefinition = {
  id: 'agentim',
  name: 'AgentIM',
  version: 'unknown',
  detect: { signatureKeys: ['JWT_SECRET', 'ENCRYPTION_KEY', 'CORS_ORIGIN', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'MAX_FILE_SIZE', 'UPLOAD_DIR', 'STORAGE_PROVIDER'], minSignatureKeys: 3, images: ['agentim'], nginxLocations: ['/ws/'] },
  settings: [],
};
