/**
 * The server's memory policy: how V8 may size its heap, and how the C library keeps freed memory.
 * A check's syntax tree outlives a young-generation collection or two, so it is promoted and dies
 * in the old generation; left to its defaults, V8 lets such garbage grow to several times the live
 * heap before a full collection. Checking 1,000 files one by one (`npm run bench -- --only scale`)
 * then peaked at 193 MB of RSS for 27 MB of live heap (a heap snapshot after the run), 41 MB of
 * which is the node executable's own code. With the settings below it peaks near 100 MB; typing
 * latency (`--only typing`) stayed within this machine's noise.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Node flags the server is started with: V8 sizes its young generation once, when the process
 * starts, so whoever spawns the server passes them (the extension's client, and the test and
 * benchmark sessions, which then measure what VS Code runs).
 *
 * Semi-spaces of at most 4 MB instead of 16 hold 24 MB less young generation. Checks of large
 * files were slower with 4 MB when a compose file was read by the `yaml` package; with the block
 * reader (parsers/compose/blockYaml.ts) typing and checking each file take the same time as with
 * 8 MB, and 2 MB began to slow them.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * The environment the server is started with, over the spawner's own. Node's threads (the
 * compiler's, the collector's, libuv's) each get a glibc malloc arena by default, and memory freed
 * in one stays resident for its thread: two arenas shared by all take 5-6 MB off the peak RSS of the
 * benchmark above. A value the user has set is kept; other C libraries ignore the variable.
 */
export function serverEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...base };
}

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent.
 * At 50 the peak went from 193 MB to 138, at 25 (with the semi-spaces and arenas above) from 106 to
 * about 100; the time to check each file did not change.
 */
const HEAP_GROWING_PERCENT = 25;

/**
 * Applies the growth limit to this process. V8 reads the flag each time it sizes the heap after a
 * full collection, so setting it at start-up, after V8 has started, takes effect.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
