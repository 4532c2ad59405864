// `npm run bench`: builds the language server and the CLI as the VSIX ships them (minified) into
// .bench/dist, bundles the benchmark (scripts/bench/*.ts, which imports the engine's sources) into
// .bench/ with esbuild and runs it from the repository root. Results are printed as tables and
// written to .bench/last.json, compared with the run before.
// Options: --quick (fewer samples), --only engine,typing,scale,side,cold,activation,config,memory
// `node scripts/bench.mjs profile KIND [LINES] [ROUNDS]` instead checks one generated file in a
// loop under `--cpu-prof` and writes the profile to .bench/profiles/, to open in DevTools.
import { build } from 'esbuild';
import { enginePlugins } from './enginePlugins.mjs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

const profiling = process.argv[2] === 'profile';
if (!profiling) {
  const hosts = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', '.bench/dist'], { stdio: 'inherit', cwd: root });
  if (hosts.status !== 0) process.exit(hosts.status ?? 1);
}
const outfile = join(root, '.bench', profiling ? 'profile.cjs' : 'bench.cjs');
await build({
  entryPoints: [join(root, profiling ? 'scripts/bench/profile.ts' : 'scripts/bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: enginePlugins,
});

const flags = profiling ? ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${join(root, '.bench', 'profiles')}`] : ['--expose-gc'];
const args = process.argv.slice(profiling ? 3 : 2);
const result = spawnSync(process.execPath, ['--enable-source-maps', ...flags, outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
