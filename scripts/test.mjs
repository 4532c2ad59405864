// `npm test`: type-check, bundle the hosts and the tests, then run every test file with Node's
// test runner. Pass file filters as arguments to run a subset: `npm test -- env`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

run('node', ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']);
run('node', ['scripts/build.mjs', '--tests']);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'vscode-suite') walk(path);
    } else if (name.endsWith('.test.js') && (filters.length === 0 || filters.some((filter) => path.includes(filter)))) files.push(path);
  }
};
walk(join(root, 'out'));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync('node', ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}
