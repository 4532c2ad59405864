/**
 * The benchmark's results: named metrics with their unit and target, written to
 * `.bench/last.json` (the run before is kept as `.bench/previous.json`) and compared with it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './stats';

export type Unit = 'ms' | 'MB' | 'ratio' | 'count' | 'bytes';

export interface Metric {
  readonly value: number;
  readonly unit: Unit;
  /** The target: the value must not exceed it. */
  readonly max?: number;
  /** What the number is and how it was measured, when not obvious from its name. */
  readonly note?: string;
}

export interface BenchResults {
  readonly version: 1;
  readonly date: string;
  readonly commit: string;
  readonly node: string;
  readonly cpus: number;
  /** 1, 5 and 15 minute load averages at the start: timings on a busy machine are inflated. */
  readonly loadAverage: readonly number[];
  readonly sections: readonly string[];
  readonly metrics: Record<string, Metric>;
  readonly notes: string[];
}

export class Recorder {
  readonly metrics: Record<string, Metric> = {};
  readonly notes: string[] = [];

  record(name: string, value: number, unit: Unit, extra: { max?: number; note?: string } = {}): void {
    this.metrics[name] = { value: round(value), unit, ...extra };
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`note: ${text}`);
  }
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value;
}

/** Writes the results, keeping the previous run, and returns that previous run when there was one. */
export function save(dir: string, results: BenchResults): BenchResults | undefined {
  mkdirSync(dir, { recursive: true });
  const last = join(dir, 'last.json');
  const previousPath = join(dir, 'previous.json');
  let previous: BenchResults | undefined;
  if (existsSync(last)) {
    try {
      previous = JSON.parse(readFileSync(last, 'utf8')) as BenchResults;
      renameSync(last, previousPath);
    } catch {
      previous = undefined;
    }
  }
  writeFileSync(last, `${JSON.stringify(results, null, 2)}\n`);
  return previous;
}

export function printTargets(metrics: Readonly<Record<string, Metric>>): number {
  const rows = Object.entries(metrics)
    .filter(([, metric]) => metric.max !== undefined)
    .map(([name, metric]) => [name, show(metric.value, metric.unit), `≤ ${show(metric.max!, metric.unit)}`, metric.value <= metric.max! ? 'ok' : 'MISSED']);
  printTable('Targets', ['metric', 'value', 'target', ''], rows);
  return rows.filter((row) => row[3] === 'MISSED').length;
}

/** Every metric both runs have, with the change; lower is better for all of them. */
export function printComparison(previous: BenchResults, current: BenchResults): void {
  const rows: string[][] = [];
  for (const [name, metric] of Object.entries(current.metrics)) {
    const before = previous.metrics[name];
    if (!before || before.unit !== metric.unit || !Number.isFinite(before.value) || !Number.isFinite(metric.value)) continue;
    const change = before.value === 0 ? (metric.value === 0 ? 0 : Infinity) : (metric.value - before.value) / before.value;
    const flag = Math.abs(change) < 0.1 ? '' : change > 0 ? 'slower/larger' : 'faster/smaller';
    rows.push([name, show(before.value, before.unit), show(metric.value, metric.unit), `${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)}%`, flag]);
  }
  const load = (results: BenchResults) => results.loadAverage.map((value) => value.toFixed(1)).join(' ');
  printTable(
    `Compared with the previous run (${previous.date}, commit ${previous.commit}, load ${load(previous)}; now load ${load(current)})`,
    ['metric', 'previous', 'now', 'change', ''],
    rows,
  );
}

export function show(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return value < 1 ? `${value.toFixed(3)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'bytes':
      return value >= 1024 * 1024 ? `${(value / (1024 * 1024)).toFixed(2)} MB` : `${(value / 1024).toFixed(0)} KB`;
    case 'count':
      return String(value);
  }
}
