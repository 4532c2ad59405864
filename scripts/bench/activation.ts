/**
 * The extension's activation inside a real VS Code: runs the integration suite's activation test
 * (`npm run test:vscode` with DEPLOY_DOCTOR_GREP=activation: code-server, headless Chromium, the
 * packaged VSIX) and reads the times the extension reports through its API. Skipped, with a note,
 * when code-server has not been installed yet (run `npm run test:vscode` once).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Recorder } from './results';
import { ms, printTable, timedRun } from './stats';

const MARKER = 'DEPLOY_DOCTOR_ACTIVATION ';

function toolsCache(): string {
  return process.env['DEPLOY_DOCTOR_TOOLS'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'deploy-doctor-tools');
}

export function activationBench(recorder: Recorder, root: string): void {
  if (!existsSync(join(toolsCache(), 'code-server', 'node_modules', 'code-server'))) {
    recorder.note('code-server is not installed: extension activation not measured (run `npm run test:vscode` once)');
    return;
  }
  const run = timedRun(process.execPath, ['scripts/test-vscode.mjs'], { cwd: root, env: { ...process.env, DEPLOY_DOCTOR_GREP: 'activation activates' } });
  const line = run.stdout.split('\n').find((candidate) => candidate.includes(MARKER));
  if (run.status !== 0 || !line) {
    recorder.note(`the activation test did not pass (exit ${run.status}); see test-output/vscode/`);
    return;
  }
  const times = JSON.parse(line.slice(line.indexOf(MARKER) + MARKER.length)) as { activateMs: number; serverReadyMs: number };
  recorder.record('activation.activate', times.activateMs, 'ms', { note: 'activate() in the extension host of code-server' });
  recorder.record('activation.serverReady', times.serverReadyMs, 'ms', { note: 'activate() start → language server initialized' });
  printTable(
    'Extension activation in VS Code (code-server, headless Chromium)',
    ['what', 'time', ''],
    [
      ['activate()', ms(times.activateMs), 'synchronous part'],
      ['activate() → server initialized', ms(times.serverReadyMs), 'spawn + initialize'],
      ['whole run (code-server start included)', ms(run.wallMs), ''],
    ],
  );
}
