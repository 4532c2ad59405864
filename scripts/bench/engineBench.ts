/**
 * The engine, warm and in process: time to check one generated file of each kind at each size,
 * each check from scratch (the parse cache is emptied first, as an edit would), against the V8
 * floor of splitting the same text into lines.
 */
import { Engine, FILE_KINDS, pathToUri, type FileKind, type WorkspaceView } from '../../server/src/engine';
import { generate } from './generate';
import type { Recorder } from './results';
import { median, ms, percentile, printTable, ratio, timed } from './stats';

export const SIZES = [50, 200, 1_000, 2_000, 10_000] as const;

const PATHS: Readonly<Record<FileKind, string>> = {
  env: '/bench/.env',
  toml: '/bench/config.toml',
  compose: '/bench/docker-compose.yml',
  nginx: '/bench/nginx/nginx.conf',
};

/** Samples per size, and a time budget per cell after which fewer samples are taken (at least 10). */
const SAMPLES: Readonly<Record<number, number>> = { 50: 400, 200: 300, 1_000: 100, 2_000: 60, 10_000: 25 };
const CELL_BUDGET_MS = 5_000;

/** A full collection when node runs with --expose-gc (scripts/bench.mjs passes it). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A workspace of the checked file and the `.env` a compose file reads. */
function workspaceOf(path: string, text: string): WorkspaceView {
  const files = new Map([
    [pathToUri(path), text],
    [pathToUri('/bench/.env'), path.endsWith('.env') ? text : 'DB_PASSWORD=Q6zBcqSkyevgNww6TFBQn3Ug\nLOG_LEVEL=info\n'],
  ]);
  return { readText: (uri) => files.get(uri), files: () => [...files.keys()] };
}

export function engineBench(recorder: Recorder, quick: boolean): void {
  const rows: string[][] = [];
  const gates: string[][] = [];
  for (const kind of FILE_KINDS) {
    const engine = new Engine();
    const p50s = new Map<number, number>();
    for (const lines of SIZES) {
      const text = generate(kind, lines);
      const uri = pathToUri(PATHS[kind]);
      const workspace = workspaceOf(PATHS[kind], text);
      const source = { uri, text, kind };
      const check = () => {
        engine.forget(uri);
        return engine.check(source, workspace);
      };
      const findings = check().diagnostics.length;
      for (let i = 0; i < 3; i++) check();
      // Each cell starts from a collected heap, so one cell's garbage does not land in the next.
      collectGarbage();
      const wanted = quick ? Math.ceil(SAMPLES[lines]! / 4) : SAMPLES[lines]!;
      const wall: number[] = [];
      const cpu: number[] = [];
      const started = performance.now();
      while (wall.length < wanted && (wall.length < 10 || performance.now() - started < CELL_BUDGET_MS)) {
        const { wallMs, cpuMs } = timed(check);
        wall.push(wallMs);
        cpu.push(cpuMs);
      }
      const floor = median(Array.from({ length: 30 }, () => timed(() => text.split('\n')).wallMs));
      const name = `engine.${kind}.${lines}`;
      const target = lines === 200 ? 10 : lines === 10_000 ? 100 : undefined;
      // Targets are on CPU time: on an idle machine it is at least the wall time (GC threads count
      // too), and on a busy one it is not inflated by waiting for a core.
      recorder.record(`${name}.p50`, percentile(wall, 50), 'ms');
      recorder.record(`${name}.p99`, percentile(wall, 99), 'ms');
      recorder.record(`${name}.cpu.p50`, percentile(cpu, 50), 'ms');
      recorder.record(`${name}.cpu.p99`, percentile(cpu, 99), 'ms', target !== undefined ? { max: target } : {});
      recorder.record(`${name}.floor`, floor, 'ms', { note: "text.split('\\n') of the same text" });
      p50s.set(lines, percentile(cpu, 50));
      rows.push([
        kind,
        String(lines),
        `${(text.length / 1024).toFixed(0)} KB`,
        String(findings),
        String(wall.length),
        ms(percentile(wall, 50)),
        ms(percentile(wall, 99)),
        ms(percentile(cpu, 50)),
        ms(percentile(cpu, 99)),
        ms(floor),
        ratio(percentile(wall, 50) / floor),
      ]);
    }
    const gate = p50s.get(10_000)! / p50s.get(1_000)!;
    recorder.record(`engine.${kind}.growth10000over1000`, gate, 'ratio', { max: 12, note: 'CPU p50 at 10,000 lines / CPU p50 at 1,000 lines' });
    // Context for the gate: from 2,000 lines on, time per line is flat when the work is linear. The
    // step between 1,000 and 2,000 lines is mostly garbage collection: a check's live data outgrows
    // V8's young generation (with --min-semi-space-size=64 the step moves to 5,000 lines).
    const above = p50s.get(10_000)! / p50s.get(2_000)!;
    recorder.record(`engine.${kind}.growth10000over2000`, above, 'ratio', { note: 'CPU p50 at 10,000 lines / CPU p50 at 2,000 lines (5× the input)' });
    gates.push([kind, ms(p50s.get(1_000)!), ms(p50s.get(2_000)!), ms(p50s.get(10_000)!), ratio(gate), gate <= 12 ? 'ok' : 'MISSED', ratio(above)]);
  }
  printTable(
    'Engine, warm, in process: one check of a generated file (parse included); targets on CPU time (p99 ≤ 10 ms at 200 lines, ≤ 100 ms at 10,000)',
    ['kind', 'lines', 'size', 'findings', 'samples', 'p50', 'p99', 'cpu p50', 'cpu p99', "split('\\n')", 'p50/floor'],
    rows,
  );
  printTable('Growth gate: CPU p50 at 10,000 lines ≤ 12 × CPU p50 at 1,000 lines (and, for context, 10,000 over 2,000: 5× the input)', ['kind', '1,000 lines', '2,000 lines', '10,000 lines', '10k/1k', '', '10k/2k'], gates);
}
