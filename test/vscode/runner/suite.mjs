// Runs the mocha suite inside code-server's extension host: the page's payload names the
// extension under development and the suite's entry point (VS Code's smoke-test driver reads it
// when code-server runs with `enable-smoke-test-driver`), and the workbench reports the suite's
// console output through `codeAutomationLog` and its end through `codeAutomationExit`.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The line the suite's index logs when mocha is done; see test/vscode/suite/index.ts. */
const RESULT_MARKER = 'DEPLOY_DOCTOR_SUITE_RESULT ';

/** A workbench URL with the payload the smoke-test driver reads. */
export function workbenchUrl(server, folder, payload) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const entries = [];
  if (payload.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
  if (payload.extensionTestsPath) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
  entries.push(['skipWelcome', 'true']);
  return `${server.baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

/**
 * Opens the workbench on `folder` with the suite and waits for the extension host to exit.
 * Returns mocha's counts (from the suite's result line) and the exit code; a run that times out
 * or never reports counts is one failure.
 */
export async function runSuite({ context, server, folder, developmentPath, suitePath, logDir, timeoutMs }) {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'workbench.log');
  const page = await context.newPage();
  let counts;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = String(message);
    appendFileSync(logFile, `[${level}] ${text}\n`);
    const marker = text.indexOf(RESULT_MARKER);
    if (marker >= 0) counts = JSON.parse(text.slice(marker + RESULT_MARKER.length).trim().split('\n')[0]);
    else if (isSuiteOutput(text)) process.stdout.write(`${suiteText(text)}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
      const file = join(logDir, 'workbench-logs', relativePath);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, contents);
    }
    finish({ code });
  });
  const timer = new Promise((resolve) => setTimeout(() => resolve({ timedOut: true }), timeoutMs));
  // The suite's own time limit applies from here; the page load itself may be slow on a busy machine.
  await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath: developmentPath, extensionTestsPath: suitePath }), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  const outcome = await Promise.race([finished, timer]);
  await page.screenshot({ path: join(logDir, 'suite-end.png') }).catch(() => undefined);
  await page.close().catch(() => undefined);
  if (outcome.timedOut) {
    console.error(`The suite did not finish within ${timeoutMs / 1000} s; logs in ${logDir}`);
    return { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, exitCode: null };
  }
  if (!counts) {
    console.error(`The extension host exited (code ${outcome.code}) without the suite's counts; logs in ${logDir}`);
    return { passed: 0, failed: 1, exitCode: outcome.code };
  }
  // A non-zero exit with no failing test (a crash after mocha ended) still fails the run.
  const failed = counts.failed + (outcome.code !== 0 && counts.failed === 0 ? 1 : 0);
  return { passed: counts.passed, failed, exitCode: outcome.code };
}

/** The prefix of the suite's own lines; see test/vscode/suite/index.ts. */
const OUTPUT_PREFIX = '[deploy-doctor-suite] ';

function isSuiteOutput(text) {
  return text.includes(OUTPUT_PREFIX);
}

function suiteText(text) {
  return text.slice(text.indexOf(OUTPUT_PREFIX) + OUTPUT_PREFIX.length);
}
