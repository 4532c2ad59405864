/**
 * `node scripts/bench.mjs profile KIND [LINES] [ROUNDS]`: checks one generated file ROUNDS times,
 * each from scratch, under `--cpu-prof`, and prints the fastest and the median check. With
 * DD_HEAP=1 it also prints the heap after every ten further checks: a number
 * that keeps growing is a leak.
 */
import { Engine, pathToUri, type FileKind } from '../../server/src/engine';
import { generate } from './generate';

const kind = (process.argv[2] ?? 'compose') as FileKind;
const lines = Number(process.argv[3] ?? 10_000);
const rounds = Number(process.argv[4] ?? 30);
const paths: Record<FileKind, string> = { env: '/bench/.env', toml: '/bench/config.toml', compose: '/bench/docker-compose.yml', nginx: '/bench/nginx/nginx.conf' };
const text = generate(kind, lines);
const uri = pathToUri(paths[kind]);
const files = new Map([[uri, text], [pathToUri('/bench/.env'), kind === 'env' ? text : 'DB_PASSWORD=Q6zBcqSkyevgNww6TFBQn3Ug\nLOG_LEVEL=info\n']]);
const workspace = { readText: (u: string) => files.get(u), files: () => [...files.keys()] };
const engine = new Engine();
const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  engine.forget(uri);
  const start = performance.now();
  engine.check({ uri, text, kind }, workspace);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`${kind} ${lines} lines: min ${times[0]!.toFixed(1)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`);
if (process.env['DD_HEAP']) {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 60; i++) {
    engine.forget(uri);
    engine.check({ uri, text, kind }, workspace);
    if (i % 10 === 9) {
      gc?.();
      console.log(`after ${i + 1} more checks: heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB`);
    }
  }
}
