/** The Billing API of the docs' example as an own product, and an engine that knows it, for tests. */
import { Engine } from '../../server/src/engine/engine';
import { products as builtIn } from '../index';
import { ownProductsFrom } from './index';

export const BILLING = {
  'billing-api': {
    name: 'Billing API',
    files: ['services/billing/**'],
    envPrefix: 'BILLING_',
    images: ['ghcr.io/acme/billing'],
    settings: {
      BILLING_DATABASE_URL: { type: 'url', schemes: ['postgres', 'postgresql'], required: 'production' },
      BILLING_JWT_SECRET: { secret: 'hex-32', required: 'always', description: 'Signs the billing session tokens.' },
      BILLING_PORT: { type: 'port', default: 8080 },
      BILLING_LOG_LEVEL: { enum: ['debug', 'info', 'warn', 'error'] },
      BILLING_CORS_ORIGINS: { type: 'origins' },
      BILLING_DEBUG: { type: 'boolean', production: false },
      'server.port': { type: 'port', source: 'toml' },
    },
  },
};

export const billing = ownProductsFrom(BILLING);

/** The built-in products and Billing API, whose `files:` glob is `services/billing/**` anywhere. */
export const billingEngine = new Engine({
  products: [...builtIn, ...billing.products.map((own) => own.definition)],
  productAssociations: [{ glob: '**/services/billing/**', product: 'billing-api' }],
});
