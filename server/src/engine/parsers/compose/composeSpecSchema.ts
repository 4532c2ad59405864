import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Compose Specification JSON schema as shipped in the `dclint` package. The bundles never run
 * this body: `scripts/enginePlugins.mjs` replaces the module with the schema inlined (dclint's package
 * exports hide `schemas/`, and the extension ships without `node_modules`). Type checks and
 * unbundled runs read the file beside dclint's `package.json`.
 */
export function loadComposeSpecSchema(): Record<string, unknown> {
  const packageJson = require.resolve('dclint/package.json');
  return JSON.parse(readFileSync(join(dirname(packageJson), 'schemas', 'compose.schema.json'), 'utf8')) as Record<string, unknown>;
}
