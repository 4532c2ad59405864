/**
 * The whole-engine property test for one file kind (each kind has its own test file, so they run
 * in parallel): every seed as it is, with every offered fix applied; then mutated seeds and token
 * soup. DD_PROPERTY_RUNS raises the number of random cases (default 2,000 mutated + 500 soup).
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { Engine, type FileKind } from '../../server/src/engine';
import { samplesByKind, WORKSPACE_FILES } from './inputs';
import { assertEngineInvariants } from './invariants';
import { mutated, soup } from './mutate';

const RUNS = Math.max(2000, Number(process.env['DD_PROPERTY_RUNS'] ?? 0) || 0);
/** A guard against hangs on one small input, not a speed target. */
const PER_CASE_MS = 5_000;

export function engineProperties(kind: FileKind): void {
  const samples = samplesByKind()[kind];
  const engine = new Engine();

  test(`${kind}: every seed (${samples.length}) checks cleanly, and so does every text its fixes produce`, () => {
    for (const sample of samples) {
      const fixes = 64;
      assertEngineInvariants(engine, { kind, path: sample.path, text: sample.text, files: WORKSPACE_FILES, cursors: [0, sample.text.length >> 1, sample.text.length], fixPicks: Array.from({ length: fixes }, (_, index) => index) }, sample.origin);
    }
  });

  const run = (name: string, texts: fc.Arbitrary<string>, runs: number) =>
    test(`${kind}: ${name} never throw, never report an internal error, keep every range inside (${runs} cases)`, () => {
      fc.assert(
        fc.property(texts, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), fc.array(fc.nat(), { maxLength: 2 }), (text, cursors, fixPicks) => {
          const started = Date.now();
          assertEngineInvariants(engine, { kind, path: samples[0]!.path, text, files: WORKSPACE_FILES, cursors, fixPicks }, `${kind} random case`);
          const elapsed = Date.now() - started;
          assert.ok(elapsed < PER_CASE_MS, `${elapsed} ms for one ${text.length}-character input`);
        }),
        { numRuns: runs },
      );
    });
  run('mutated seeds', mutated(kind, samples.map((sample) => sample.text)), RUNS);
  run('token soups', soup(kind), Math.ceil(RUNS / 4));
}
