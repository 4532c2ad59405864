import type { ErrorObject } from 'ajv';
import { loadComposeSpecSchema } from '../../parsers/compose/composeSpecSchema';
import { quoteToken } from '../../quote';
import { closestName } from './closest';
import { choiceLists, type ComposeSpecValidators } from './composeSpecAjv';

/*
 * Validation against the Compose Specification schema, with ajv's errors turned into what a user
 * needs: one problem per mistake, at a data path, in words. ajv reports every branch of a `oneOf`
 * that failed (`build` is neither a string nor…); we keep the branch whose type fits the data and
 * explain only its errors, or say which types were expected when none fits.
 */

export type DataPath = readonly (string | number)[];

export interface SchemaProblem {
  readonly path: DataPath;
  /** Whether the problem is the key at `path` (an unknown property) or the value there. */
  readonly at: 'key' | 'value';
  readonly message: string;
  /** For an unknown key: the allowed key it most likely means. */
  readonly rename?: string;
}

type JsonSchema = Record<string, unknown>;
type PathedError = ErrorObject & { readonly path: DataPath };

interface Validator {
  readonly validators: ComposeSpecValidators;
  readonly root: JsonSchema;
  /**
   * The JSON pointer of every `oneOf`/`anyOf` list, by its JSON text: an error names the list it
   * failed (as a copy, in the compiled validators), and a branch's validator is found by pointer.
   * Two lists with the same text have the same branches, so either pointer serves.
   */
  readonly choicePointers: Map<string, string>;
}

let validator: Validator | undefined;

function getValidator(): Validator {
  if (validator) return validator;
  const root = loadComposeSpecSchema();
  // Loaded with the first compose file: validators compiled from the whole specification, which
  // other kinds never use (in the server and CLI, `compose-validators.js` beside them: scripts/build.mjs).
  const { loadComposeSpecValidators } = require('./composeSpecValidators') as typeof import('./composeSpecValidators');
  const choicePointers = new Map(choiceLists(root).map(({ pointer, list }) => [JSON.stringify(list), pointer]));
  validator = { validators: loadComposeSpecValidators(), root, choicePointers };
  return validator;
}

/** The problems the Compose Specification finds in `data` (the document as plain data). */
export function schemaProblems(data: unknown): SchemaProblem[] {
  const validate = getValidator().validators.file;
  if (validate(data)) return [];
  return explain(validate.errors ?? [], []);
}

function explain(errors: readonly ErrorObject[], base: DataPath): SchemaProblem[] {
  let remaining: PathedError[] = errors.map((error) => ({ ...error, path: [...base, ...decodePath(error.instancePath)] }));
  const problems: SchemaProblem[] = [];
  for (;;) {
    const choice = remaining
      .filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
      .sort((a, b) => a.path.length - b.path.length)[0];
    if (!choice) break;
    remaining = remaining.filter((error) => !isWithin(error.path, choice.path));
    problems.push(...explainChoice(choice));
  }
  for (const error of remaining) problems.push(explainError(error));
  return problems;
}

function explainChoice(choice: PathedError): SchemaProblem[] {
  const { validators, choicePointers } = getValidator();
  const branches = Array.isArray(choice.schema) ? (choice.schema as JsonSchema[]) : [];
  const fits = (branch: JsonSchema) => typesOf(branch) === undefined || typesOf(branch)!.some((type) => fitsType(type, choice.data));
  if (!branches.some(fits)) {
    const expected = [...new Set(branches.flatMap((branch) => typesOf(branch) ?? []))];
    return [{ path: choice.path, at: 'value', message: typeMessage(choice.path, expected, choice.data) }];
  }
  const pointer = choicePointers.get(JSON.stringify(branches));
  let best: readonly ErrorObject[] | undefined;
  for (const [index, branch] of branches.entries()) {
    if (!fits(branch)) continue;
    const validate = pointer === undefined ? undefined : validators.branch(`${pointer}/${index}`);
    if (!validate) continue;
    if (validate(choice.data)) return []; // Valid in more than one branch: not a mistake a user can act on.
    const errors = validate.errors ?? [];
    if (!best || errors.length < best.length) best = errors;
  }
  return best ? explain(best, choice.path) : [];
}

function explainError(error: PathedError): SchemaProblem {
  const path = error.path;
  const params = error.params as Record<string, unknown>;
  const subject = describe(path);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(path, String(params['additionalProperty']), error.parentSchema as JsonSchema | undefined, error.data);
    case 'type':
      return { path, at: 'value', message: typeMessage(path, String(params['type']).split(','), error.data) };
    case 'required':
      return { path, at: 'key', message: `${capitalize(subject)} needs \`${String(params['missingProperty'])}\`.` };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[] | undefined) ?? [];
      return { path, at: 'value', message: `${capitalize(subject)} must be one of ${allowed.map((value) => `\`${String(value)}\``).join(', ')}.` };
    }
    case 'const':
      return { path, at: 'value', message: `${capitalize(subject)} must be \`${String(params['allowedValue'])}\`.` };
    case 'pattern':
      return { path, at: 'value', message: `${capitalize(subject)} is not written the way Compose expects (pattern \`${String(params['pattern'])}\`).` };
    case 'uniqueItems': {
      const first = Math.min(Number(params['i']), Number(params['j']));
      const second = Math.max(Number(params['i']), Number(params['j']));
      return { path: [...path, second], at: 'value', message: `${capitalize(subject)} lists the same item twice (items ${first + 1} and ${second + 1}); Compose refuses duplicates.` };
    }
    case 'minItems':
      return { path, at: 'value', message: `${capitalize(subject)} must list at least ${String(params['limit'])} item(s).` };
    case 'maxItems':
      return { path, at: 'value', message: `${capitalize(subject)} may list at most ${String(params['limit'])} item(s).` };
    case 'minProperties':
      return { path, at: 'value', message: `${capitalize(subject)} must have at least ${String(params['limit'])} key(s).` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, at: 'value', message: `${capitalize(subject)} must be ${String(params['comparison'])} ${String(params['limit'])}.` };
    case 'dependencies':
    case 'dependentRequired':
      return { path, at: 'key', message: `${capitalize(subject)} needs \`${String(params['missingProperty'])}\` when \`${String(params['property'])}\` is set.` };
    case 'not':
      return { path, at: 'key', message: `${capitalize(subject)} is not allowed in this form.` };
    default:
      return { path, at: 'value', message: `${capitalize(subject)} ${error.message ?? 'is not valid'}.` };
  }
}

function unknownKey(path: DataPath, key: string, parent: JsonSchema | undefined, data: unknown): SchemaProblem {
  const keyPath = [...path, key];
  const properties = Object.keys((parent?.['properties'] as JsonSchema | undefined) ?? {});
  const namePatterns = Object.keys((parent?.['patternProperties'] as JsonSchema | undefined) ?? {}).filter((pattern) => pattern !== '^x-');
  if (properties.length === 0 && namePatterns.length > 0) {
    const kind = nameKind(path);
    return {
      path: keyPath,
      at: 'key',
      message: `\`${quoteToken(key)}\` is not a valid ${kind} name: use only letters, digits, \`.\`, \`_\` and \`-\`.`,
    };
  }
  const where = path.length === 0 ? 'at the top level' : `in ${describe(path)}`;
  const present = typeof data === 'object' && data !== null ? new Set(Object.keys(data)) : new Set<string>();
  const suggestion = closestName(key, properties.filter((property) => !present.has(property)));
  if (suggestion) return { path: keyPath, at: 'key', message: `Unknown key \`${quoteToken(key)}\` ${where}: did you mean \`${suggestion}\`?`, rename: suggestion };
  return {
    path: keyPath,
    at: 'key',
    message: `Unknown key \`${quoteToken(key)}\` ${where}: the Compose Specification does not define it here (custom keys must start with \`x-\`).`,
  };
}

function typeMessage(path: DataPath, expected: readonly string[], data: unknown): string {
  const wanted = [...new Set(expected.map(typeName))];
  const list = wanted.length <= 1 ? wanted.join('') : `${wanted.slice(0, -1).join(', ')} or ${wanted[wanted.length - 1]}`;
  if (path.length === 0) return `A compose file must be a mapping of top-level keys (\`services:\`, \`volumes:\`, …), not ${typeName(jsonType(data))}.`;
  return `${capitalize(describe(path))} must be ${list}, not ${typeName(jsonType(data))}.`;
}

function typeName(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'empty';
    default:
      return type;
  }
}

function jsonType(data: unknown): string {
  if (data === null || data === undefined) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

function fitsType(type: string, data: unknown): boolean {
  const actual = jsonType(data);
  return type === actual || (type === 'number' && actual === 'integer');
}

/** A schema's `type`s, following `$ref`s within the Compose schema; undefined when it allows any type. */
function typesOf(schema: JsonSchema, depth = 0): string[] | undefined {
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/') && depth < 8) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, segment) => (node as JsonSchema | undefined)?.[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')], getValidator().root);
    return typeof target === 'object' && target !== null ? typesOf(target as JsonSchema, depth + 1) : undefined;
  }
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.map(String);
  return undefined;
}

function decodePath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isWithin(path: DataPath, prefix: DataPath): boolean {
  return path.length >= prefix.length && prefix.every((segment, index) => String(path[index]) === String(segment));
}

const SECTION_KINDS: Readonly<Record<string, string>> = {
  services: 'service',
  volumes: 'volume',
  networks: 'network',
  secrets: 'secret',
  configs: 'config',
  models: 'model',
};

function nameKind(path: DataPath): string {
  return (path.length === 1 && SECTION_KINDS[String(path[0])]) || 'key';
}

/** `healthcheck.interval` of service `web`; item 2 of `ports` of service `web`; top-level `name`. */
export function describe(path: DataPath): string {
  if (path.length === 0) return 'the file';
  const kind = SECTION_KINDS[String(path[0])];
  if (kind && path.length >= 2) {
    const owner = `${kind} \`${quoteToken(String(path[1]))}\``;
    return path.length === 2 ? owner : `${dotted(path.slice(2))} of ${owner}`;
  }
  return path.length === 1 ? `top-level \`${quoteToken(String(path[0]))}\`` : dotted(path);
}

function dotted(path: DataPath): string {
  const last = path[path.length - 1];
  if (path.length > 1 && /^\d+$/.test(String(last))) return `item ${Number(last) + 1} of ${dotted(path.slice(0, -1))}`;
  return `\`${path.map((segment) => quoteToken(String(segment))).join('.')}\``;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
