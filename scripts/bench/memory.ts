/**
 * Memory: the shipped CLI's peak resident memory (VmHWM) on the inputs of issue 22, a compose file
 * of 100,000 services and a file of one 1 MB line of each kind, each checked alone by a CLI
 * process of its own (`check FILE --format json`). The peak is read by the CLI process itself as
 * it exits (a preloaded hook), so no polling can miss it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileKind } from '../../server/src/engine';
import { GENERATED_NAMES } from './generate';
import { CLI } from './hosts';
import type { Recorder } from './results';
import { mb, ms, printTable } from './stats';

/** The target for every input: the CLI process's peak resident memory. */
const TARGET_MB = 200;
const MB = 1024 * 1024;
const SERVICES = 100_000;

interface MemoryInput {
  readonly metric: string;
  readonly what: string;
  readonly kind: FileKind;
  readonly text: () => string;
}

const LONG = 'x'.repeat(MB);

const INPUTS: readonly MemoryInput[] = [
  { metric: 'memory.compose.services100000', what: `compose: ${SERVICES.toLocaleString('en')} services`, kind: 'compose', text: manyServices },
  { metric: 'memory.env.oneLine1MB', what: '.env: one 1 MB line (a 1 MB key)', kind: 'env', text: () => `${LONG}=1` },
  { metric: 'memory.toml.oneLine1MB', what: 'TOML: one 1 MB line (a 1 MB string)', kind: 'toml', text: () => `key = "${LONG}"` },
  { metric: 'memory.compose.oneLine1MB', what: 'compose: one 1 MB line (a flow list of 262,144 items)', kind: 'compose', text: () => `services: {app: {environment: [${'A=1,'.repeat(MB / 4)}]}}` },
  { metric: 'memory.nginx.oneLine1MB', what: 'nginx: one 1 MB line (a map of 209,715 entries)', kind: 'nginx', text: () => `map $a $b { ${'x y; '.repeat(MB / 5)} }` },
];

/** Preloaded into the CLI: writes the process's own peak resident memory, in kB, as it exits. */
const PEAK_HOOK = `process.on('exit', () => {
  const status = require('node:fs').readFileSync('/proc/self/status', 'utf8');
  require('node:fs').writeFileSync(process.env.DD_BENCH_PEAK_FILE, /^VmHWM:\\s+(\\d+) kB/m.exec(status)?.[1] ?? '');
});
`;

export function memoryBench(recorder: Recorder): void {
  if (!existsSync('/proc/self/status')) {
    recorder.note('memory not measured: /proc/self/status is not readable here (Linux only)');
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'dd-bench-memory-'));
  const hook = join(folder, 'peak-hook.cjs');
  writeFileSync(hook, PEAK_HOOK);
  const rows: string[][] = [];
  const gates: string[][] = [];
  try {
    for (const [index, input] of INPUTS.entries()) {
      const dir = join(folder, `input-${index}`);
      mkdirSync(dir);
      const file = join(dir, GENERATED_NAMES[input.kind]);
      const text = input.text();
      writeFileSync(file, text);
      const peakFile = join(folder, `peak-${index}`);
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--require', hook, CLI, 'check', file, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 256 * MB,
        env: { ...process.env, DD_BENCH_PEAK_FILE: peakFile },
      });
      const wallMs = performance.now() - started;
      const peakKb = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : NaN;
      const peak = peakKb * 1024;
      const findings = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as { diagnostics: unknown[] }).diagnostics.length : NaN;
      recorder.record(input.metric, peak / MB, 'MB', { max: TARGET_MB, note: `peak RSS of deploy-doctor check --format json on ${input.what}` });
      rows.push([input.what, `${(text.length / MB).toFixed(1)} MB`, mb(peak), ms(wallMs), `exit ${run.status}, ${findings} findings`]);
      gates.push([input.what, mb(peak), `≤ ${TARGET_MB} MB`, peak <= TARGET_MB * MB ? 'ok' : 'MISSED']);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  printTable('Memory: peak RSS of the CLI on one huge file (a process each)', ['input', 'size', 'peak RSS', 'wall', ''], rows);
  printTable(`Gate: every peak RSS ≤ ${TARGET_MB} MB`, ['input', 'peak RSS', 'target', ''], gates);
}

/** A compose file of many small services, each with an image. */
function manyServices(): string {
  const lines = ['services:'];
  for (let i = 0; i < SERVICES; i++) lines.push(`  svc${i}:`, `    image: nginx:1.${i % 30}`);
  return `${lines.join('\n')}\n`;
}
