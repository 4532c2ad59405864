import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG_RULE_META } from '../server/src/engine/config';
import { allRules } from '../server/src/engine/rules';

test('every rule has its docs page and a row in the docs index', () => {
  const index = readFileSync(join(process.cwd(), 'docs', 'rules', 'README.md'), 'utf8');
  for (const meta of [...allRules.map((rule) => rule.meta), CONFIG_RULE_META]) {
    assert.ok(existsSync(join(process.cwd(), 'docs', 'rules', `${meta.id}.md`)), `docs/rules/${meta.id}.md`);
    assert.ok(index.includes(`[\`${meta.id}\`](${meta.id}.md)`), `index lists ${meta.id}`);
  }
});
