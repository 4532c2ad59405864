/**
 * Cold start: the CLI on one file of a kind (wall time, against Node's own start), the language
 * server from spawn to its first diagnostics, and the VSIX's size. (The extension's activation
 * inside VS Code is scripts/bench/activation.ts.)
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from '../../test/server/lspSession';
import { CLI, SERVER } from './hosts';
import type { Recorder } from './results';
import { median, medianRun, ms, printTable, timedRun } from './stats';

const RUNS = 5;
const CLI_FILES = [
  { metric: 'cold.cli.oneFile', what: 'one file (TOML)', file: 'examples/flovyn/config.toml' },
  { metric: 'cold.cli.oneComposeFile', what: 'one compose file', file: 'examples/firefly-desk/docker-compose.yml' },
  { metric: 'cold.cli.oneNginxFile', what: 'one nginx file', file: 'examples/firefly-desk/nginx/nginx.conf' },
] as const;

export async function coldStartBench(recorder: Recorder, root: string): Promise<void> {
  const rows: string[][] = [];
  const node = medianRun(RUNS, process.execPath, ['-e', '0']);
  recorder.record('cold.node', node.wallMs, 'ms', { note: 'node -e 0' });
  rows.push(['node -e 0 (the floor)', ms(node.wallMs), '']);
  // One file of each kind that loads more at its first check: compose its schema validators,
  // nginx the directive reference (files of their own beside the CLI).
  for (const { metric, what, file } of CLI_FILES) {
    const cli = medianRun(RUNS, process.execPath, [CLI, 'check', file], { cwd: root });
    recorder.record(metric, cli.wallMs, 'ms', { note: `deploy-doctor check ${file}` });
    rows.push([`CLI: check ${what}`, ms(cli.wallMs), `exit ${cli.status}; ${ms(cli.wallMs - node.wallMs)} over Node's start`]);
  }

  const folder = mkdtempSync(join(tmpdir(), 'dd-bench-cold-'));
  try {
    const initialized: number[] = [];
    const firstDiagnostics: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const { session } = await LspSession.start({ ...SERVER, folder, settings: { deployDoctor: { debounceMs: 0 } } });
      initialized.push(performance.now() - started);
      const uri = pathToFileURL(join(folder, '.env')).href;
      await session.openChecked(uri, 'NODE_ENV=production\nJWT_SECRET=changeme\n', 'dotenv', 30_000);
      firstDiagnostics.push(performance.now() - started);
      await session.stop();
    }
    recorder.record('cold.server.initialize', median(initialized), 'ms', { note: 'spawn → initialize answered' });
    recorder.record('cold.server.firstDiagnostics', median(firstDiagnostics), 'ms', { note: 'spawn → diagnostics of the first opened file' });
    rows.push(['server: spawn → initialize answered', ms(median(initialized)), '']);
    rows.push(['server: spawn → first diagnostics', ms(median(firstDiagnostics)), '']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const vsix = join(root, '.bench', 'deploy-doctor.vsix');
  const packaged = timedRun(process.execPath, ['scripts/package.mjs', '--out', vsix], { cwd: root });
  if (packaged.status === 0 && existsSync(vsix)) {
    const size = statSync(vsix).size;
    recorder.record('cold.vsix.size', size, 'bytes');
    rows.push(['VSIX size (npm run package)', `${(size / 1024).toFixed(0)} KB`, `packaged in ${ms(packaged.wallMs)}`]);
  } else {
    recorder.note(`packaging failed (exit ${packaged.status}); VSIX size not measured`);
    rows.push(['VSIX size', 'n/a', 'packaging failed']);
  }
  printTable(`Cold start (median of ${RUNS} runs; the server: of 3)`, ['what', 'time / size', ''], rows);
}
