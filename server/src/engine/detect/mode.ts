import type { ParsedDocument } from '../document';
import type { Mode } from '../types';
import { basename } from '../uri';

const PRODUCTION_NAME = /^\.env\.(production|prod)(\..*)?$|^(production|prod)\.env$/i;
const DEVELOPMENT_NAME = /^\.env\.(development|dev|local|test)(\..*)?$|^(development|dev|local|test)\.env$/i;

/**
 * Production unless the file says otherwise (SPEC §2): a development-named `.env`, `NODE_ENV`
 * set to development, or `FLYDESK_DEV_MODE=true` in a file named for development. A file named
 * for production (`.env.production`) stays production whatever it sets, so `security/dev-mode`
 * can flag its development switches. The `mode=` directive and host options take precedence and
 * are applied by the caller.
 */
export function detectMode(document: ParsedDocument): Mode {
  const name = basename(document.uri);
  if (PRODUCTION_NAME.test(name)) return 'production';
  if (DEVELOPMENT_NAME.test(name)) return 'development';
  if (document.kind === 'env') {
    const nodeEnv = document.ast.entries.find((entry) => entry.key === 'NODE_ENV');
    if (nodeEnv && /^(development|dev|test)$/i.test(nodeEnv.value.trim())) return 'development';
  }
  return 'production';
}
