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
 * and each `oneOf`/`anyOf` branch's under its JSON pointer, with the options in
 * composeSpecAjvOptions.json (server/src/engine/rules/compose/composeSpecValidators.ts says why;
 * composeSpecAjv.ts compiles the same at run time, for unbundled runs and a test comparing the two).
 * The code needs only ajv's small runtime helpers, which it requires.
 */
const composeSpecValidators = {
  name: 'compose-spec-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]composeSpecValidators\.ts$/ }, ({ path }) => {
      const Ajv = require('ajv').default;
      const standaloneCode = require('ajv/dist/standalone').default;
      const options = JSON.parse(readFileSync(join(dirname(path), 'composeSpecAjvOptions.json'), 'utf8'));
      const schema = JSON.parse(composeSpecSchemaText());
      delete schema['$schema'];
      const id = 'compose_spec.json';
      const ajv = new Ajv({ ...options, code: { source: true } });
      ajv.addSchema(schema, id);
      const refs = { file: id };
      for (const pointer of branchPointers(schema, '')) refs[pointer] = `${id}#${pointer}`;
      const code = standaloneCode(ajv, refs);
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

/** The JSON pointer of every `oneOf`/`anyOf` branch under `node`, encoded as in a URI fragment. */
function* branchPointers(node, pointer) {
  if (typeof node !== 'object' || node === null) return;
  for (const keyword of ['oneOf', 'anyOf']) {
    if (Array.isArray(node[keyword])) for (let index = 0; index < node[keyword].length; index++) yield `${pointer}/${keyword}/${index}`;
  }
  for (const [key, child] of Object.entries(node)) yield* branchPointers(child, `${pointer}/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`);
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
