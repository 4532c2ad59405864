// `npm test`: type-check, bundle the hosts and the tests, then run every test file with Node's
// test runner. Pass file filters as arguments to run a subset: `npm test -- env`.
// Each run builds into its own folder, out/run-<pid>/ (the tests in its tests/, the hosts in its
// dist/, which the CLI and server tests find through DEPLOY_DOCTOR_HOSTS), and removes it at the
// end: runs side by side, or `npm run test:vscode` beside `npm test`, do not rebuild each other's
// files under them.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const runs = join(root, 'out');
const runDir = join(runs, `run-${process.pid}`);
const testsDir = join(runDir, 'tests');
const hostsDir = join(runDir, 'dist');

removeAbandonedRuns();
run('node', ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']);
run('node', ['scripts/build.mjs', '--tests', '--testdir', testsDir, '--outdir', hostsDir]);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'vscode-suite') walk(path);
    } else if (name.endsWith('.test.js') && (filters.length === 0 || filters.some((filter) => path.includes(filter)))) files.push(path);
  }
};
walk(testsDir);
if (files.length === 0) {
  console.error('no test files matched');
  finish(1);
}
const result = spawnSync('node', ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, DEPLOY_DOCTOR_HOSTS: hostsDir },
});
finish(result.status ?? 1);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    finish(result.status ?? 1);
  }
}

function finish(status) {
  rmSync(runDir, { recursive: true, force: true });
  process.exit(status);
}

/** Folders of runs whose process is gone (killed before it could clean up). */
function removeAbandonedRuns() {
  let names = [];
  try {
    names = readdirSync(runs);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (Number.isInteger(pid) && !isAlive(pid)) rmSync(join(runs, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
