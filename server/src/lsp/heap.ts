import { setFlagsFromString } from 'node:v8';

/**
 * Node flags the server is started with: V8 sizes its young generation once, when the process
 * starts, so whoever spawns the server passes them (the extension's client, and the test and
 * benchmark sessions, which then measure what VS Code runs).
 *
 * Semi-spaces of at most 8 MB instead of 16: checking 1,000 files one by one peaks near 120 MB
 * instead of 138, for about 10% more time in that run and no change in typing latency (measured
 * with `npm run bench -- --only scale,typing`, each way twice; 4 MB began to slow a 2,000-line
 * compose file's check).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent.
 *
 * A check's syntax tree outlives a young-generation collection or two, so it is promoted and dies
 * in the old generation; by default V8 lets that garbage reach two to four times the live heap
 * before collecting it. A server that checks file after file (the initial index, a user going
 * through a workspace) then peaks near 190 MB for about 35 MB of live data. At 50% the same run
 * peaks near 140 MB, and the time to check a file, including the more frequent collections, is
 * the same within this machine's noise (`npm run bench -- --only scale,typing`; lower values
 * saved no more memory and began to slow the check of a 2,000-line compose file).
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Applies the growth limit to this process. V8 reads the flag each time it sizes the heap after a
 * full collection, so setting it at start-up, after V8 has started, takes effect.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
