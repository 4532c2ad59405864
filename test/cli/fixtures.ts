/** Files more than one CLI test checks. */

/**
 * A Flowfile service whose JWT secret falls back to a published placeholder (`secret/placeholder`
 * on line 5) unless the `.env` beside the compose file sets it.
 */
export const PLACEHOLDER_FALLBACK_COMPOSE = [
  'services:',
  '  core:',
  '    image: edwardvaneechoud/flowfile-core:latest',
  '    environment:',
  '      JWT_SECRET_KEY: ${JWT_SECRET_KEY:-flowfile-dev-secret-change-in-production}',
  '',
].join('\n');

/** The `.env` that sets that secret to a generated value, so the fallback is not used. */
export const JWT_SECRET_ENV = 'JWT_SECRET_KEY=0f5e2b8c9d7a4e1f3b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a\n';
