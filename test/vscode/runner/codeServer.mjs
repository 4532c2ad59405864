// code-server: a real VS Code workbench served over HTTP, with the extension host running in
// Node. Installed into a cache folder by scripts/install-code-server.sh; started detached so its
// whole process group (server, extension hosts, language servers) can be ended at once.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Runs the install script (a no-op when the cache is warm) and returns the tools' paths. */
export function installTools(root) {
  const result = spawnSync('bash', [join(root, 'scripts/install-code-server.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', timeout: 20 * 60_000, killSignal: 'SIGKILL' });
  if (result.error || result.status !== 0) throw new Error(`scripts/install-code-server.sh failed (${result.error?.message ?? `exit ${result.status}`})`);
  const cache = result.stdout.trim().split('\n').pop();
  return {
    node: join(cache, 'node24/node_modules/node/bin/node'),
    entry: join(cache, 'code-server/node_modules/code-server/out/node/entry.js'),
  };
}

/**
 * Folders and environment of one code-server profile under `runDir`: nothing is read from or
 * written to the user's own VS Code or code-server configuration.
 */
export function profile(runDir) {
  const dirs = {
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    xdg: join(runDir, 'xdg'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  // Quiet the workbench: no welcome page, trust prompt, AI chat or update checks in the way of
  // the tests and the screenshots.
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'git.enabled': false,
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
  };
  return { ...dirs, env };
}

const COMMON_ARGS = (prof) => ['--user-data-dir', prof.userData, '--extensions-dir', prof.extensions];

/** Installs a VSIX into the profile and returns the folder it was unpacked to. */
export function installExtension(tools, prof, vsix, extensionId) {
  const result = spawnSync(tools.node, [tools.entry, ...COMMON_ARGS(prof), '--install-extension', vsix], { env: prof.env, encoding: 'utf8', timeout: 3 * 60_000, killSignal: 'SIGKILL' });
  if (result.error || result.status !== 0) throw new Error(`code-server --install-extension failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  const folder = readdirSync(prof.extensions).find((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (!folder) throw new Error(`code-server installed ${vsix} but no ${extensionId}-* folder is in ${prof.extensions}`);
  return join(prof.extensions, folder);
}

/** A TCP port that was free on the loopback interface a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free loopback port serving `folder`, waits for `/healthz`, and returns
 * its base URL and a `stop()` that ends the whole process group. Output goes to `logFile`.
 */
export async function startCodeServer(tools, prof, folder, logFile, { startTimeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawn(
    tools.node,
    [
      tools.entry,
      ...COMMON_ARGS(prof),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      // Lets the page's payload name the extension under development and the test runner.
      '--vscode-option', 'enable-smoke-test-driver',
      folder,
    ],
    { env: prof.env, detached: true, stdio: ['ignore', log, log] },
  );
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const stop = () => stopGroup(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within ${startTimeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, port, pid: child.pid, stop };
}

/** SIGTERM to the process group, SIGKILL to whatever is left after a grace period. */
async function stopGroup(child) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // The group is gone.
    }
  };
  if (!signalGroup('SIGTERM')) return;
  for (let waited = 0; waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!signalGroup(0)) return;
  }
  signalGroup('SIGKILL');
}
