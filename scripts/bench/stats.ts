/** Percentiles, timers and the plain-text tables the benchmark prints. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: with few samples, p99 is the slowest one, never an interpolation below it.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Wall and CPU time of `fn`, in milliseconds. CPU time counts this process only (all its threads). */
export function timed<T>(fn: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Wall time of a process run to its end, in milliseconds, with its exit status. */
export function timedRun(command: string, args: readonly string[], options: SpawnSyncOptions = {}): { wallMs: number; status: number | null; stdout: string; stderr: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const wallMs = performance.now() - start;
  return { wallMs, status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/** The median wall time of `runs` runs of a process. */
export function medianRun(runs: number, command: string, args: readonly string[], options: SpawnSyncOptions = {}): { wallMs: number; status: number | null; stdout: string; stderr: string } {
  const results = Array.from({ length: runs }, () => timedRun(command, args, options));
  const wall = median(results.map((result) => result.wallMs));
  return { ...results[results.length - 1]!, wallMs: wall };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)}×` : '—';
}

export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Prints an aligned table: the first column left-aligned, the others right-aligned. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
