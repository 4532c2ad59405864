/**
 * `npm run bench`: builds the hosts as they ship (scripts/bench.mjs), then measures the engine,
 * the language server and the CLI, prints tables, and writes `.bench/last.json` compared with the
 * run before. Not a test: numbers on a busy machine are inflated (the load average is printed and
 * saved with them).
 *
 *   node scripts/bench.mjs [--quick] [--only engine,typing,scale,side,cold,activation,config,memory]
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { activationBench } from './activation';
import { coldStartBench } from './coldStart';
import { configBench } from './config';
import { engineBench } from './engineBench';
import { memoryBench } from './memory';
import { printComparison, printTargets, Recorder, save, type BenchResults } from './results';
import { scaleBench } from './scale';
import { sideBySideBench } from './sideBySide';
import { typingBench } from './typing';

const SECTIONS = ['engine', 'typing', 'scale', 'side', 'cold', 'activation', 'config', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : [...SECTIONS];
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  const sections = SECTIONS.filter((section) => only.includes(section));

  const root = process.cwd();
  await settle();
  const started = Date.now();
  const loadAverage = loadavg();
  console.log(`Deploy Doctor benchmark: node ${process.version}, ${cpus().length} CPUs, load average ${loadAverage.map((value) => value.toFixed(1)).join(' ')}${quick ? ', quick' : ''}`);
  if (loadAverage[0]! > cpus().length) console.log('note: the machine is busy (load above the CPU count): wall times are inflated; CPU times are steadier.');

  const recorder = new Recorder();
  const run: Record<Section, () => void | Promise<void>> = {
    engine: () => engineBench(recorder, quick),
    typing: () => typingBench(recorder, quick),
    scale: () => scaleBench(recorder),
    side: () => sideBySideBench(recorder, root, quick),
    cold: () => coldStartBench(recorder, root),
    activation: () => activationBench(recorder, root),
    config: () => configBench(recorder, quick),
    memory: () => memoryBench(recorder),
  };
  for (const section of sections) {
    const sectionStart = Date.now();
    await run[section]();
    console.log(`(${section}: ${((Date.now() - sectionStart) / 1000).toFixed(0)} s)`);
  }

  const results: BenchResults = {
    version: 1,
    date: new Date().toISOString(),
    commit: commitOf(root),
    node: process.version,
    cpus: cpus().length,
    loadAverage,
    sections,
    metrics: recorder.metrics,
    notes: recorder.notes,
  };
  const missed = printTargets(results.metrics);
  const previous = save(join(root, '.bench'), results);
  if (previous) printComparison(previous, results);
  const targets = Object.values(results.metrics).filter((metric) => metric.max !== undefined).length;
  const verdict = targets === 0 ? 'no targets in these sections' : missed > 0 ? `${missed} of ${targets} targets missed` : `all ${targets} targets met`;
  console.log(`\nWrote .bench/last.json (sections: ${sections.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(0)} s; ${verdict}.`);
}

/**
 * Waits (up to two minutes) for the one-minute load average to fall below 1, so that a build or
 * test run that just ended does not land in the timings; a machine that stays busy is measured
 * anyway, with the note below.
 */
async function settle(): Promise<void> {
  const deadline = Date.now() + 120_000;
  if (loadavg()[0]! < 1) return;
  process.stdout.write(`waiting for the machine to settle (load ${loadavg()[0]!.toFixed(1)})`);
  while (loadavg()[0]! >= 1 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
}

function commitOf(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
