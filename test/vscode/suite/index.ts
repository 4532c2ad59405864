import Mocha from 'mocha';
import { format } from 'node:util';

/**
 * The suite's test files, imported only after mocha has defined `describe`/`it` on the global
 * object. One line per file: the bundler needs the names.
 */
const TEST_FILES: ReadonlyArray<() => Promise<unknown>> = [
  () => import('./activation.test'),
  () => import('./env.test'),
  () => import('./secrets.test'),
  () => import('./compose.test'),
  () => import('./toml.test'),
  () => import('./nginx.test'),
  () => import('./languageFeatures.test'),
  () => import('./snippets.test'),
  () => import('./projectConfig.test'),
];

/**
 * Starts every line the suite prints: the workbench mixes the extension host's console into its
 * own log, and scripts/test-vscode.mjs shows only these lines.
 */
const OUTPUT_PREFIX = '[deploy-doctor-suite] ';
/** Logged once at the end; scripts/test-vscode.mjs reads the counts from it. */
const RESULT_MARKER = 'DEPLOY_DOCTOR_SUITE_RESULT';

/**
 * The entry point VS Code's extension host calls for `extensionTestsPath` (code-server's here,
 * an Electron build under @vscode/test-electron): resolves when every test passed.
 */
export async function run(): Promise<void> {
  // One formatted string per line: the workbench's log joins console arguments without printf.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(OUTPUT_PREFIX + format(...args));
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000, slow: 10_000 });
  mocha.suite.emit('pre-require', globalThis, 'deploy-doctor-vscode-suite', mocha);
  for (const load of TEST_FILES) await load();
  const grep = process.env.DEPLOY_DOCTOR_GREP;
  if (grep) mocha.grep(grep);
  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
  });
  console.log(`${OUTPUT_PREFIX}${RESULT_MARKER} ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} of ${stats.passes + stats.failures} tests failed`);
}
