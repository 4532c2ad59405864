/**
 * The engine, warm and in process: time to check one generated file of each kind at each size,
 * each check from scratch (the parse cache is emptied first, as an edit would), against the V8
 * floor of splitting the same text into lines.
 */
import { Engine, FILE_KINDS, pathToUri, type FileKind, type WorkspaceView } from '../../server/src/engine';
import { parse as parseToml } from '@iarna/toml';
import { parse as parseDotenv } from 'dotenv';
import { parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT } from '../../server/src/engine/parsers/compose/parse';
import { generate } from './generate';
import type { Recorder } from './results';
import { GcPauses } from './gcPauses';
import { median, ms, percentile, printTable, ratio, timed } from './stats';

export const SIZES = [50, 200, 1_000, 2_000, 10_000] as const;

const PATHS: Readonly<Record<FileKind, string>> = {
  env: '/bench/.env',
  toml: '/bench/config.toml',
  compose: '/bench/docker-compose.yml',
  nginx: '/bench/nginx/nginx.conf',
};

/**
 * Samples per size, and a time budget per cell after which fewer samples are taken (at least 10).
 * The sizes with a p99 target get at least 100, so that their p99 is not simply the slowest check.
 */
const SAMPLES: Readonly<Record<number, number>> = { 50: 400, 200: 300, 1_000: 100, 2_000: 60, 10_000: 100 };
const CELL_BUDGET_MS = 5_000;
/**
 * A package's parse of the same text, for scale: TOML values are read by `@iarna/toml` within the
 * check; compose files by `yaml` (with the options our parser uses) when our block reader
 * (parsers/compose/blockYaml.ts) gives up on them, which it does not on the generated files; env
 * files by our own parser, whose values must agree with `dotenv`'s. nginx has no such package.
 * Their growth from 1,000 to 10,000 lines is printed beside the gate: mature parsers doing linear
 * work, measured the same way in the same run, show how much growth the machine and the runtime
 * bring to any parse of that size.
 */
const LIBRARY_PARSE: Readonly<Partial<Record<FileKind, (text: string) => unknown>>> = {
  env: (text) => parseDotenv(text),
  compose: (text) => parseDocument(text, { merge: true, uniqueKeys: false }).toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
  toml: (text) => {
    try {
      return parseToml(text);
    } catch {
      return undefined;
    }
  },
};
const LIBRARY_NAME: Readonly<Partial<Record<FileKind, string>>> = { env: 'dotenv', compose: 'yaml', toml: '@iarna/toml' };

/** Checks before measuring: up to this many, within this time. */
const WARM_UP_CHECKS = 200;
const WARM_UP_MS = 2_000;

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

export async function engineBench(recorder: Recorder, quick: boolean): Promise<void> {
  const rows: string[][] = [];
  const gates: string[][] = [];
  const pauses = new GcPauses();
  for (const kind of FILE_KINDS) {
    const engine = new Engine();
    const p50s = new Map<number, number>();
    const libraryP50s = new Map<number, number>();
    const withoutGcP50s = new Map<number, number>();
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
      // A language server checks for hours: what is measured is the steady state, after the JIT
      // has compiled the hot paths (the first hundred or so checks run on background compiler
      // threads too, which doubles their CPU time).
      const warmUpEnd = performance.now() + WARM_UP_MS;
      for (let i = 0; i < 10 || (i < WARM_UP_CHECKS && performance.now() < warmUpEnd); i++) check();
      // Each cell starts from a collected heap, so one cell's garbage does not land in the next.
      collectGarbage();
      const wanted = quick ? Math.ceil(SAMPLES[lines]! / 4) : SAMPLES[lines]!;
      const wall: number[] = [];
      const cpu: number[] = [];
      const spans: (readonly [number, number])[] = [];
      pauses.clear();
      const started = performance.now();
      while (wall.length < wanted && (wall.length < 10 || performance.now() - started < CELL_BUDGET_MS)) {
        const before = performance.now();
        const { wallMs, cpuMs } = timed(check);
        spans.push([before, performance.now()]);
        wall.push(wallMs);
        cpu.push(cpuMs);
      }
      await pauses.settle();
      const gcMs = spans.map(([start, end]) => pauses.within(start, end));
      const withoutGc = wall.map((wallMs, index) => wallMs - gcMs[index]!);
      const floor = median(Array.from({ length: 30 }, () => timed(() => text.split('\n')).wallMs));
      const library = LIBRARY_PARSE[kind];
      const libraryMs = library ? median(Array.from({ length: Math.min(30, wall.length) }, () => timed(() => library(text)).wallMs)) : undefined;
      const name = `engine.${kind}.${lines}`;
      const target = lines === 200 ? 10 : lines === 10_000 ? 100 : undefined;
      // Targets are on wall time, the time a user waits for the diagnostics. CPU time is printed
      // beside it: it adds the collector's and the compiler's background threads (on two cores,
      // up to twice the wall time), and on a busy machine it is the steadier of the two.
      recorder.record(`${name}.p50`, percentile(wall, 50), 'ms');
      recorder.record(`${name}.p99`, percentile(wall, 99), 'ms', target !== undefined ? { max: target } : {});
      recorder.record(`${name}.cpu.p50`, percentile(cpu, 50), 'ms');
      recorder.record(`${name}.cpu.p99`, percentile(cpu, 99), 'ms');
      recorder.record(`${name}.floor`, floor, 'ms', { note: "text.split('\\n') of the same text" });
      if (libraryMs !== undefined) recorder.record(`${name}.libraryParse`, libraryMs, 'ms', { note: `the ${LIBRARY_NAME[kind]} package's own parse of the same text` });
      recorder.record(`${name}.gcPerCheck`, gcMs.reduce((sum, each) => sum + each, 0) / gcMs.length, 'ms', { note: "the collector's pauses within a check, on average" });
      recorder.record(`${name}.withoutGc.p50`, percentile(withoutGc, 50), 'ms', { note: "each check's wall time less the collector's pauses within it" });
      p50s.set(lines, percentile(wall, 50));
      withoutGcP50s.set(lines, percentile(withoutGc, 50));
      if (libraryMs !== undefined) libraryP50s.set(lines, libraryMs);
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
        libraryMs === undefined ? '—' : `${ms(libraryMs)} (${LIBRARY_NAME[kind]})`,
      ]);
    }
    const gate = p50s.get(10_000)! / p50s.get(1_000)!;
    recorder.record(`engine.${kind}.growth10000over1000`, gate, 'ratio', { max: 12, note: 'p50 at 10,000 lines / p50 at 1,000 lines' });
    // Context for the gate: the same p50s less the collector's pauses within each check. A
    // 1,000-line check allocates 0.8–1.8 MB, which the young generation holds, so it rarely
    // collects; a 10,000-line check allocates 8–17 MB and usually collects once, copying what is
    // live. Those pauses are most of the growth beyond 10×.
    const withoutGc = withoutGcP50s.get(10_000)! / withoutGcP50s.get(1_000)!;
    recorder.record(`engine.${kind}.growth10000over1000.withoutGc`, withoutGc, 'ratio', { note: "as the gate, each check's time less the collector's pauses within it" });
    const above = p50s.get(10_000)! / p50s.get(2_000)!;
    recorder.record(`engine.${kind}.growth10000over2000`, above, 'ratio', { note: 'p50 at 10,000 lines / p50 at 2,000 lines (5× the input)' });
    const library = libraryP50s.size > 0 ? libraryP50s.get(10_000)! / libraryP50s.get(1_000)! : undefined;
    if (library !== undefined) {
      recorder.record(`engine.${kind}.libraryGrowth10000over1000`, library, 'ratio', { note: `the ${LIBRARY_NAME[kind]} package's parse: p50 at 10,000 lines / p50 at 1,000 lines` });
    }
    gates.push([
      kind,
      ms(p50s.get(1_000)!),
      ms(p50s.get(2_000)!),
      ms(p50s.get(10_000)!),
      ratio(gate),
      gate <= 12 ? 'ok' : 'MISSED',
      ratio(withoutGc),
      ratio(above),
      library === undefined ? '—' : `${ratio(library)} (${LIBRARY_NAME[kind]})`,
    ]);
  }
  pauses.stop();
  printTable(
    'Engine, warm, in process: one check of a generated file (parse included); targets on wall time (p99 ≤ 10 ms at 200 lines, ≤ 100 ms at 10,000)',
    ['kind', 'lines', 'size', 'findings', 'samples', 'p50', 'p99', 'cpu p50', 'cpu p99', "split('\\n')", 'p50/floor', 'library parse p50'],
    rows,
  );
  printTable(
    "Growth gate: p50 at 10,000 lines ≤ 12 × p50 at 1,000 lines (for context: the same less the collector's pauses within checks; 10,000 over 2,000, 5× the input; a package's own parse of the same texts)",
    ['kind', '1,000 lines', '2,000 lines', '10,000 lines', '10k/1k', '', 'less GC pauses', '10k/2k', 'package parse 10k/1k'],
    gates,
  );
}
