/**
 * Runs the built CLI (the `cli.js` that `npm test` builds for its run) as a user would: a
 * separate process in a folder of files written for the test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';
import { BUILT_CLI } from '../builtHosts';

const CLI = BUILT_CLI;

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** What the process reads on stdin (`--stdin`). */
  readonly input?: string | Uint8Array;
}

export function runCli(args: readonly string[], options: RunOptions): CliRun {
  // Without a TTY and without NO_COLOR/FORCE_COLOR from the outer shell, output is plain.
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...inherited, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (path → content), removed when the test file ends. */
export function workspace(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-cli-')));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

export interface JsonDiagnostic {
  readonly file: string;
  readonly rule: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly product?: string;
}

/** The JSON report of `check --format json …`, with the run for its exit code and stderr. */
export function checkJson(args: readonly string[], options: RunOptions): CliRun & { diagnostics: JsonDiagnostic[] } {
  const run = runCli(['check', '--format', 'json', ...args], options);
  const parsed = JSON.parse(run.stdout) as { version: number; diagnostics: JsonDiagnostic[] };
  if (parsed.version !== 1) throw new Error(`unexpected JSON report version ${parsed.version}`);
  return { ...run, diagnostics: parsed.diagnostics };
}

/** The rule ids the built CLI knows (`deploy-doctor rules --format json`). */
export function knownRules(): Set<string> {
  const run = runCli(['rules', '--format', 'json'], { cwd: resolve('.') });
  return new Set((JSON.parse(run.stdout) as { rules: { id: string }[] }).rules.map((rule) => rule.id));
}
