import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { products as builtInProducts } from '../../../../schemas';
import { OWN_TYPES, SECRET_FORMATS } from '../../../../schemas/own/formats';
import { allRules } from '../rules';
import { CONFIG_SCHEMA_FILE, configJsonSchema, configJsonSchemaText, type JsonSchema } from './jsonSchema';
import { parseProjectConfig, SEVERITY_VALUES, type ConfigVocabulary } from './parse';

/*
 * The JSON Schema editors use for `.deploy-doctor.yaml`: built from the engine's vocabularies,
 * shipped beside the hosts, and agreeing with the checker on the documented examples and on
 * wrong configs.
 */

const HOSTS_DIR = resolve(process.env['DEPLOY_DOCTOR_HOSTS'] ?? 'dist');
const vocabulary: ConfigVocabulary = { ruleIds: new Set(allRules.map((rule) => rule.meta.id)), productIds: new Set(builtInProducts.map((product) => product.id)) };

function validator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  // VS Code's own keyword: a description per enum value, shown in completion.
  ajv.addKeyword('enumDescriptions');
  return ajv.compile(configJsonSchema());
}

function definition(name: string): JsonSchema {
  return (configJsonSchema()['definitions'] as Record<string, JsonSchema>)[name]!;
}

/** The ```yaml and ```json blocks of a Markdown text (YAML reads JSON too). */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:yaml|json)\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

test('the built hosts ship the schema as configJsonSchema() makes it', () => {
  assert.equal(readFileSync(join(HOSTS_DIR, CONFIG_SCHEMA_FILE), 'utf8'), configJsonSchemaText());
});

test('the schema lists every rule id with its description, every severity, setting type and secret format', () => {
  const rules = definition('rules')['properties'] as Record<string, { description: string; enum: string[] }>;
  assert.deepEqual(Object.keys(rules).sort(), allRules.map((rule) => rule.meta.id).sort());
  for (const rule of allRules) {
    assert.ok(rules[rule.meta.id]!.description.startsWith(rule.meta.description), rule.meta.id);
    assert.deepEqual(rules[rule.meta.id]!.enum, [...SEVERITY_VALUES]);
  }
  const setting = definition('setting')['properties'] as Record<string, JsonSchema>;
  assert.deepEqual(setting['type']!['enum'], [...OWN_TYPES]);
  const secret = (setting['secret']!['anyOf'] as JsonSchema[])[0]!;
  assert.deepEqual(secret['enum'], Object.keys(SECRET_FORMATS));
  const product = (definition('override')['properties'] as Record<string, JsonSchema>)['product']!;
  assert.deepEqual((product['anyOf'] as JsonSchema[])[0]!['enum'], builtInProducts.map((entry) => entry.id));
});

test('every property of the schema has a description, for hover', () => {
  const missing: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${path}/${index}`));
    else if (typeof node === 'object' && node !== null) {
      const properties = (node as JsonSchema)['properties'];
      if (typeof properties === 'object' && properties !== null) {
        for (const [key, property] of Object.entries(properties)) if (typeof (property as JsonSchema)['description'] !== 'string') missing.push(`${path}/properties/${key}`);
      }
      // `if` only selects when `then` applies: editors show nothing of it.
      for (const [key, child] of Object.entries(node)) if (key !== 'if') visit(child, `${path}/${key}`);
    }
  };
  visit(configJsonSchema(), '#');
  assert.deepEqual(missing, []);
});

test('the examples in docs/config.md and the README validate against the schema, and the checker accepts them', () => {
  const validate = validator();
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Project config'), readme.indexOf('### As an npm package'));
  const examples = [...yamlBlocks(readFileSync('docs/config.md', 'utf8')), ...yamlBlocks(section)];
  assert.ok(examples.length >= 5, `${examples.length} examples`);
  for (const example of examples) {
    assert.ok(validate(parseYaml(example)), `${example}\n${JSON.stringify(validate.errors, null, 2)}`);
    assert.deepEqual(parseProjectConfig(example, vocabulary).problems.filter((problem) => problem.severity === 'error'), [], example);
  }
});

test('a config with every kind of value the checker accepts validates', () => {
  const validate = validator();
  const config = [
    '$schema: ./node_modules/deploy-doctor/dist/deploy-doctor.schema.json',
    'root: true',
    'rules: { secret/weak: warning, nginx/tls: off }',
    'overrides:',
    '  - files: deploy/dev/**',
    '    product: billing-api',
    '    mode: development',
    '  - files: ["*.env"]',
    '    product: fraiseql',
    '    rules: { env/duplicate-key: hint }',
    'ignore: vendor/**',
    'nginx: { modules: [headers-more, my-own-module] }',
    'products:',
    '  billing-api:',
    '    envPrefix: BILLING_',
    '    images: ghcr.io/acme/billing',
    '    settings:',
    '      BILLING_PORT: port',
    '      BILLING_NOTE:',
    '      BILLING_MODE: { enum: [a, 1, true], caseInsensitive: true, required: { when: BILLING_PORT, equals: [8080, "9090"] } }',
    '      BILLING_KEY: { secret: true, minLength: 40, placeholders: [changeme], required: true }',
    '      BILLING_CODE: { pattern: "^[A-Z]+$", invalid: ignored, default: ABC, example: XYZ, aliases: [CODE] }',
    '      BILLING_URL: { type: url, schemes: https, https: true, production: "https://x" }',
    '      data.dir: { type: path, absolute: false, source: toml, description: Where data lives, requiredReason: needed }',
    '',
  ].join('\n');
  assert.ok(validate(parseYaml(config)), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(parseProjectConfig(config, vocabulary).problems, []);
});

test('wrong configs fail the schema, as the checker reports them', () => {
  const validate = validator();
  const wrong = [
    'rulez: {}',
    'rules: { secret/weeak: warning }',
    'rules: { secret/weak: warn }',
    'root: yes please',
    'overrides: [{ rules: { secret/weak: off } }]',
    'overrides: [{ files: ["a/**"], mode: staging }]',
    'ignore: ["/etc/**"]',
    'ignore: ["../outside/**"]',
    'nginx: { module: [lua] }',
    'products: { Billing_API: { envPrefix: B_ } }',
    'products: { billing: { settings: { B_PORT: { type: prot } } } }',
    'products: { billing: { settings: { B_PORT: prot } } }',
    'products: { billing: { settings: { B_KEY: { secret: hex-64 } } } }',
    'products: { billing: { settings: { B_LEVEL: { type: enum } } } }',
    'products: { billing: { settings: { B_LEVEL: { required: sometimes } } } }',
    'products: { billing: { settings: { B_LEVEL: { invalid: crashes } } } }',
    'products: { billing: { settings: { B_PORT: { type: port, min: low } } } }',
    'products: { billing: { settings: { B_URL: { source: yaml } } } }',
    'products: { billing: { settings: { B_URL: { description: URL } } } }',
  ];
  for (const text of wrong) {
    assert.equal(validate(parseYaml(text)), false, `the schema accepts ${text}`);
    assert.ok(parseProjectConfig(text, vocabulary).problems.length > 0, `the checker accepts ${text}`);
  }
});
