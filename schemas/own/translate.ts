import * as z from 'zod';
import { closestName } from '../../server/src/engine/rules/compose/closest';
import { defineProduct } from '../define';
import type { InvalidValueEffect, ProductDefinition, Requirement, SettingSpec } from '../types';
import { OWN_TYPES, SECRET_FORMATS, type OwnType } from './formats';
import type { OwnProduct, OwnProductProblem } from './index';

/*
 * Translates the `products:` section of `.deploy-doctor.yaml` into ProductDefinitions, so that
 * every rule treats a team's own product exactly as it treats the built-in ones.
 */

type Path = readonly (string | number)[];
type Problems = OwnProductProblem[];

export const PRODUCT_KEYS = ['name', 'files', 'envPrefix', 'images', 'settings', 'description'] as const;
export const SETTING_KEYS = [
  'type', 'secret', 'required', 'default', 'example', 'description', 'placeholders', 'enum', 'schemes', 'pattern',
  'minLength', 'min', 'max', 'list', 'source', 'aliases', 'production', 'requiresTls', 'https', 'absolute', 'caseInsensitive', 'invalid', 'requiredReason',
] as const;
/** What the product does with a value its setting rejects (`refuses-start` when absent). */
export const INVALID_EFFECTS: readonly string[] = ['refuses-start', 'fails-later', 'ignored', 'against-guide'];
export const PRODUCT_ID = /^[a-z][a-z0-9-]*$/;
const stringList = z.array(z.string().min(1));

export function translateProducts(section: unknown): { products: OwnProduct[]; problems: Problems } {
  const products: OwnProduct[] = [];
  const problems: Problems = [];
  if (section === undefined || section === null) return { products, problems };
  if (!isRecord(section)) {
    problems.push(error([], '`products` must be a mapping of product names to their descriptions.'));
    return { products, problems };
  }
  for (const [id, entry] of Object.entries(section)) {
    const product = translateProduct(id, entry, problems);
    if (product) products.push(product);
  }
  return { products, problems };
}

function translateProduct(id: string, entry: unknown, problems: Problems): OwnProduct | undefined {
  if (!PRODUCT_ID.test(id)) {
    problems.push(error([id], `Product name \`${id}\` must be lowercase letters, digits and hyphens, starting with a letter (\`billing-api\`).`));
    return undefined;
  }
  if (!isRecord(entry)) {
    problems.push(error([id], `Product \`${id}\` must be a mapping with \`settings\` (and optionally \`name\`, \`files\`, \`envPrefix\`, \`images\`).`));
    return undefined;
  }
  unknownKeys(entry, PRODUCT_KEYS, [id], 'product', problems);
  const name = optionalString(entry, 'name', [id], problems) ?? id;
  const files = optionalList(entry, 'files', [id], problems) ?? [];
  const envPrefix = optionalString(entry, 'envPrefix', [id], problems);
  const images = optionalList(entry, 'images', [id], problems);
  const settings: SettingSpec[] = [];
  const rawSettings = entry['settings'];
  if (rawSettings !== undefined && !isRecord(rawSettings)) {
    problems.push(error([id, 'settings'], '`settings` must be a mapping of setting names (`BILLING_PORT`, `server.port`) to their descriptions.'));
  } else if (rawSettings) {
    for (const [key, raw] of Object.entries(rawSettings)) {
      const spec = translateSetting(name, key, raw, [id, 'settings', key], problems);
      if (spec) settings.push(spec);
    }
  }
  if (settings.length === 0 && envPrefix === undefined) {
    problems.push(warning([id], `Product \`${id}\` declares no settings and no \`envPrefix\`: nothing is checked against it.`));
  }
  for (const spec of settings) {
    const when = typeof spec.required === 'object' ? spec.required.when : undefined;
    if (when !== undefined && !settings.some((other) => other.key === when)) {
      problems.push(error([id, 'settings', spec.key, 'required', 'when'], `\`when: ${when}\` names a setting ${name} does not declare.`));
    }
  }
  const definition: ProductDefinition = {
    id,
    name,
    version: 'own',
    source: '.deploy-doctor.yaml',
    detect: {
      ...(envPrefix !== undefined ? { envPrefixes: [envPrefix] } : {}),
      ...(images !== undefined ? { images } : {}),
      tomlKeys: settings.filter((spec) => spec.source === 'toml').map((spec) => spec.key),
    },
    settings: settings.filter((spec) => conditionKnown(spec, settings)),
    ...(envPrefix !== undefined
      ? {
          envPrefixes: [envPrefix],
          unknownKeys: { scope: 'prefixed', effect: 'ignored', reason: `${name} declares no such setting in .deploy-doctor.yaml.` } as const,
        }
      : {}),
  };
  try {
    return { definition: defineProduct(definition), files };
  } catch (cause) {
    problems.push(error([id], `Product \`${id}\` is not valid: ${(cause as Error).message}`));
    return undefined;
  }
}

function conditionKnown(spec: SettingSpec, settings: readonly SettingSpec[]): boolean {
  const required = spec.required;
  return typeof required !== 'object' || settings.some((other) => other.key === required.when);
}

function translateSetting(product: string, key: string, raw: unknown, path: Path, problems: Problems): SettingSpec | undefined {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw === 'string') raw = { type: raw };
  if (!isRecord(raw)) {
    problems.push(error(path, `Setting \`${key}\` must be a mapping such as \`{ type: port, default: 8080 }\`.`));
    return undefined;
  }
  const before = problems.length;
  unknownKeys(raw, SETTING_KEYS, path, 'setting', problems);
  const secretName = raw['secret'];
  const format = secretName === undefined ? undefined : secretFormat(secretName, [...path, 'secret'], problems);
  const declaredType = raw['type'];
  let type: OwnType = raw['enum'] !== undefined ? 'enum' : 'string';
  if (declaredType !== undefined) {
    if (typeof declaredType === 'string' && OWN_TYPES.includes(declaredType)) type = declaredType as OwnType;
    else {
      problems.push(error([...path, 'type'], `Unknown type ${shown(declaredType)}${didYouMean(declaredType, OWN_TYPES)}. Types: ${OWN_TYPES.join(', ')}.`));
      return undefined;
    }
  }
  const enumValues = raw['enum'] === undefined ? undefined : listOf(raw['enum'], [...path, 'enum'], problems, true);
  if (type === 'enum' && (!enumValues || enumValues.length === 0)) {
    problems.push(error([...path, 'enum'], `Setting \`${key}\` is an enum: list its values (\`enum: [debug, info]\`).`));
    return undefined;
  }
  const schemes = raw['schemes'] === undefined ? undefined : listOf(raw['schemes'], [...path, 'schemes'], problems)?.map((scheme) => scheme.toLowerCase());
  const source = raw['source'];
  if (source !== undefined && source !== 'env' && source !== 'toml') problems.push(error([...path, 'source'], `\`source\` is \`env\` or \`toml\`, not ${shown(source)}.`));
  const min = numberAt(raw, 'min', path, problems);
  const max = numberAt(raw, 'max', path, problems);
  const minLength = numberAt(raw, 'minLength', path, problems);
  const required = requirementOf(raw['required'], [...path, 'required'], problems);
  const listForm = raw['list'];
  if (listForm !== undefined && listForm !== 'json' && listForm !== 'comma') problems.push(error([...path, 'list'], `\`list\` is \`json\` or \`comma\`, not ${shown(listForm)}.`));
  const pattern = patternOf(raw['pattern'], minLength, [...path, 'pattern'], problems);
  const production = raw['production'];
  if (production !== undefined && !['string', 'number', 'boolean'].includes(typeof production)) problems.push(error([...path, 'production'], '`production` is the value production needs (`production: false`).'));
  const invalid = raw['invalid'];
  if (invalid !== undefined && (typeof invalid !== 'string' || !INVALID_EFFECTS.includes(invalid))) {
    problems.push(error([...path, 'invalid'], `\`invalid\` is one of ${INVALID_EFFECTS.join(', ')}, not ${shown(invalid)}${didYouMean(invalid, INVALID_EFFECTS)}.`));
  }
  if (problems.slice(before).some((problem) => problem.severity === 'error')) return undefined;

  const cors = type === 'origins';
  const listType = listForm === 'json' ? 'json-list' : 'comma-list';
  const description = typeof raw['description'] === 'string' ? raw['description'] : `${key}, a setting of ${product} (declared in .deploy-doctor.yaml).`;
  const text = (name: string) => (raw as Record<string, unknown>)[name] === undefined ? undefined : String((raw as Record<string, unknown>)[name]);
  const placeholders = raw['placeholders'] === undefined ? undefined : listOf(raw['placeholders'], [...path, 'placeholders'], problems, true);
  const spec: SettingSpec = {
    key,
    ...(source === 'toml' ? { source: 'toml' as const } : {}),
    ...(raw['aliases'] !== undefined ? { aliases: listOf(raw['aliases'], [...path, 'aliases'], problems) ?? [] } : {}),
    description,
    type: type === 'origins' ? (source === 'toml' ? 'list' : listType) : type,
    ...(enumValues ? { enum: enumValues } : {}),
    ...(raw['caseInsensitive'] === true ? { enumCaseInsensitive: true } : {}),
    ...(text('default') !== undefined ? { default: text('default')! } : {}),
    ...(text('example') !== undefined ? { example: text('example')! } : {}),
    ...(typeof invalid === 'string' ? { invalidEffect: invalid as InvalidValueEffect } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(schemes ? { schemes } : {}),
    ...(type === 'path' ? { absolutePath: raw['absolute'] === false ? false : true } : {}),
    ...(pattern && !format ? { pattern } : {}),
    ...(format
      ? { secret: { format, ...(format === 'fernet' ? { fernet: true } : {}), ...(minLength !== undefined ? { minLength } : {}) } }
      : {}),
    ...(required ? { required } : {}),
    ...(typeof raw['requiredReason'] === 'string' ? { requiredReason: raw['requiredReason'] } : {}),
    ...(placeholders ? { placeholders } : {}),
    ...(production !== undefined ? { production: { value: String(production), reason: `${product} must run with ${key}=${String(production)} in production` } } : {}),
    ...(raw['requiresTls'] === true || raw['https'] === true ? { requiresTls: true } : {}),
    ...(cors ? { cors: { list: source === 'toml' ? 'toml-list' : listType } } : {}),
  };
  return spec;
}

function secretFormat(value: unknown, path: Path, problems: Problems) {
  if (value === true) return SECRET_FORMATS['base64-32'];
  if (typeof value === 'string' && SECRET_FORMATS[value]) return SECRET_FORMATS[value];
  const names = Object.keys(SECRET_FORMATS);
  problems.push(error(path, `Unknown secret format ${shown(value)}${didYouMean(value, names)}. Formats: ${names.join(', ')}.`));
  return undefined;
}

function requirementOf(value: unknown, path: Path, problems: Problems): Requirement | undefined {
  if (value === undefined || value === false || value === 'never') return undefined;
  if (value === true || value === 'always') return 'always';
  if (value === 'production') return 'production';
  if (isRecord(value) && typeof value['when'] === 'string' && value['equals'] !== undefined) {
    const equals = value['equals'];
    return { when: value['when'], equals: Array.isArray(equals) ? equals.map(String) : typeof equals === 'boolean' ? equals : String(equals) };
  }
  problems.push(error(path, `\`required\` is \`always\`, \`production\`, \`never\` or \`{ when: KEY, equals: value }\`, not ${shown(value)}${didYouMean(value, ['always', 'production', 'never'])}.`));
  return undefined;
}

function patternOf(value: unknown, minLength: number | undefined, path: Path, problems: Problems): SettingSpec['pattern'] {
  let source: string | undefined;
  if (value !== undefined) {
    if (typeof value !== 'string') problems.push(error(path, '`pattern` is a regular expression, as a string.'));
    else {
      try {
        new RegExp(value);
        source = value;
      } catch (cause) {
        problems.push(error(path, `\`pattern\` is not a valid regular expression: ${(cause as Error).message}.`));
        return undefined;
      }
    }
  }
  if (minLength !== undefined) {
    const lengthPart = `(?=[\\s\\S]{${minLength},})`;
    const regex = new RegExp(`^${lengthPart}${source !== undefined ? `(?:${source})` : ''}`);
    return { regex, description: source !== undefined ? `at least ${minLength} characters matching \`${source}\`` : `at least ${minLength} characters` };
  }
  return source !== undefined ? { regex: new RegExp(source), description: `text matching \`${source}\`` } : undefined;
}

function unknownKeys(entry: Record<string, unknown>, known: readonly string[], path: Path, what: string, problems: Problems): void {
  for (const key of Object.keys(entry)) {
    if (!known.includes(key)) problems.push(warning([...path, key], `Unknown ${what} key \`${key}\`${didYouMean(key, known)}; it is ignored.`));
  }
}

function optionalString(entry: Record<string, unknown>, key: string, path: Path, problems: Problems): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0) return value;
  problems.push(error([...path, key], `\`${key}\` must be a non-empty string.`));
  return undefined;
}

function optionalList(entry: Record<string, unknown>, key: string, path: Path, problems: Problems): string[] | undefined {
  const value = entry[key];
  return value === undefined ? undefined : listOf(value, [...path, key], problems);
}

function listOf(value: unknown, path: Path, problems: Problems, scalars = false): string[] | undefined {
  const items = typeof value === 'string' ? [value] : scalars && Array.isArray(value) ? value.map((item) => (typeof item === 'object' ? item : String(item))) : value;
  const parsed = stringList.safeParse(items);
  if (parsed.success) return parsed.data;
  problems.push(error(path, 'Expected a list of strings (`[a, b]`).'));
  return undefined;
}

function numberAt(entry: Record<string, unknown>, key: string, path: Path, problems: Problems): number | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push(error([...path, key], `\`${key}\` must be a number.`));
  return undefined;
}

function didYouMean(value: unknown, candidates: readonly string[]): string {
  if (typeof value !== 'string') return '';
  const close = closestName(value, candidates);
  return close ? ` (did you mean \`${close}\`?)` : '';
}

function shown(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function error(path: Path, message: string): OwnProductProblem {
  return { path, message, severity: 'error' };
}

function warning(path: Path, message: string): OwnProductProblem {
  return { path, message, severity: 'warning' };
}
