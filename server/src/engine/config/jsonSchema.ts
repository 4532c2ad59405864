import { products as builtInProducts } from '../../../../schemas';
import { OWN_TYPES, SECRET_FORMATS } from '../../../../schemas/own/formats';
import { INVALID_EFFECTS, PRODUCT_ID, PRODUCT_KEYS, SETTING_KEYS } from '../../../../schemas/own/translate';
import { KEY_FORMATS } from '../keygen';
import { allRules } from '../rules';
import { THIRD_PARTY_MODULES } from '../rules/nginx/support/thirdParty';
import { MODE_VALUES, NGINX_KEYS, OVERRIDE_KEYS, SEVERITY_VALUES, TOP_LEVEL_KEYS } from './parse';

/*
 * The JSON Schema of `.deploy-doctor.yaml`, for editors (completion, hover, validation). It is
 * built from the vocabularies parse.ts and schemas/own check against, when the hosts are built
 * (scripts/build.mjs), so it cannot drift from them. The description tables are typed by those
 * key lists: a key added there without a description here does not compile.
 */

export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where the build writes it, beside the hosts; package.json's jsonValidation/yamlValidation point here. */
export const CONFIG_SCHEMA_FILE = 'deploy-doctor.schema.json';

const DOCS = 'https://github.com/deploy-doctor/deploy-doctor/blob/main/docs/config.md';

const TOP_LEVEL: Record<(typeof TOP_LEVEL_KEYS)[number], string> = {
  $schema: 'The JSON Schema of this file, for editors. Ignored by Deploy Doctor.',
  root: '`true` stops the walk up for config files at this folder: configs in folders above do not apply.',
  rules: 'Severity per rule id: `error`, `warning`, `info`, `hint`, or `off` to disable the rule.',
  overrides: 'Settings for some files only, as in ESLint: each entry applies `rules`, `product` and `mode` to the files its globs match; later entries win.',
  products: "Your own services, described once in the vocabulary the built-in products use: `.env` files, compose `environment:`/`env_file:` and TOML tables are checked against them.",
  ignore: 'Globs (relative to this file) of files the CLI walk skips; a file named on the command line is still checked.',
  nginx: 'nginx settings of the project.',
};

const OVERRIDE: Record<(typeof OVERRIDE_KEYS)[number], string> = {
  files: 'Globs relative to this file; a glob without `/` matches a file name at any depth.',
  rules: 'Severity per rule id for the matching files; wins over the top-level `rules`.',
  product: 'The product of the matching files, a built-in product id or one declared under `products`.',
  mode: 'The mode the matching files are checked in.',
};

const NGINX: Record<(typeof NGINX_KEYS)[number], string> = {
  modules: 'Third-party nginx modules in use: their directives are not reported as unknown.',
};

const PRODUCT: Record<(typeof PRODUCT_KEYS)[number], string> = {
  name: 'Display name in messages (default: the product key).',
  files: 'Globs (relative to this file) of the config files that belong to this product.',
  envPrefix: 'Prefix of the product\'s environment variables (`BILLING_`): unknown keys with it are reported as typos.',
  images: 'Compose services with one of these images are this product.',
  settings: 'The settings the product reads, by name (`BILLING_PORT`, or a dotted TOML path with `source: toml`). A bare string is the type.',
  description: 'What the product is, for your readers.',
};

const SETTING: Record<(typeof SETTING_KEYS)[number], string> = {
  type: 'The value\'s type. Default `string` (`enum` when `enum:` is given).',
  secret: 'Makes the setting a secret in this key format: its value never appears in output, `secret/weak` and `secret/placeholder` apply, Generate Key uses the format. `true` means `base64-32`.',
  required: '`always`, `production`, `never` (default), or `{ when: OTHER_KEY, equals: value }`.',
  default: 'The value the service uses when the setting is absent; shown in hover.',
  example: 'An example value: shown in hover, inserted by completion and fixes.',
  description: 'What the setting does (10 characters or more); shown in hover.',
  placeholders: 'Example values that must never reach production (`secret/placeholder`).',
  enum: 'The allowed values.',
  schemes: 'For `url`: the URL schemes accepted; the first is suggested in fixes.',
  pattern: 'A regular expression the value must match.',
  minLength: 'The shortest accepted value (for secrets: the shortest accepted in production).',
  min: 'The smallest accepted `integer`, `number` or `port`.',
  max: 'The largest accepted `integer`, `number` or `port`.',
  list: 'For `origins`: `comma` (default, `https://a,https://b`) or `json` (`["https://a"]`).',
  source: '`env` (default) or `toml`: TOML settings are named by their dotted path (`server.port`).',
  aliases: 'Other names the service reads for the same setting.',
  production: 'The value production needs (`production: false`), for `security/dev-mode`.',
  requiresTls: '`true`: `http://` in production is reported by `security/insecure-url`.',
  https: 'Same as `requiresTls`.',
  absolute: 'For `path`: `false` allows relative paths (default: must be absolute).',
  caseInsensitive: 'For `enum`: `true` accepts the values in any case.',
  invalid: 'What the service does with an invalid value, which sets the finding\'s severity.',
  requiredReason: 'Your words added to the message when the setting is missing.',
};

const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITY_VALUES)[number], string> = {
  error: 'Shown as an error; the CLI exits 1.',
  warning: 'Shown as a warning.',
  info: 'Shown as information.',
  hint: 'Shown as a hint.',
  off: 'The rule does not run.',
};

const INVALID_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'refuses-start': 'The service refuses to start (default): an error.',
  'fails-later': 'The service starts and fails when it uses the value: an error.',
  ignored: 'The service ignores the value: a warning.',
  'against-guide': 'Accepted, but against the product\'s guide: a warning.',
};

const REQUIREMENTS = ['always', 'production', 'never'] as const;
const REQUIREMENT_DESCRIPTIONS: Record<(typeof REQUIREMENTS)[number], string> = {
  always: 'Required in every mode.',
  production: 'Required in production only.',
  never: 'Optional (the default).',
};

/** The schema's own text, as the build writes it. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

export function configJsonSchema(): JsonSchema {
  const rules = allRules.map((rule) => rule.meta);
  const severity = choice(SEVERITY_VALUES, SEVERITY_DESCRIPTIONS);
  const nonEmpty = { type: 'string', minLength: 1 };
  const stringOrList = (description: string) => ({ description, anyOf: [nonEmpty, { type: 'array', items: nonEmpty }] });
  const scalar = { type: ['string', 'number', 'boolean'] };
  const scalarOrList = (description: string) => ({ description, anyOf: [scalar, { type: 'array', items: scalar }] });
  const keyFormats = new Map(KEY_FORMATS.map((info) => [info.format, info]));
  const secretNames = Object.keys(SECRET_FORMATS);
  const secretDescriptions = secretNames.map((name) => {
    const info = keyFormats.get(SECRET_FORMATS[name]!);
    return info ? `${info.label} (${info.equivalent})` : name;
  });

  const setting = {
    type: 'object',
    additionalProperties: false,
    properties: {
      type: { description: SETTING.type, enum: OWN_TYPES },
      secret: { description: SETTING.secret, anyOf: [{ enum: secretNames, enumDescriptions: secretDescriptions }, { const: true }] },
      required: {
        description: SETTING.required,
        anyOf: [
          choice(REQUIREMENTS, REQUIREMENT_DESCRIPTIONS),
          { type: 'boolean' },
          {
            type: 'object',
            required: ['when', 'equals'],
            properties: {
              when: { type: 'string', description: 'The setting whose value decides (declared in the same product).' },
              equals: { description: 'The value (or values) of `when` that make this setting required.', anyOf: [scalar, { type: 'array', items: scalar }] },
            },
          },
        ],
      },
      default: { ...scalar, description: SETTING.default },
      example: { ...scalar, description: SETTING.example },
      description: { type: 'string', minLength: 10, description: SETTING.description },
      placeholders: scalarOrList(SETTING.placeholders),
      enum: { ...scalarOrList(SETTING.enum) },
      schemes: stringOrList(SETTING.schemes),
      pattern: { type: 'string', format: 'regex', description: SETTING.pattern },
      minLength: { type: 'number', description: SETTING.minLength },
      min: { type: 'number', description: SETTING.min },
      max: { type: 'number', description: SETTING.max },
      list: { description: SETTING.list, enum: ['comma', 'json'] },
      source: { description: SETTING.source, enum: ['env', 'toml'] },
      aliases: stringOrList(SETTING.aliases),
      production: { ...scalar, description: SETTING.production },
      requiresTls: { type: 'boolean', description: SETTING.requiresTls },
      https: { type: 'boolean', description: SETTING.https },
      absolute: { type: 'boolean', description: SETTING.absolute },
      caseInsensitive: { type: 'boolean', description: SETTING.caseInsensitive },
      invalid: { description: SETTING.invalid, ...choice(INVALID_EFFECTS, INVALID_DESCRIPTIONS) },
      requiredReason: { type: 'string', description: SETTING.requiredReason },
    } satisfies Record<(typeof SETTING_KEYS)[number], JsonSchema>,
    // An enum needs its values.
    if: { required: ['type'], properties: { type: { const: 'enum' } } },
    then: { required: ['enum'] },
  };

  const product = {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { ...nonEmpty, description: PRODUCT.name },
      files: { ...stringOrList(PRODUCT.files) },
      envPrefix: { ...nonEmpty, description: PRODUCT.envPrefix },
      images: stringOrList(PRODUCT.images),
      settings: {
        type: 'object',
        description: PRODUCT.settings,
        additionalProperties: {
          description: 'A setting: a mapping such as `{ type: port, default: 8080 }`, or its type alone.',
          anyOf: [{ type: 'null' }, { enum: OWN_TYPES.filter((type) => type !== 'enum') }, { $ref: '#/definitions/setting' }],
        },
      },
      description: { type: 'string', description: PRODUCT.description },
    } satisfies Record<(typeof PRODUCT_KEYS)[number], JsonSchema>,
  };

  const builtIn = builtInProducts.map((definition) => definition.id);
  const override = {
    type: 'object',
    additionalProperties: false,
    required: ['files'],
    properties: {
      files: { $ref: '#/definitions/globs', description: OVERRIDE.files },
      rules: { $ref: '#/definitions/rules', description: OVERRIDE.rules },
      product: {
        description: OVERRIDE.product,
        anyOf: [
          { enum: builtIn, enumDescriptions: builtInProducts.map((definition) => definition.name) },
          { type: 'string', pattern: PRODUCT_ID.source },
        ],
      },
      mode: { description: OVERRIDE.mode, enum: MODE_VALUES },
    } satisfies Record<(typeof OVERRIDE_KEYS)[number], JsonSchema>,
  };

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Deploy Doctor project config',
    description: `\`.deploy-doctor.yaml\`: rule severities, per-file overrides, ignored files and your own products. ${DOCS}`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: TOP_LEVEL.$schema },
      root: { type: 'boolean', description: TOP_LEVEL.root },
      rules: { $ref: '#/definitions/rules', description: TOP_LEVEL.rules },
      overrides: { type: 'array', description: TOP_LEVEL.overrides, items: { $ref: '#/definitions/override' } },
      products: {
        type: ['object', 'null'],
        description: TOP_LEVEL.products,
        propertyNames: { pattern: PRODUCT_ID.source },
        additionalProperties: { $ref: '#/definitions/product' },
      },
      ignore: { $ref: '#/definitions/globs', description: TOP_LEVEL.ignore },
      nginx: {
        type: 'object',
        description: TOP_LEVEL.nginx,
        additionalProperties: false,
        properties: {
          modules: {
            type: 'array',
            description: NGINX.modules,
            items: {
              anyOf: [
                { enum: THIRD_PARTY_MODULES.map((module) => module.id), enumDescriptions: THIRD_PARTY_MODULES.map((module) => module.project) },
                nonEmpty,
              ],
            },
          },
        } satisfies Record<(typeof NGINX_KEYS)[number], JsonSchema>,
      },
    } satisfies Record<(typeof TOP_LEVEL_KEYS)[number], JsonSchema>,
    definitions: {
      severity,
      rules: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, { ...severity, description: `${rule.description} Default: ${rule.defaultSeverity}.` }])),
      },
      // parse.ts also refuses unbalanced braces, which a pattern cannot express.
      globs: {
        anyOf: [
          { $ref: '#/definitions/glob' },
          { type: 'array', items: { $ref: '#/definitions/glob' } },
        ],
      },
      glob: {
        type: 'string',
        minLength: 1,
        pattern: '^(?!/)(?!(?:.*/)?\\.\\.(?:/|$))',
        description: 'A glob relative to this file\'s folder (`**` any folders, `*` any name part, `{a,b}` either); it cannot start with `/` or use `..`.',
      },
      override,
      product,
      setting,
    },
  };
}

function choice<T extends string>(values: readonly T[], descriptions: Readonly<Record<T, string>>): JsonSchema {
  return { enum: values, enumDescriptions: values.map((value) => descriptions[value]) };
}
