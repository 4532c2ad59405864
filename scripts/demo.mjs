// `npm run demo`: checks the bundled examples/ with the built CLI and shows its findings. The
// examples contain errors on purpose, so the CLI exits 1; that is the demo working. Only a usage or
// I/O error (exit 2), a crash or a CLI that is not built makes the demo fail. The CLI is dist/'s
// (`npm run build`), or the one in DEPLOY_DOCTOR_HOSTS (the folder `npm test` builds the hosts in).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const cli = join(process.env.DEPLOY_DOCTOR_HOSTS ?? join(root, 'dist'), 'cli.js');
if (!existsSync(cli)) {
  // Node would exit 1 for the missing module, which reads as "errors found".
  console.error(`demo: ${relative(root, cli)} is not built: run \`npm run build\` first (\`npm run demo\` does).`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [cli, 'check', ...(args.length > 0 ? args : ['examples/'])], { stdio: 'inherit', cwd: root });
if (result.error) {
  console.error(`demo: could not run the CLI: ${result.error.message}`);
  process.exit(2);
}
const status = result.status ?? 2;
if (status === 1) console.log('\n(The examples contain these problems on purpose: exit code 1 means "errors found".)');
process.exit(status === 0 || status === 1 ? 0 : status);
