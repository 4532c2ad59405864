import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine } from '../../engine';
import { COMPOSE_FILE_NAME, filesUnder } from '../../testing';
import type { WorkspaceView } from '../../types';
import { pathToUri, uriToPath } from '../../uri';

/*
 * The compose files in ../shared/corpus are real, working files from public projects: Compose
 * loads every one of them, so none may get a syntax, schema or reference error.
 */
const corpus = join(process.cwd(), '..', 'shared', 'corpus');
const NO_ERRORS_FROM = new Set(['compose/syntax', 'compose/schema', 'compose/undefined-reference']);

const diskWorkspace: WorkspaceView = {
  readText(uri) {
    const path = uriToPath(uri);
    try {
      return path === undefined ? undefined : readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  files: () => [],
};

test('every corpus compose file loads without syntax, schema or reference errors, and no rule crashes on it', (t) => {
  if (!existsSync(corpus)) {
    t.skip('../shared/corpus is not present');
    return;
  }
  const files = filesUnder(corpus, (name) => COMPOSE_FILE_NAME.test(name));
  assert.ok(files.length >= 10, `expected the corpus compose files, found ${files.length}`);
  const engine = new Engine();
  const problems: string[] = [];
  for (const path of files) {
    const result = engine.check({ uri: pathToUri(path), text: readFileSync(path, 'utf8') }, diskWorkspace);
    assert.equal(result.kind, 'compose', relative(corpus, path));
    for (const diagnostic of result.diagnostics) {
      const crashed = diagnostic.rule === 'deploy-doctor/internal-error';
      if (crashed || (NO_ERRORS_FROM.has(diagnostic.rule) && diagnostic.severity === 'error')) {
        problems.push(`${relative(corpus, path)}:${diagnostic.range.start.line + 1}: ${diagnostic.rule}: ${diagnostic.message}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
