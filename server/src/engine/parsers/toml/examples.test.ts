import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { guideTomlExamples, sharedFolder } from './guideExamples';
import { parseToml } from './parse';

test('every TOML example of the guides and product files parses without an error', (t) => {
  const shared = sharedFolder();
  if (!shared) return t.skip('../shared is not present');
  const examples = guideTomlExamples(shared);
  // Seed 001 has three: the self-hosted and SaaS configs and the credentials file.
  assert.ok(examples.length >= 3, `found ${examples.length} examples`);
  for (const example of examples) {
    const file = parseToml(example.text);
    assert.deepEqual(file.errors, [], example.where);
    assert.ok(file.data, example.where);
    assert.ok(file.keyValues.length > 0, example.where);
    for (const kv of file.keyValues) assert.notEqual(kv.value, undefined, `${example.where} ${kv.path.join('.')}`);
  }
});
