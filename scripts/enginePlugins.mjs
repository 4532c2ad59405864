// esbuild plugins for every bundle that holds the engine (the hosts, the tests, the benchmark).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** dclint's package exports hide `schemas/`, so its Compose Specification schema is inlined at build time. */
const composeSpecSchema = {
  name: 'compose-spec-schema',
  setup(build) {
    build.onLoad({ filter: /[\\/]composeSpecSchema\.ts$/ }, () => {
      const file = join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
      return { contents: `const schema = ${readFileSync(file, 'utf8')};\nexport function loadComposeSpecSchema() { return schema; }\n`, loader: 'js' };
    });
  },
};

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

export const enginePlugins = [composeSpecSchema, yamlBrowserBuild];
