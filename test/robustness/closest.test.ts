import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { closest, editDistance, knownNames } from '../../schemas/lookup';
import { products } from '../../schemas';

/*
 * `closest` computes distances only as far as they can matter (a banded, early-stopping
 * Levenshtein): it must still pick exactly what the plain definition picks — the first candidate
 * at the smallest distance, when that distance is within a quarter of the name (at least 2).
 */
function reference(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name.toUpperCase(), candidate.toUpperCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const allowed = Math.max(2, Math.floor(name.length / 4));
  return best && best.distance <= allowed ? best.candidate : undefined;
}

const RUNS = Math.max(2000, Number(process.env['DD_PROPERTY_RUNS'] ?? 0) || 0);
const schemaNames = products.flatMap((product) => [...knownNames(product, 'env'), ...knownNames(product, 'toml')]);
const letters = fc.constantFrom(...'ABCDE_abß1'.split(''));
const word = fc.array(letters, { maxLength: 14 }).map((chars) => chars.join(''));
/** A schema name with a few random edits: the near misses `closest` exists for. */
const nearMiss = fc
  .tuple(fc.constantFrom(...schemaNames), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.constantFrom('', 'X', '_', 'S', 'é')), { maxLength: 4 }))
  .map(([name, edits]) => edits.reduce((text, [at, remove, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + remove), name));

test(`closest picks what the plain Levenshtein definition picks (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.oneof(word, nearMiss), fc.oneof(fc.array(word, { maxLength: 12 }), fc.subarray(schemaNames, { maxLength: 60 })), (name, candidates) => {
      assert.equal(closest(name, candidates), reference(name, candidates));
    }),
    { numRuns: RUNS },
  );
});

test('closest against every known name of every product, for each name with one typo', () => {
  for (const product of products) {
    for (const source of ['env', 'toml'] as const) {
      const names = knownNames(product, source);
      for (const name of names) {
        const typo = name.slice(0, -1);
        assert.equal(closest(typo, names), reference(typo, names), `${product.id} ${typo}`);
      }
    }
  }
});

test('a file of thousands of unknown keys is not slowed by suggestions: 5,000 lookups in bounded time', () => {
  const names = knownNames(products.find((product) => product.id === 'fraiseql')!, 'env');
  const started = Date.now();
  for (let i = 0; i < 5_000; i++) closest(`SERVICE_${i}_TIMEOUT_SECONDS`, names);
  // A guard against a hang, not a speed target (those live in `npm run bench`).
  assert.ok(Date.now() - started < 20_000);
});
