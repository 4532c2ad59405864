import * as z from 'zod';
import { KEY_FORMATS } from '../server/src/engine/keygen';
import type { ProductDefinition, Requirement, SettingSpec } from './types';

/*
 * The meta-schema every product definition is validated against when it loads, so that a new
 * product file with a mistake (an enum without values, a condition on a key it does not declare)
 * fails its first test instead of producing wrong diagnostics.
 */

const booleanParsing = z.object({
  name: z.string().min(1),
  trueValues: z.array(z.string()).min(1),
  falseValues: z.array(z.string()),
  caseSensitive: z.boolean(),
  strict: z.boolean(),
});

const requirement = z.union([
  z.literal('always'),
  z.literal('production'),
  z
    .object({
      mode: z.enum(['production', 'development']).optional(),
      when: z.string().min(1).optional(),
      equals: z.union([z.string(), z.boolean(), z.array(z.string()).min(1)]).optional(),
      notEquals: z.union([z.string(), z.boolean()]).optional(),
      unlessSet: z.array(z.string()).optional(),
    })
    .strict()
    .refine((condition) => condition.when === undefined || condition.equals !== undefined || condition.notEquals !== undefined, {
      message: '`when` needs `equals` or `notEquals`',
    }),
]);

const settingSpec = z
  .object({
    key: z.string().min(1),
    keyPattern: z.instanceof(RegExp).optional(),
    source: z.enum(['env', 'toml']).optional(),
    aliases: z.array(z.string().min(1)).optional(),
    description: z.string().min(10),
    type: z.enum([
      'string', 'boolean', 'integer', 'number', 'port', 'url', 'path', 'enum', 'json-list', 'json-object',
      'comma-list', 'list', 'table', 'duration', 'size', 'uuid', 'slug', 'host', 'socket-address', 'email', 'any',
    ]),
    boolean: booleanParsing.optional(),
    enum: z.array(z.string()).min(1).optional(),
    enumCaseInsensitive: z.boolean().optional(),
    default: z.string().optional(),
    example: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    schemes: z.array(z.string().regex(/^[a-z][a-z0-9+.-]*$/)).min(1).optional(),
    absolutePath: z.union([z.boolean(), z.literal('production')]).optional(),
    pattern: z.object({ regex: z.instanceof(RegExp), description: z.string().min(1) }).optional(),
    validate: z.custom<z.ZodType<unknown>>((value) => value instanceof z.ZodType).optional(),
    invalidEffect: z.enum(['refuses-start', 'fails-later', 'ignored', 'against-guide']).optional(),
    secret: z
      .object({
        format: z.enum(KEY_FORMATS.map((info) => info.format) as [string, ...string[]]),
        minLength: z.number().int().positive().optional(),
        minLengthDevelopment: z.number().int().positive().optional(),
        complexity: z.boolean().optional(),
        fernet: z.boolean().optional(),
        weakEffect: z.string().optional(),
        weakRefusesStart: z.boolean().optional(),
        issuedBy: z.string().optional(),
      })
      .strict()
      .optional(),
    required: requirement.optional(),
    requiredReason: z.string().optional(),
    placeholders: z.array(z.string()).optional(),
    production: z
      .object({ value: z.string(), reason: z.string().min(1), reportMissing: z.boolean().optional(), developmentValues: z.array(z.string()).optional() })
      .strict()
      .optional(),
    requiresTls: z.boolean().optional(),
    cors: z
      .object({
        list: z.enum(['json-list', 'comma-list', 'toml-list']),
        wildcardEffect: z.string().optional(),
        credentialsKey: z.string().optional(),
      })
      .strict()
      .optional(),
    notInDotenv: z.string().optional(),
    unused: z.string().optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.type === 'enum' && !spec.enum) ctx.addIssue({ code: 'custom', message: `${spec.key}: an enum needs its values` });
    if (spec.type !== 'enum' && spec.enum) ctx.addIssue({ code: 'custom', message: `${spec.key}: enum values on a ${spec.type}` });
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) ctx.addIssue({ code: 'custom', message: `${spec.key}: min > max` });
  });

const unknownKeyPolicy = z
  .object({
    scope: z.enum(['prefixed', 'all']),
    effect: z.enum(['refuses-start', 'ignored']),
    reason: z.string().min(1),
    allow: z.array(z.string()).optional(),
  })
  .strict();

const productDefinition = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    version: z.string().min(1),
    source: z.string().optional(),
    detect: z.object({}).passthrough(),
    settings: z.array(settingSpec),
    envPrefixes: z.array(z.string().min(1)).optional(),
    booleans: booleanParsing.optional(),
    caseInsensitiveKeys: z.boolean().optional(),
    unknownKeys: unknownKeyPolicy.optional(),
    unknownTomlKeys: unknownKeyPolicy.optional(),
    placeholders: z.array(z.string()).optional(),
    checks: z.custom<ProductDefinition['checks']>((value) => typeof value === 'function').optional(),
    nginx: z.object({}).passthrough().optional(),
    compose: z.object({}).passthrough().optional(),
  })
  .strict();

/** Thrown when a product definition does not satisfy the meta-schema: a bug in the product file. */
export class ProductDefinitionError extends Error {
  override readonly name = 'ProductDefinitionError';
}

/** A setting read from the product's TOML file (`source: 'toml'`), for product files to list their keys. */
export function toml(key: string, type: SettingSpec['type'], description: string, extra: Partial<SettingSpec> = {}): SettingSpec {
  return { key, source: 'toml', type, description, ...extra };
}

/**
 * Validates a product definition (shape, per-setting consistency, keys that conditions name)
 * and returns it unchanged. Every product file exports `defineProduct({...})`.
 */
export function defineProduct<P extends ProductDefinition>(product: P): P {
  const parsed = productDefinition.safeParse(product);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ProductDefinitionError(`Product ${String(product.id)} is not a valid definition: ${issues}`);
  }
  const problems = [...duplicateKeys(product.settings), ...unknownConditionKeys(product.settings)];
  if (problems.length > 0) throw new ProductDefinitionError(`Product ${String(product.id)}: ${problems.join('; ')}`);
  return product;
}

function duplicateKeys(settings: readonly SettingSpec[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const spec of settings) {
    for (const name of [spec.key, ...(spec.aliases ?? [])]) {
      if (seen.has(name)) problems.push(`setting ${name} is declared twice`);
      seen.add(name);
    }
  }
  return problems;
}

function unknownConditionKeys(settings: readonly SettingSpec[]): string[] {
  const names = new Set(settings.flatMap((spec) => [spec.key, ...(spec.aliases ?? [])]));
  const problems: string[] = [];
  const check = (owner: string, requirement: Requirement | undefined) => {
    if (!requirement || typeof requirement === 'string') return;
    for (const key of [requirement.when, ...(requirement.unlessSet ?? [])]) {
      if (key !== undefined && !names.has(key)) problems.push(`${owner}'s requirement names ${key}, which the product does not declare`);
    }
  };
  for (const spec of settings) {
    check(spec.key, spec.required);
    if (spec.cors?.credentialsKey && !names.has(spec.cors.credentialsKey)) problems.push(`${spec.key}'s credentials key is not declared`);
  }
  return problems;
}
