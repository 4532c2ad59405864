import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../server/src/engine/rules';

test('every rule has its docs page and a row in the docs index', () => {
  const index = readFileSync(join(process.cwd(), 'docs', 'rules', 'README.md'), 'utf8');
  for (const rule of allRules) {
    assert.ok(existsSync(join(process.cwd(), 'docs', 'rules', `${rule.meta.id}.md`)), `docs/rules/${rule.meta.id}.md`);
    assert.ok(index.includes(`[\`${rule.meta.id}\`](${rule.meta.id}.md)`), `index lists ${rule.meta.id}`);
  }
});
