import { compileComposeSpecValidators, type ComposeSpecValidators } from './composeSpecAjv';

/**
 * The Compose Specification's validators. The bundles never run this body:
 * `scripts/enginePlugins.mjs` replaces the module with ajv's standalone code, compiled from the
 * schema when the bundles are built. Compiling at run time was most of the first compose check
 * (about 85 ms of a 0.3 s CLI run on one compose file), and ajv itself no longer ships.
 */
export function loadComposeSpecValidators(): ComposeSpecValidators {
  return compileComposeSpecValidators();
}
