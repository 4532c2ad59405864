import { join, resolve } from 'node:path';

/**
 * Where the hosts the CLI and server tests run are: `npm test` builds each run's own and names the
 * folder in DEPLOY_DOCTOR_HOSTS (scripts/test.mjs); otherwise `npm run build`'s dist/.
 */
const HOSTS_DIR = resolve(process.env['DEPLOY_DOCTOR_HOSTS'] ?? 'dist');

export const BUILT_CLI = join(HOSTS_DIR, 'cli.js');
export const BUILT_SERVER = join(HOSTS_DIR, 'server.js');
