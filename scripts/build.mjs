// Bundles the three hosts (extension client, language server, CLI) and, with --tests, every
// unit/CLI/server test file, with esbuild. Type checking is `npm run typecheck` (tsc --noEmit).
// Options: --production (minified, no source maps: what the VSIX ships), --outdir <dir> (the
// hosts' folder instead of dist/; the benchmark builds what ships into .bench/dist), --testdir
// <dir> (the tests' folder instead of out/, emptied first: each test run builds into its own).
import { build } from 'esbuild';
import { enginePlugins } from './enginePlugins.mjs';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const withTests = process.argv.includes('--tests');
const production = process.argv.includes('--production');
const outdirAt = process.argv.indexOf('--outdir');
const hosts = outdirAt > 0 && process.argv[outdirAt + 1] ? resolve(process.argv[outdirAt + 1]) : join(root, 'dist');
const testdirAt = process.argv.indexOf('--testdir');
const testdir = testdirAt > 0 && process.argv[testdirAt + 1] ? resolve(process.argv[testdirAt + 1]) : join(root, 'out');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // The nginx reference ships as ESM with top-level data; bundling makes it CommonJS-safe.
  mainFields: ['module', 'main'],
  plugins: enginePlugins,
};

/**
 * What the server and CLI load only with the first file that needs it (the nginx reference, 1.6
 * MB, with the first nginx file; the compiled Compose Specification validators with the first
 * compose file) is a file of its own beside the hosts: Node does not parse it before then (a check
 * of an env file starts faster, in less memory), and the VSIX holds one copy instead of two. Each
 * is named by the specifier the engine requires it with, and built from `entry`. The nginx
 * reference is the package's answers as JSON (nginx-reference.json) with a small module that reads
 * them (referenceJson.ts says why).
 */
const BESIDE_HOSTS = {
  '@nginx/reference-lib': { file: 'nginx-reference.js', entry: join(root, 'server/src/engine/parsers/nginx/referenceJson.ts') },
  './composeSpecValidators': { file: 'compose-validators.js', entry: join(root, 'server/src/engine/rules/compose/composeSpecValidators.ts') },
};

/** What `@nginx/reference-lib` answers, in every format, for referenceJson.ts to serve. */
async function nginxReferenceJson() {
  const { Format, getDirectives, getVariables } = await import(pathToFileURL(createRequire(import.meta.url).resolve('@nginx/reference-lib')).href);
  const formats = [Format.Markdown, Format.HTML];
  return JSON.stringify({
    format: Format,
    directives: Object.fromEntries(formats.map((format) => [format, getDirectives(format)])),
    variables: Object.fromEntries(formats.map((format) => [format, getVariables(format)])),
  });
}
/**
 * The JSON Schema of `.deploy-doctor.yaml`, which the extension contributes to VS Code's JSON and
 * YAML support: built from the engine's own vocabularies (config/jsonSchema.ts), run here.
 */
async function configSchemaText() {
  const { outputFiles } = await build({ ...common, plugins: [], entryPoints: [join(root, 'server/src/engine/config/jsonSchema.ts')], write: false, sourcemap: false, minify: false, packages: 'external' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports.configJsonSchemaText();
}
const besideHosts = {
  name: 'beside-hosts',
  setup(build) {
    build.onResolve({ filter: /^[@a-z.]/ }, ({ path }) => (Object.hasOwn(BESIDE_HOSTS, path) ? { path: `./${BESIDE_HOSTS[path].file}`, external: true } : undefined));
  },
};
const host = { ...common, plugins: [...common.plugins, besideHosts] };

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(hosts, 'client.js'), external: ['vscode'] }),
  build({ ...host, entryPoints: [join(root, 'server/src/lsp/server.ts')], outfile: join(hosts, 'server.js') }),
  build({ ...host, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(hosts, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  ...Object.values(BESIDE_HOSTS).map(({ file, entry }) => build({ ...common, entryPoints: [entry], outfile: join(hosts, file) })),
  configSchemaText().then((text) => {
    mkdirSync(hosts, { recursive: true });
    writeFileSync(join(hosts, 'deploy-doctor.schema.json'), text);
  }),
  nginxReferenceJson().then((json) => {
    mkdirSync(hosts, { recursive: true });
    writeFileSync(join(hosts, 'nginx-reference.json'), json);
  }),
]);

if (withTests) {
  rmSync(testdir, { recursive: true, force: true });
  const tests = findTests(root);
  await build({
    ...common,
    sourcemap: 'inline',
    entryPoints: tests.map((file) => ({ in: file, out: relative(root, file).replace(/\.ts$/, '') })),
    outdir: testdir,
    external: ['vscode'],
  });
  // The VS Code suite runs inside the extension host, with mocha: bundled separately. Mocha is
  // bundled in (it is ESM, which older extension hosts cannot require); its parallel mode, whose
  // worker files the bundle lacks, is never used.
  const suite = join(root, 'test/vscode/suite/index.ts');
  if (exists(suite)) {
    await build({ ...common, entryPoints: [suite], outfile: join(testdir, 'vscode-suite/index.js'), external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } });
  }
}

/** Every `*.test.ts` under the source and test folders, except the in-editor suite. */
export function findTests(base) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (relative(base, path) === join('test', 'vscode')) continue;
        walk(path);
      } else if (name.endsWith('.test.ts')) found.push(path);
    }
  };
  for (const dir of ['server/src', 'client/src', 'schemas', 'test']) if (exists(join(base, dir))) walk(join(base, dir));
  return found.sort();
}

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
