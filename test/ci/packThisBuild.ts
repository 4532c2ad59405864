import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILT_CLI } from '../builtHosts';

export interface PackedBuild {
  readonly tarball: string;
  /** The paths inside the tarball, sorted. */
  readonly files: readonly string[];
}

/**
 * This run's package as npm would publish it: package.json, the README, the LICENSE and its
 * `files`, with dist/ from this run's build, packed with `--ignore-scripts` so `prepack` does not
 * build again. Staged and written under `root`.
 */
export function packThisBuild(root: string, env: NodeJS.ProcessEnv): PackedBuild {
  const stage = join(root, 'stage');
  mkdirSync(stage);
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { files: string[] };
  for (const name of ['package.json', 'README.md', 'LICENSE']) copyFileSync(resolve(name), join(stage, name));
  for (const file of pkg.files) {
    const from = file.startsWith('dist/') ? join(dirname(BUILT_CLI), file.slice('dist/'.length)) : resolve(file);
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(from, join(stage, file));
  }
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], { cwd: stage, env, encoding: 'utf8', timeout: 180_000 });
  if (pack.error) throw pack.error;
  assert.equal(pack.status, 0, pack.stderr);
  const [report] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  assert.ok(report, 'npm pack reported no tarball');
  return { tarball: join(root, report.filename), files: report.files.map((file) => file.path).sort() };
}
