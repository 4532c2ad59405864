import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import fc from 'fast-check';
import { envFile, noise } from '../../parsers/env/arbitraries';
import { parseEnv } from '../../parsers/env/parse';
import { fixAllEdits } from '../../services/fixAll';
import { applyEdits, applyFix, checkText } from '../../testing';
import { envRules } from './index';
import { isSecretKey } from './secrets';

/*
 * Properties of the env rules on generated files: a preferred fix (alone, or all of them at once
 * as "fix all" applies them) never changes what dotenv reads, and no message ever contains a
 * secret's value.
 */
const RUNS = Number(process.env['DD_PROPERTY_RUNS'] ?? '') || 2000;

const check = (text: string) => checkText(text, { kind: 'env', rules: envRules, products: [] });

function assertPreferredFixesKeepValues(text: string): void {
  const result = check(text);
  const expected = dotenvParse(text);
  for (const diagnostic of result.diagnostics) {
    for (const fix of diagnostic.fixes.filter((candidate) => candidate.isPreferred)) {
      const fixed = applyFix(text, result.uri, fix);
      assert.deepEqual(dotenvParse(fixed), expected, `${diagnostic.rule} "${fix.title}" on ${JSON.stringify(text)} gave ${JSON.stringify(fixed)}`);
    }
  }
  const fixedAll = applyEdits(text, fixAllEdits(result.uri, result.diagnostics));
  assert.deepEqual(dotenvParse(fixedAll), expected, `fix all on ${JSON.stringify(text)} gave ${JSON.stringify(fixedAll)}`);
}

test(`preferred fixes never change what dotenv reads (${RUNS} generated files, ${RUNS} random texts)`, () => {
  fc.assert(fc.property(envFile, assertPreferredFixesKeepValues), { numRuns: RUNS });
  fc.assert(fc.property(noise, assertPreferredFixesKeepValues), { numRuns: RUNS });
});

/** A secret assignment whose value is built around a marker that must never reach a message. */
const secretLine = fc
  .tuple(
    fc.constantFrom('DB_PASSWORD', 'JWT_SECRET', 'API_TOKEN', 'ENCRYPTION_KEY', 'app_secret'),
    fc.constantFrom('=', ' = ', ': '),
    fc.constantFrom('', '"', "'"),
    fc.array(fc.constantFrom('S3CR', '#', ' ', '$', '${', '}', '"', "'", '\\', '$(', ')', ' #'), { minLength: 1, maxLength: 8 }),
  )
  .map(([key, separator, quote, parts]) => `${key}${separator}${quote}S3CR${parts.join('')}`);
const fileWithSecrets = fc
  .array(fc.oneof(secretLine, envFile), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.join('\n'));

test(`no message contains a secret's value (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fileWithSecrets, (text) => {
      // Only files where every marker belongs to a secret's line: an open quote above can make a
      // secret's line part of another key's value, and that value is not secret.
      const secretEntries = parseEnv(text).entries.filter((entry) => isSecretKey(entry.key, undefined));
      for (let at = text.indexOf('S3CR'); at >= 0; at = text.indexOf('S3CR', at + 1)) {
        fc.pre(secretEntries.some((entry) => entry.span.start <= at && at < entry.span.end));
      }
      for (const diagnostic of check(text).diagnostics) {
        assert.doesNotMatch(diagnostic.message, /S3CR/, `${diagnostic.rule}: ${diagnostic.message}`);
        for (const related of diagnostic.related) assert.doesNotMatch(related.message, /S3CR/);
      }
    }),
    { numRuns: RUNS },
  );
});
