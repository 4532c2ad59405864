// `npm run test:vscode`: the extension's integration tests in a real VS Code workbench.
//
// Packages the VSIX, installs code-server (cached) and the VSIX into a throw-away profile, copies
// the fixture workspace to a temp folder, starts code-server on a free loopback port, runs the
// mocha suite (test/vscode/suite) in its extension host through headless Chromium, then the UI
// smoke tests (test/vscode/ui), and ends code-server's whole process group. Closes with
// `N passed, N failed`; exits non-zero on any failure.
//
// Options: --electron runs the same suite with @vscode/test-electron instead (test/runTest.ts;
// needs a VS Code download or VSCODE_EXECUTABLE_PATH). --keep keeps the temp folder.
// Environment: DEPLOY_DOCTOR_VSCODE_TIMEOUT_MS (the hard limit once code-server starts, default
// 20 minutes; each install/build step has its own),
// DEPLOY_DOCTOR_GREP (only the suite's tests whose title matches), DEPLOY_DOCTOR_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const EXTENSION_ID = 'deploy-doctor.deploy-doctor';
const HARD_TIMEOUT_MS = Number(process.env.DEPLOY_DOCTOR_VSCODE_TIMEOUT_MS ?? 20 * 60_000);
const SUITE_TIMEOUT_MS = 10 * 60_000;
const UI_TEST_TIMEOUT_MS = 3 * 60_000;
const keep = process.argv.includes('--keep');
const outputDir = join(root, 'test-output', 'vscode');

const runDir = mkdtempSync(join(tmpdir(), 'deploy-doctor-vscode-'));
const cleanups = [];
let passed = 0;
let failed = 0;
let finishing = false;
let wroteOutput = false;

/**
 * The hard limit on everything from starting code-server on. The install and build steps before
 * it block the event loop, so each of those has its own time limit instead.
 */
let hardTimer;
function armHardTimer() {
  hardTimer = setTimeout(() => {
    console.error(`test:vscode: hard timeout of ${HARD_TIMEOUT_MS / 1000} s reached`);
    failed += 1;
    void finish();
  }, HARD_TIMEOUT_MS);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void finish(130));

try {
  if (process.argv.includes('--electron')) await runWithElectron();
  else await runInCodeServer();
} catch (error) {
  console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
  failed += 1;
}
await finish();

async function runInCodeServer() {
  const { installTools, profile, installExtension, startCodeServer } = await import('../test/vscode/runner/codeServer.mjs');
  const { launchBrowser } = await import('../test/vscode/runner/browser.mjs');
  const { runSuite } = await import('../test/vscode/runner/suite.mjs');

  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  wroteOutput = true;
  step('packaging the extension');
  const vsix = join(runDir, 'deploy-doctor.vsix');
  run('node', ['scripts/package.mjs', '--out', vsix], join(outputDir, 'package.log'));
  step('building the suite');
  const suitePath = await buildSuite();
  step('installing code-server (reused from the cache when present)');
  const tools = installTools(root);
  const prof = profile(runDir);
  // The suite runs against the VSIX's own files, unpacked by code-server.
  const developmentPath = installExtension(tools, prof, vsix, EXTENSION_ID);

  const workspace = copyFixture('workspace');
  const uiWorkspace = copyFixture('ui');

  step('starting code-server');
  armHardTimer();
  const server = await startCodeServer(tools, prof, workspace, join(outputDir, 'code-server.log'));
  cleanups.push(server.stop);
  const context = await launchBrowser(join(runDir, 'browser'));
  cleanups.unshift(() => context.close());

  step('running the suite in the extension host');
  const suite = await runSuite({ context, server, folder: workspace, developmentPath, suitePath, logDir: join(outputDir, 'suite'), timeoutMs: SUITE_TIMEOUT_MS });
  passed += suite.passed;
  failed += suite.failed;

  step('running the UI smoke tests');
  const uiDir = join(root, 'test/vscode/ui');
  for (const name of readdirSync(uiDir).filter((file) => file.endsWith('.mjs')).sort()) {
    const test = await import(join(uiDir, name));
    const started = Date.now();
    try {
      await withTimeout(test.run({ context, server, folder: uiWorkspace, outputDir }), UI_TEST_TIMEOUT_MS, test.title);
      passed += 1;
      console.log(`  ✔ UI: ${test.title} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✘ UI: ${test.title}\n    ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The suite under @vscode/test-electron (machines where a VS Code desktop can run). */
async function runWithElectron() {
  step('building the extension and the suite');
  run('node', ['scripts/build.mjs']);
  const suitePath = await buildSuite();
  const runner = join(runDir, 'runTest.js');
  await build({ entryPoints: [join(root, 'test/runTest.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: runner, external: ['@vscode/test-electron'], logLevel: 'warning' });
  const result = spawnSync('node', [runner], {
    cwd: root,
    stdio: 'inherit',
    timeout: HARD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, DEPLOY_DOCTOR_EXTENSION: root, DEPLOY_DOCTOR_SUITE: suitePath, DEPLOY_DOCTOR_WORKSPACE: copyFixture('workspace'), NODE_PATH: join(root, 'node_modules') },
  });
  // test-electron reports mocha's own summary; its exit code is all this script can count.
  if (result.status === 0) passed += 1;
  else failed += 1;
}

/** Builds the suite with scripts/build.mjs into this run's folder, apart from any `npm test` run's. */
async function buildSuite() {
  const tests = join(runDir, 'tests');
  run('node', ['scripts/build.mjs', '--tests', '--testdir', tests, '--outdir', join(runDir, 'hosts')]);
  return join(tests, 'vscode-suite', 'index.js');
}

function copyFixture(name) {
  const target = join(runDir, name);
  cpSync(join(root, 'test/vscode/fixtures', name), target, { recursive: true });
  return target;
}

/**
 * Runs a build step, killed after `timeoutMs` (the hard timer cannot fire while a step blocks);
 * with `logFile`, its output goes there and is shown only when it fails.
 */
function run(command, args, logFile, timeoutMs = 5 * 60_000) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', logFile ? 'pipe' : 'inherit', logFile ? 'pipe' : 'inherit'], encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (logFile) writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    if (logFile) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  }
}

function step(text) {
  console.log(`test:vscode: ${text}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function finish(exitCode) {
  if (finishing) return;
  finishing = true;
  clearTimeout(hardTimer);
  for (const cleanup of cleanups) await withTimeout(Promise.resolve().then(cleanup), 15_000, 'cleanup').catch(() => undefined);
  if (!keep) rmSync(runDir, { recursive: true, force: true });
  else console.log(`test:vscode: kept ${runDir}`);
  if (wroteOutput) console.log(`test:vscode: logs and screenshots in ${outputDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(exitCode ?? (failed > 0 || passed === 0 ? 1 : 0));
}
