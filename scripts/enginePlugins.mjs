// esbuild plugins for every bundle that holds the engine (the hosts, the tests, the benchmark).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Compose Specification schema as shipped in dclint (whose package exports hide `schemas/`). */
function composeSpecSchemaText() {
  return readFileSync(join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json'), 'utf8');
}

/** The schema is inlined at build time. */
const composeSpecSchema = {
  name: 'compose-spec-schema',
  setup(build) {
    build.onLoad({ filter: /[\\/]composeSpecSchema\.ts$/ }, () => ({
      contents: `const schema = ${composeSpecSchemaText()};\nexport function loadComposeSpecSchema() { return schema; }\n`,
      loader: 'js',
    }));
  },
};

/**
 * The schema's validators are compiled at build time into ajv's standalone code: the whole file's,
 * and each `oneOf`/`anyOf` branch's under its JSON pointer, as composeSpecAjv.ts sets them up
 * (bundled and run here, so the build and unbundled runs share one set-up;
 * server/src/engine/rules/compose/composeSpecValidators.ts says why). The code needs only ajv's
 * small runtime helpers, which it requires.
 */
const composeSpecValidators = {
  name: 'compose-spec-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]composeSpecValidators\.ts$/ }, async ({ path }) => {
      const { composeSpecAjv } = await runBundled(build, join(dirname(path), 'composeSpecAjv.ts'));
      const { ajv, refs } = composeSpecAjv({ code: { source: true } });
      const code = require('ajv/dist/standalone').default(ajv, refs);
      return {
        contents: [
          'const validators = {};',
          `(function (exports) {\n${code}\n})(validators);`,
          'export function loadComposeSpecValidators() {',
          "  return { file: validators.file, branch: (pointer) => (pointer.startsWith('/') && Object.hasOwn(validators, pointer) ? validators[pointer] : undefined) };",
          '}',
        ].join('\n'),
        loader: 'js',
        resolveDir: dirname(path),
      };
    });
  },
};

/** The exports of a TypeScript module, bundled with esbuild and run in this process (its packages required from here). */
async function runBundled(build, entry) {
  const { outputFiles } = await build.esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

/**
 * `yaml` is bundled from its browser build, the same sources as its Node build less two debug
 * switches read from `process.env` (LOG_TOKENS for every token, LOG_STREAM for every document):
 * reading the environment is a call into C++ each time, 15% of parsing a large compose file.
 * The package's exports name the Node build for every Node bundler, so the path is given here.
 */
const yamlBrowserBuild = {
  name: 'yaml-browser-build',
  setup(build) {
    const browserEntry = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: browserEntry }));
  },
};

export const enginePlugins = [composeSpecSchema, composeSpecValidators, yamlBrowserBuild];
