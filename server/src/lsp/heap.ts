/**
 * The server's memory policy: how V8 may size its heap. A check's syntax tree outlives a
 * young-generation collection or two, so it is promoted and dies in the old generation; left to
 * its defaults, V8 lets such garbage grow to several times the live heap before a full
 * collection. Checking 1,000 files one by one (`npm run bench -- --only scale`) then peaked at
 * 193 MB of RSS for 27 MB of live heap (a heap snapshot after the run), 41 MB of which is the
 * node executable's own code. With both settings below it peaks near 120 MB; typing latency
 * (`--only typing`) is the same within this machine's noise.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Node flags the server is started with: V8 sizes its young generation once, when the process
 * starts, so whoever spawns the server passes them (the extension's client, and the test and
 * benchmark sessions, which then measure what VS Code runs).
 *
 * Semi-spaces of at most 8 MB instead of 16 take the peak from 138 MB to 120, for about 10% more
 * time in that run; 4 MB began to slow the check of a 2,000-line compose file.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent.
 * At 50 the peak went from 193 MB to 138; lower values saved no more memory and began to slow
 * the check of a 2,000-line compose file.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Applies the growth limit to this process. V8 reads the flag each time it sizes the heap after a
 * full collection, so setting it at start-up, after V8 has started, takes effect.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
