// `npm run demo`: checks the bundled examples/ with the built CLI and shows its findings. The
// examples contain errors on purpose, so the CLI exits 1; that is the demo working. Only a usage or
// I/O error (exit 2) or a crash makes the demo fail.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, ['dist/cli.js', 'check', ...(args.length > 0 ? args : ['examples/'])], { stdio: 'inherit', cwd: root });
if (result.error) {
  console.error(`demo: could not run the CLI: ${result.error.message}`);
  process.exit(2);
}
const status = result.status ?? 2;
if (status === 1) console.log('\n(The examples contain these problems on purpose: exit code 1 means "errors found".)');
process.exit(status === 0 || status === 1 ? 0 : status);
