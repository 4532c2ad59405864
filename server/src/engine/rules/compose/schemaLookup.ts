import { loadComposeSpecSchema } from '../../parsers/compose/composeSpecSchema';

/*
 * The Compose Specification schema as documentation: which keys a mapping allows at a data path,
 * and what each one means (its `description`), for hover and completion.
 */

type JsonSchema = Record<string, unknown>;

let root: JsonSchema | undefined;

function specification(): JsonSchema {
  return (root ??= loadComposeSpecSchema());
}

/** One key the specification allows in a mapping. */
export interface SchemaKey {
  readonly name: string;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  /** The JSON types of its value (`object`, `array`, `string`…); empty when any. */
  readonly types: readonly string[];
}

/** The schema of the value at a data path (`['services', 'web', 'healthcheck']`), or undefined. */
export function schemaAt(path: readonly (string | number)[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = specification();
  for (const segment of path) {
    schema = schema ? childSchema(schema, segment) : undefined;
    if (!schema) return undefined;
  }
  return schema;
}

/** The keys the specification allows in the mapping at `path`, with their documentation. */
export function keysAt(path: readonly (string | number)[]): SchemaKey[] {
  const schema = schemaAt(path);
  if (!schema) return [];
  const keys = new Map<string, SchemaKey>();
  for (const variant of objectVariants(schema)) {
    for (const [name, property] of Object.entries((variant['properties'] as Record<string, JsonSchema> | undefined) ?? {})) {
      if (!keys.has(name)) keys.set(name, describeKey(name, property));
    }
  }
  return [...keys.values()];
}

/** The documentation of the key at the end of `path`, when the specification defines it. */
export function keyAt(path: readonly (string | number)[]): SchemaKey | undefined {
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  return keysAt(path.slice(0, -1)).find((key) => key.name === name);
}

function describeKey(name: string, property: JsonSchema): SchemaKey {
  const resolved = resolve(property);
  const description = (property['description'] ?? resolved['description']) as string | undefined;
  const types = new Set<string>();
  for (const variant of [resolved, ...alternatives(resolved)]) {
    const type = resolve(variant)['type'];
    for (const item of Array.isArray(type) ? type : type === undefined ? [] : [type]) types.add(String(item));
  }
  return { name, description, deprecated: property['deprecated'] === true || resolved['deprecated'] === true, types: [...types] };
}

function childSchema(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
  for (const variant of [resolve(schema), ...alternatives(resolve(schema))].map(resolve)) {
    if (typeof segment === 'number' || /^\d+$/.test(String(segment))) {
      const items = variant['items'];
      if (items && typeof items === 'object' && !Array.isArray(items)) return resolve(items as JsonSchema);
    }
    const properties = variant['properties'] as Record<string, JsonSchema> | undefined;
    const property = properties?.[String(segment)];
    if (property) return resolve(property);
    const patterns = variant['patternProperties'] as Record<string, JsonSchema> | undefined;
    for (const [pattern, child] of Object.entries(patterns ?? {})) {
      if (pattern !== '^x-' && safeTest(pattern, String(segment))) return resolve(child);
    }
  }
  return undefined;
}

function objectVariants(schema: JsonSchema): JsonSchema[] {
  return [resolve(schema), ...alternatives(resolve(schema)).map(resolve)].filter((variant) => variant['properties'] !== undefined);
}

function alternatives(schema: JsonSchema): JsonSchema[] {
  return [...((schema['oneOf'] as JsonSchema[] | undefined) ?? []), ...((schema['anyOf'] as JsonSchema[] | undefined) ?? [])];
}

/** Follows a `#/definitions/…` reference (a description beside `$ref` is kept by `describeKey`). */
function resolve(schema: JsonSchema, depth = 0): JsonSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 8) return schema;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, segment) => (node as JsonSchema | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], specification());
  return typeof target === 'object' && target !== null ? resolve(target as JsonSchema, depth + 1) : schema;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}
