import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parseCompose } from '../../parsers/compose/parse';
import { loadComposeSpecSchema } from '../../parsers/compose/composeSpecSchema';
import { COMPOSE_FILE_NAME, filesUnder } from '../../testing';
import { choiceLists, compileComposeSpecValidators } from './composeSpecAjv';
import { loadComposeSpecValidators } from './composeSpecValidators';

/*
 * The validators the bundles ship were compiled when they were built (ajv's standalone code, see
 * scripts/enginePlugins.mjs). They must report exactly what ajv compiling the schema now reports:
 * the same errors, in the same order, for the whole file and for every `oneOf`/`anyOf` branch,
 * on real compose files and on mutations of them.
 */
const RUNS = Math.max(500, Number(process.env['DD_PROPERTY_RUNS'] ?? 0) || 0);

const SEEDS = [
  'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80", {target: 443, published: 8443}]\n    depends_on: {db: {condition: service_healthy}}\n    environment: [A=1, B]\n    build: {context: ., args: [X=1]}\n    healthcheck: {test: [CMD, curl, -f, http://localhost], interval: 10s}\n  db:\n    image: postgres:16\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data: {}\nnetworks:\n  front: {driver: bridge}\n',
  'name: demo\nservices:\n  app:\n    build: .\n    command: [serve, --port, "8000"]\n    deploy: {resources: {limits: {memory: 512M}}, restart_policy: {condition: on-failure}}\n    logging: {driver: json-file, options: {max-size: 10m}}\n    ulimits: {nofile: {soft: 1024, hard: 2048}}\nsecrets:\n  token: {file: ./token.txt}\nconfigs:\n  site: {file: ./site.conf}\n',
];

const corpus = join(process.cwd(), '..', 'shared', 'corpus');

const corpusTexts = filesUnder(corpus, (name) => COMPOSE_FILE_NAME.test(name)).map((path) => readFileSync(path, 'utf8'));
const documents = [...SEEDS, ...corpusTexts].map((text) => parseCompose(text).data).filter((data) => typeof data === 'object' && data !== null);

/** The JSON pointer of every `oneOf`/`anyOf` branch of the schema, as ajv addresses them. */
const pointers = choiceLists(loadComposeSpecSchema()).flatMap(({ pointer, list }) => list.map((_, index) => `${pointer}/${index}`));
const shipped = loadComposeSpecValidators();
const compiledNow = compileComposeSpecValidators();

/** What a validator reports: its errors whole, with the schema, parent schema and data `verbose` adds (explanations read them). */
function reportOf(validate: ValidateFunction, data: unknown): { valid: boolean; errors: readonly ErrorObject[] } {
  const valid = validate(data) as boolean;
  return { valid, errors: validate.errors ?? [] };
}

/** Every object and list inside `value`, with `value` itself first. */
function nodesOf(value: unknown, found: unknown[] = []): unknown[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value);
  for (const child of Object.values(value)) nodesOf(child, found);
  return found;
}

const VALUES = [1, 2.5, -3, 'x', '', '80:80', 'always', 'service_healthy', true, null, [], {}, ['a', 1], { a: 1 }, { context: 1, bogus: 2 }, [{ target: 'x' }]];
const KEYS = ['bogus', 'imagee', 'image', 'ports', 'environment', 'build', 'healthcheck', 'depends_on', 'deploy', 'x-extra', 'volumes', 'networks', 'restart', 'target', 'condition'];

const mutation = fc.array(
  fc.record({
    at: fc.nat(),
    action: fc.constantFrom('replace', 'rename', 'add', 'drop'),
    key: fc.constantFrom(...KEYS),
    value: fc.oneof(fc.constantFrom(...VALUES), fc.jsonValue({ maxDepth: 2 })),
  }),
  { maxLength: 6 },
);

/** A deep copy of `document` with the mutations applied to its mappings and lists. */
function mutated(document: object, steps: readonly { at: number; action: string; key: string; value: unknown }[]): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  for (const step of steps) {
    const nodes = nodesOf(copy) as Record<string, unknown>[];
    const node = nodes[step.at % nodes.length]!;
    const keys = Object.keys(node);
    const key = keys.length > 0 ? keys[step.at % keys.length]! : step.key;
    const value = structuredClone(step.value);
    if (step.action === 'replace' && keys.length > 0) node[key] = value;
    else if (step.action === 'rename' && keys.length > 0 && !Array.isArray(node)) {
      node[`${key}s`] = node[key];
      delete node[key];
    } else if (step.action === 'drop' && keys.length > 0) delete node[key];
    else if (Array.isArray(node)) node.push(value);
    else node[step.key] = value;
  }
  return copy;
}

test('the shipped Compose validators report what ajv compiling the schema now reports, file and branches', () => {
  assert.ok(documents.length >= SEEDS.length);
  assert.ok(pointers.length > 20, `expected the schema's oneOf/anyOf branches, found ${pointers.length}`);
  let invalid = 0;
  fc.assert(
    fc.property(fc.nat(), mutation, fc.nat(), fc.nat(), (which, steps, pointerAt, nodeAt) => {
      const data = mutated(documents[which % documents.length]!, steps);
      const expected = reportOf(compiledNow.file, data);
      assert.deepEqual(reportOf(shipped.file, data), expected);
      if (!expected.valid) invalid++;
      // A branch is validated against one of the document's nodes, as a failed choice is explained.
      const pointer = pointers[pointerAt % pointers.length]!;
      const nodes = nodesOf(data);
      const node = nodes[nodeAt % nodes.length];
      const ours = shipped.branch(pointer);
      const theirs = compiledNow.branch(pointer);
      assert.ok(ours && theirs, `a validator for ${pointer}`);
      assert.deepEqual(reportOf(ours, node), reportOf(theirs, node), pointer);
    }),
    { numRuns: RUNS },
  );
  // The mutations must reach the error paths, or the comparison says little.
  assert.ok(invalid > RUNS / 4, `only ${invalid} of ${RUNS} mutated files were invalid`);
});

test('a pointer that is no branch has no validator', () => {
  assert.equal(shipped.branch('/definitions/service'), undefined);
  assert.equal(shipped.branch('file'), undefined);
  assert.equal(shipped.branch('/nothing/oneOf/0'), undefined);
});
