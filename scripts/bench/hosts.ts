/**
 * What the benchmark runs as the language server and the CLI: the production bundles (minified,
 * as the VSIX ships them), which scripts/bench.mjs builds into .bench/dist before every run.
 */
import type { SessionOptions } from '../../test/server/lspSession';

export const CLI = '.bench/dist/cli.js';

/** The session options that run the shipped server bundle. */
export const SERVER: Pick<SessionOptions, 'server'> = { server: '.bench/dist/server.js' };
