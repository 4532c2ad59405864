import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf } from '../server/src/engine/testing';
import { defineProduct } from './define';
import { products } from './index';
import { specOf } from './lookup';
import type { ProductDefinition, RequirementCondition, SettingSpec } from './types';
import { booleanParsingOf } from './values';
import { describeRequirement } from './view';

test('every condition form reads as a phrase: an empty expected value is "set" or "empty", lists read "a, b or c"', () => {
  assert.equal(describeRequirement({ when: 'URI', notEquals: '' }), 'when URI is set');
  assert.equal(describeRequirement({ when: 'URI', notEquals: '  ' }), 'when URI is set', 'values compare trimmed, so blank is empty');
  assert.equal(describeRequirement({ when: 'URI', equals: '' }), 'when URI is empty');
  assert.equal(describeRequirement({ when: 'BACKEND', equals: 'redis' }), 'when BACKEND is redis');
  assert.equal(describeRequirement({ when: 'BACKEND', notEquals: 'memory' }), 'when BACKEND is not memory');
  assert.equal(describeRequirement({ when: 'BACKEND', equals: ['file', 'vault'] }), 'when BACKEND is file or vault');
  assert.equal(describeRequirement({ when: 'BACKEND', equals: ['a', 'b', 'c'] }), 'when BACKEND is a, b or c');
  assert.equal(describeRequirement({ when: 'BACKEND', equals: ['vault', ''] }), 'when BACKEND is vault or empty');
  assert.equal(describeRequirement({ when: 'ENABLED', equals: true }), 'when ENABLED is true');
  assert.equal(describeRequirement({ when: 'DEV', notEquals: true }), 'when DEV is not true');
  assert.equal(describeRequirement({ mode: 'development', when: 'DEV', equals: false }), 'in development when DEV is false');
  assert.equal(describeRequirement({ mode: 'production', unlessSet: ['A'] }), 'in production unless A is set');
  assert.equal(describeRequirement({ unlessSet: ['A', 'B', 'C'] }), 'unless A, B or C is set');
  assert.equal(describeRequirement({}), 'always');
  assert.equal(describeRequirement('production'), 'in production');
});

/** Words a message must never contain: an empty quoted value, a value missing before punctuation. */
const HOLES = [/``|''|""/, /\bis (?:not )?[,.:]/, /\bis (?:not )?$/, / [,.:]/, / {2}/, /\bor (?:or|is)\b/];

function assertNoHole(message: string): void {
  for (const hole of HOLES) assert.doesNotMatch(message, hole, `a hole in: ${message}`);
}

const conditional = products.flatMap((product) =>
  product.settings.flatMap((spec) => (typeof spec.required === 'object' && !spec.keyPattern ? [{ product, spec, requirement: spec.required }] : [])),
);

/** A value of the `when` key that makes the condition hold, as written in `format`. */
function satisfyingValue(product: ProductDefinition, requirement: RequirementCondition, format: 'env' | 'toml'): string {
  const whenSpec = specOf(product, requirement.when!)!;
  const expected = requirement.equals ?? requirement.notEquals!;
  const wanted = requirement.equals !== undefined;
  if (typeof expected === 'boolean') {
    const value = expected === wanted;
    if (format === 'toml') return String(value);
    const parsing = booleanParsingOf(product, whenSpec, 'env')!;
    return value ? parsing.trueValues[0]! : parsing.falseValues[0] ?? '';
  }
  const text = typeof expected === 'string' ? (wanted ? expected : somethingOtherThan(whenSpec, expected)) : expected[0]!;
  return format === 'toml' ? JSON.stringify(text) : text;
}

function somethingOtherThan(spec: SettingSpec, excluded: string): string {
  const candidate = spec.example ?? (spec.schemes ? `${spec.schemes[0]}://bucket/path` : spec.enum?.[0] ?? 'value');
  return candidate.trim() === excluded.trim() ? `${candidate}-other` : candidate;
}

function fileSetting(key: string, value: string, format: 'env' | 'toml'): string {
  if (format === 'env') return `${key}=${value}\n`;
  const dot = key.lastIndexOf('.');
  return dot < 0 ? `${key} = ${value}\n` : `[${key.slice(0, dot)}]\n${key.slice(dot + 1)} = ${value}\n`;
}

test('every conditional requirement of every product reads well in the message of its rule', () => {
  assert.ok(conditional.some(({ requirement }) => requirement.notEquals === ''), 'the schemas still have a `notEquals: \'\'` form');
  for (const { product, spec, requirement } of conditional) {
    const format = (spec.source ?? 'env') === 'toml' ? 'toml' : 'env';
    const text = requirement.when ? fileSetting(requirement.when, satisfyingValue(product, requirement, format), format) : '';
    const result = checkText(text, { kind: format, product: product.id, mode: requirement.mode ?? 'production' });
    const rule = spec.secret ? 'secret/missing' : 'schema/missing-required';
    const verb = spec.secret ? 'needs' : 'requires';
    const finding = findingsOf(result, rule).find((candidate) => candidate.message.startsWith(`${product.name} ${verb} ${spec.key} `));
    assert.ok(finding, `${product.id}: ${spec.key} is reported by ${rule} for ${JSON.stringify(text)}`);
    assert.ok(finding.message.includes(`${spec.key} ${describeRequirement(requirement)}, and it is not set`), finding.message);
    assertNoHole(finding.message);
  }
});

test('Flowfile: the catalog connection is required "when FLOWFILE_CATALOG_STORAGE_URI is set"', () => {
  const result = checkText('FLOWFILE_CATALOG_STORAGE_URI=s3://bucket/catalog\n', { kind: 'env', product: 'flowfile' });
  const messages = findingsOf(result, 'schema/missing-required').map((finding) => finding.message);
  assert.ok(
    messages.includes('Flowfile requires FLOWFILE_CATALOG_STORAGE_CONNECTION when FLOWFILE_CATALOG_STORAGE_URI is set, and it is not set: a catalog storage URI needs the connection that holds its credentials.'),
    messages.join('\n'),
  );
});

test('a condition on an empty list of values, which could never hold or be described, is refused when the product loads', () => {
  const product = (equals: readonly string[]): ProductDefinition => ({
    id: 'acme-list',
    name: 'Acme List',
    version: 'acme/list@1',
    detect: { envPrefixes: ['ACMEL_'] },
    settings: [
      { key: 'ACMEL_MODE', type: 'string', description: 'Which backend the service uses.' },
      { key: 'ACMEL_URL', type: 'url', description: 'Where the backend listens.', required: { when: 'ACMEL_MODE', equals } },
    ],
  });
  assert.throws(() => defineProduct(product([])), /required/);
  assert.doesNotThrow(() => defineProduct(product(['remote'])));
});
