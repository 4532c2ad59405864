import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../testing';

/*
 * The nginx files of real projects (../shared/corpus) are accepted by nginx: none of them may get
 * an error from the structural rules (or a false duplicate or removal). Each is checked at its own path, beside the project's other
 * nginx files, so context inference and include following work as in an editor.
 */
const CORPUS = path.join(process.cwd(), '..', 'shared', 'corpus');
const STRUCTURAL = ['nginx/syntax', 'nginx/unknown-directive', 'nginx/directive-context', 'nginx/invalid-args', 'nginx/duplicate-directive', 'nginx/deprecated'];

test('no corpus nginx file gets a structural error', (t) => {
  const manifest = path.join(CORPUS, 'manifest.tsv');
  if (!existsSync(manifest)) {
    t.skip('../shared/corpus is absent');
    return;
  }
  const files = readFileSync(manifest, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([repo, , file, kind]) => kind === 'nginx' && repo && file)
    .map(([repo, , file]) => ({ path: `/corpus/${repo!.replace('/', '__')}/${file!}`, local: path.join(CORPUS, repo!.replace('/', '__'), file!) }))
    .filter((file) => existsSync(file.local));
  assert.ok(files.length >= 10, `expected the corpus's nginx files, found ${files.length}`);
  const workspace = Object.fromEntries(files.map((file) => [file.path, readFileSync(file.local, 'utf8')]));
  const problems: string[] = [];
  for (const file of files) {
    const result = checkText(workspace[file.path]!, { path: file.path, kind: 'nginx', files: workspace });
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error' && STRUCTURAL.includes(diagnostic.rule)) {
        problems.push(`${file.path}:${diagnostic.range.start.line + 1} ${diagnostic.rule} ${diagnostic.message}`);
      }
    }
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.rule === 'deploy-doctor/internal-error'), []);
  }
  assert.deepEqual(problems, []);
});
