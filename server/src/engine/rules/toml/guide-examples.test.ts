import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { guideTomlExamples, sharedFolder } from '../../parsers/toml/guideExamples';
import { checkText } from '../../testing';

/*
 * Every TOML example of the guides and product files, under the full engine: no false error.
 * What the guides show on purpose stays reported, and is listed here with the reason: a database
 * password inside the file, the credentials example's placeholder tokens, its expired date, and
 * a `static_api_key` authenticator listed without keys (the server warns about it).
 */
const EXPECTED = new Map<string, string>([
  ['security/inline-credential', 'the guide puts the database password in config.toml'],
  ['secret/placeholder', 'the credentials example shows `eyJhbG...` and `flovyn_sk_...`'],
  ['schema/invalid-value', 'the credentials example expired on 2025-12-29'],
  ['schema/conflict', 'static_api_key is listed with no [auth.static_api_key] keys'],
]);

test('every TOML example of the guides and product files has no false error under the full engine', (t) => {
  const shared = sharedFolder();
  if (!shared) return t.skip('../shared is not present');
  for (const example of guideTomlExamples(shared)) {
    const credentials = /^\s*\[default\]/m.test(example.text);
    const path = credentials ? '/home/dev/.flovyn/credentials' : '/project/config.toml';
    const result = checkText(example.text, { kind: 'toml', path });
    assert.equal(result.product, 'flovyn', example.where);
    for (const diagnostic of result.diagnostics) {
      const line = diagnostic.range.start.line + 1;
      const expected = EXPECTED.get(diagnostic.rule);
      assert.ok(expected, `${example.where} line ${line}: unexpected ${diagnostic.rule}: ${diagnostic.message}`);
      if (diagnostic.severity === 'error') {
        assert.ok(diagnostic.rule === 'secret/placeholder', `${example.where} line ${line}: ${diagnostic.rule} is an error: ${diagnostic.message}`);
      }
    }
  }
});
