// `npm run package`: builds the extension's bundles for production (minified, no source maps) and
// packs them with @vscode/vsce, offline, into deploy-doctor.vsix. The build runs in a staging
// folder so the working tree's dist/ (the development build the tests use) is never touched
// while tests may be running from it. Usage: node scripts/package.mjs [--out <file.vsix>]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : join(root, 'deploy-doctor.vsix'));

/** What the VSIX is made of besides the bundles; `.vscodeignore` still has the last word. */
const PACKAGED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'docs', 'snippets', 'languages'];
/** What the build reads: linked into the stage for the build, unlinked before packing. */
const SOURCES = ['server', 'client', 'schemas', 'node_modules', 'tsconfig.json'];

const stage = mkdtempSync(join(tmpdir(), 'deploy-doctor-package-'));
try {
  mkdirSync(join(stage, 'scripts'));
  for (const script of ['build.mjs', 'enginePlugins.mjs']) copyFileSync(join(root, 'scripts', script), join(stage, 'scripts', script));
  for (const name of SOURCES) if (existsSync(join(root, name))) symlinkSync(join(root, name), join(stage, name));
  run('node', ['scripts/build.mjs', '--production'], stage);
  for (const name of [...SOURCES, 'scripts']) rmSync(join(stage, name), { recursive: true, force: true });
  for (const name of PACKAGED) if (existsSync(join(root, name))) cpSync(join(root, name), join(stage, name), { recursive: true });
  // `files` is the npm package's list; vsce refuses it beside .vscodeignore, which has the VSIX's.
  const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The README's relative links point into the repository: the same place the diagnostics' docs links do.
  const repository = 'https://github.com/deploy-doctor/deploy-doctor';
  run(
    'node',
    [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--baseContentUrl', `${repository}/blob/main`, '--baseImagesUrl', `${repository}/raw/main`, '--out', out],
    stage,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}
