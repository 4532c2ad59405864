import * as z from 'zod';
import type { Mode } from '../server/src/engine/types';
import { parseBoolean, TOML_BOOLEAN } from './booleans';
import type { BooleanParsing, InvalidValueEffect, ProductDefinition, SettingSpec } from './types';
import { quoteToken } from '../server/src/engine/quote';

/**
 * Value validation: one zod schema per setting, built from its type and narrowed by its
 * enum, range, schemes, path and pattern. Messages describe what is expected and never quote
 * the value of a secret; the caller decides the severity from the effect.
 */

export interface ValueProblem {
  readonly message: string;
  readonly effect: InvalidValueEffect;
  /** The one right value, when there is one (an enum's case, a URL's scheme, the JSON form). */
  readonly fixValue?: string;
  readonly fixTitle?: string;
}

export interface ValueInput {
  /** The text the product reads. */
  readonly value: string;
  /** TOML's typed value; the text for env and compose. */
  readonly typedValue: unknown;
  readonly format: 'env' | 'compose' | 'toml';
  readonly mode: Mode;
}

/** The product's boolean parsing for a spec. */
export function booleanParsingOf(product: ProductDefinition, spec: SettingSpec, format: ValueInput['format']): BooleanParsing | undefined {
  if (spec.type !== 'boolean') return undefined;
  if (format === 'toml' && (spec.source ?? 'env') === 'toml') return TOML_BOOLEAN;
  return spec.boolean ?? product.booleans;
}

/**
 * What is wrong with a value of `spec`, or undefined when the product accepts it. The message
 * ends with what the product does with the value (refuses to start, fails later, ignores it).
 */
export function checkValue(product: ProductDefinition, spec: SettingSpec, input: ValueInput): ValueProblem | undefined {
  const problem = valueProblem(product, spec, input);
  if (!problem || spec.type === 'boolean') return problem;
  return { ...problem, message: `${problem.message} ${consequence(product, problem.effect)}` };
}

function consequence(product: ProductDefinition, effect: InvalidValueEffect): string {
  switch (effect) {
    case 'refuses-start':
      return `${product.name} refuses to start with it.`;
    case 'fails-later':
      return `${product.name} starts, but fails where it uses this setting.`;
    case 'ignored':
      return `${product.name} silently uses its default or the nearest allowed value instead.`;
    case 'against-guide':
      return `${product.name} accepts it, but its deployment guide requires this.`;
  }
}

function valueProblem(product: ProductDefinition, spec: SettingSpec, input: ValueInput): ValueProblem | undefined {
  if (spec.type === 'any') return undefined;
  if (input.format === 'toml' && (spec.source ?? 'env') === 'toml') {
    const typeProblem = tomlTypeProblem(spec, input.typedValue);
    if (typeProblem) return typeProblem;
    if (spec.type === 'list' || spec.type === 'table' || typeof input.typedValue === 'boolean') return undefined;
  }
  const text = input.value;
  // A `${VAR}` reference is resolved by compose or the shell; its value is not known here.
  if (REFERENCE.test(text) && spec.type !== 'json-list') return undefined;
  if (text.trim() === '' ) return undefined;
  const secret = spec.secret !== undefined;
  const effect = spec.invalidEffect ?? 'refuses-start';

  switch (spec.type) {
    case 'boolean':
      return booleanProblem(product, spec, input);
    case 'enum':
      return enumProblem(spec, text, effect);
    case 'json-list':
      return jsonListProblem(spec, text, effect);
    case 'url':
      return urlProblem(spec, text, effect);
    case 'path':
      if (spec.absolutePath === true || (spec.absolutePath === 'production' && input.mode === 'production')) {
        if (!isAbsolutePath(text)) return { message: `${spec.key} must be an absolute path (starting with \`/\`)${input.mode === 'production' ? ' in production' : ''}; ${shownValue(spec, text)} is relative to the working directory.`, effect };
      }
      break;
  }
  const result = validatorOf(spec)?.safeParse(text.trim());
  if (result && !result.success) return { message: `${spec.key}: ${result.error.issues[0]?.message ?? 'invalid value'}${secret ? '.' : `, got ${shownValue(spec, text)}.`}`, effect };
  if (spec.validate) {
    const extra = spec.validate.safeParse(text);
    if (!extra.success) return { message: `${spec.key}: ${extra.error.issues[0]?.message ?? 'invalid value'}.`, effect };
  }
  return undefined;
}

/** A `${VAR}` or `$VAR` reference, resolved by compose or the shell. */
const REFERENCE = /\$\{[^}]*\}|^\$[A-Za-z_]/;
const BLANKS = /\s+/g;
const URL_PASSWORD = /(:\/\/[^/:@\s]*:)[^@\s]*@/;

const validators = new WeakMap<SettingSpec, z.ZodType<string> | null>();

/**
 * The zod schema for a setting's text (types without their own branch in `checkValue`), or
 * undefined for text that has nothing to check (a plain string without a pattern): zod would
 * accept every value, with a result object for each.
 */
export function validatorOf(spec: SettingSpec): z.ZodType<string> | undefined {
  let validator = validators.get(spec);
  if (validator === undefined) {
    validator = buildValidator(spec) ?? null;
    validators.set(spec, validator);
  }
  return validator ?? undefined;
}

function buildValidator(spec: SettingSpec): z.ZodType<string> | undefined {
  const ranged = (kind: string) =>
    z.string().refine((text) => inRange(Number(text), spec), {
      message: `${kind} ${rangeText(spec)}`,
    });
  let base: z.ZodType<string>;
  switch (spec.type) {
    case 'integer':
      base = z.string().regex(/^[+-]?\d+$/, { message: 'expected a whole number' }).pipe(ranged('expected a whole number'));
      break;
    case 'number':
      base = z.string().regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, { message: 'expected a number' }).pipe(ranged('expected a number'));
      break;
    case 'port':
      base = z
        .string()
        .regex(/^\d+$/, { message: 'expected a TCP port (1–65535)' })
        .refine((text) => Number(text) >= (spec.min ?? 1) && Number(text) <= (spec.max ?? 65535), { message: `expected a TCP port (${spec.min ?? 1}–${spec.max ?? 65535})` });
      break;
    case 'duration':
      base = z.string().regex(/^\d+(\.\d+)?\s*(ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)$/i, {
        message: 'expected a duration such as `15m`, `1h` or `7d`',
      });
      break;
    case 'size':
      base = z.string().regex(/^\d+\s*([kKmMgG][bB]?|[bB])?$/, { message: 'expected a size such as `10485760`, `10M` or `12MB`' });
      break;
    case 'uuid':
      base = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'expected a UUID (8-4-4-4-12 hex digits)' });
      break;
    case 'slug':
      base = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'expected a slug (lowercase letters, digits and single hyphens)' });
      break;
    case 'host':
      base = z.string().regex(/^[A-Za-z0-9.\-_:[\]]+$/, { message: 'expected a host name or address, without a scheme or path' });
      break;
    case 'socket-address':
      base = z.string().refine(isSocketAddress, { message: 'expected an IP address and port such as `0.0.0.0:8000` (a host name is not accepted)' });
      break;
    case 'email':
      base = z.string().regex(/^[^\s@]+@[^\s@]+$/, { message: 'expected an email address' });
      break;
    case 'json-object':
      base = z.string().refine((text) => isJsonObject(text), { message: 'expected a JSON object such as `{}`' });
      break;
    default:
      if (!spec.pattern) return undefined;
      base = z.string();
  }
  if (spec.pattern) {
    const { regex, description } = spec.pattern;
    base = base.pipe(z.string().regex(regex, { message: `expected ${description}` }));
  }
  return base;
}

/**
 * The value as a message shows it: quoted and clipped, a URL's password left out, and never a
 * secret's. Made only for a message: most values are valid.
 */
function shownValue(spec: SettingSpec, text: string): string {
  return spec.secret !== undefined ? 'the value' : `\`${clip(withoutUrlPassword(text))}\``;
}

function booleanProblem(product: ProductDefinition, spec: SettingSpec, input: ValueInput): ValueProblem | undefined {
  const parsing = booleanParsingOf(product, spec, input.format);
  if (!parsing) return undefined;
  const parsed = parseBoolean(input.value, parsing);
  if (parsed !== undefined) return undefined;
  const meant = parseBoolean(input.value, LOOSE_BOOLEAN);
  if (parsing.strict) {
    const fixValue = meant === undefined ? undefined : meant ? parsing.trueValues[0] : parsing.falseValues[0];
    return {
      message: `${spec.key} must be a boolean as ${product.name} parses it (${parsing.name}); ${product.name} refuses to start with ${shownValue(spec, input.value)}.`,
      effect: 'refuses-start',
      ...(fixValue !== undefined ? { fixValue, fixTitle: `Set ${spec.key} to \`${fixValue}\`` } : {}),
    };
  }
  if (meant === true) {
    const fixValue = parsing.trueValues[0]!;
    return {
      message: `${product.name} reads ${spec.key} as false: it accepts only ${parsing.name}. Write \`${fixValue}\` to turn it on.`,
      effect: 'fails-later',
      fixValue,
      fixTitle: `Set ${spec.key} to \`${fixValue}\``,
    };
  }
  if (meant === false) return undefined;
  return {
    message: `${spec.key} is not a boolean ${product.name} recognises (${parsing.name}); ${shownValue(spec, input.value)} is read as false.`,
    effect: 'ignored',
  };
}

/** Every spelling people use for a boolean, to tell what a value meant. */
const LOOSE_BOOLEAN: BooleanParsing = {
  name: 'any',
  trueValues: ['true', '1', 'yes', 'on', 't', 'y', 'enabled', 'enable'],
  falseValues: ['false', '0', 'no', 'off', 'f', 'n', 'disabled', 'disable'],
  caseSensitive: false,
  strict: false,
};

function enumProblem(spec: SettingSpec, text: string, effect: InvalidValueEffect): ValueProblem | undefined {
  const values = spec.enum ?? [];
  const value = text.trim();
  if (values.includes(value) || (spec.enumCaseInsensitive && values.some((allowed) => allowed.toLowerCase() === value.toLowerCase()))) return undefined;
  const sameCase = values.find((allowed) => allowed.toLowerCase() === value.toLowerCase());
  const fixValue = sameCase ?? uniqueClose(value, values);
  return {
    message: `${spec.key} must be one of ${values.map((allowed) => `\`${allowed}\``).join(', ')}; ${shownValue(spec, text)} is not.`,
    effect,
    ...(fixValue !== undefined ? { fixValue, fixTitle: `Set ${spec.key} to \`${fixValue}\`` } : {}),
  };
}

function jsonListProblem(spec: SettingSpec, text: string, effect: InvalidValueEffect): ValueProblem | undefined {
  const value = text.trim();
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return undefined;
  } catch {
    // Not JSON: below.
  }
  const items = value
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((item) => item.trim().replace(/^["']|["']$/g, ''))
    .filter((item) => item.length > 0);
  const fixValue = items.length > 0 && !/\$\{/.test(value) ? JSON.stringify(items) : undefined;
  const form = value.includes(',') ? 'a comma-separated list' : 'a plain value';
  // Firefly Desk's guide shows CORS origins in this form; say so, since users copy it from there.
  const guideForm = spec.cors ? ' The comma-separated form of the deployment guide does not work here.' : '';
  return {
    message: `${spec.key} must be a JSON list such as ${fixValue ? `\`${quoteToken(fixValue, 80)}\`` : '`["https://…"]`'}: it is parsed as JSON, and ${form} is not JSON${effect === 'refuses-start' ? ' (SettingsError: error parsing value)' : ''}.${guideForm}`,
    effect,
    ...(fixValue !== undefined ? { fixValue, fixTitle: `Write ${spec.key} as a JSON list` } : {}),
  };
}

function urlProblem(spec: SettingSpec, text: string, effect: InvalidValueEffect): ValueProblem | undefined {
  const value = text.trim();
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  if (!match) return { message: `${spec.key} must be a URL (\`scheme://host…\`); ${shownValue(spec, text)} has no scheme.`, effect };
  const scheme = match[1]!;
  if (spec.schemes && !spec.schemes.includes(scheme.toLowerCase())) {
    const suggestion = schemeSuggestion(scheme, spec.schemes);
    const fixValue = suggestion ? suggestion + value.slice(scheme.length) : undefined;
    return {
      message: `${spec.key} must use ${spec.schemes.map((allowed) => `\`${allowed}://\``).join(' or ')}; \`${quoteToken(scheme)}://\` is not accepted.`,
      effect,
      ...(fixValue !== undefined ? { fixValue, fixTitle: `Use \`${suggestion}://\`` } : {}),
    };
  }
  try {
    new URL(value.replace(/\$\{[^}]*\}/g, 'x'));
  } catch {
    return { message: `${spec.key} is not a valid URL${spec.secret ? '' : `: ${shownValue(spec, text)}`}.`, effect };
  }
  return undefined;
}

/** The allowed scheme for the same database or protocol (`postgres` → `postgresql+asyncpg`). */
function schemeSuggestion(scheme: string, allowed: readonly string[]): string | undefined {
  const family = (name: string) => name.toLowerCase().split('+')[0]!.replace(/^postgres$/, 'postgresql');
  const same = allowed.filter((candidate) => family(candidate) === family(scheme));
  return same.length >= 1 ? same[0] : undefined;
}

function tomlTypeProblem(spec: SettingSpec, typed: unknown): ValueProblem | undefined {
  const expected = tomlTypeOf(spec);
  if (!expected) return undefined;
  const actual = Array.isArray(typed) ? 'array' : typed instanceof Date ? 'date' : typeof typed === 'object' && typed !== null ? 'table' : typeof typed;
  const ok = expected === 'integer' ? typeof typed === 'number' && Number.isInteger(typed) : expected === actual;
  if (ok) return undefined;
  return { message: `${spec.key} must be ${tomlTypeName(expected)}, not ${tomlTypeName(actual)}; the file does not load.`, effect: 'refuses-start' };
}

function tomlTypeName(type: string): string {
  const names: Record<string, string> = {
    boolean: 'a boolean (`true` or `false`, unquoted)',
    integer: 'an integer',
    number: 'a number',
    string: 'a quoted string',
    array: 'an array',
    table: 'a table',
    date: 'a date',
  };
  return names[type] ?? `a ${type}`;
}

function tomlTypeOf(spec: SettingSpec): 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'table' | undefined {
  switch (spec.type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'port':
      return 'integer';
    case 'number':
      return 'number';
    case 'list':
    case 'json-list':
      return 'array';
    case 'table':
      return 'table';
    case 'any':
      return undefined;
    default:
      return 'string';
  }
}

function inRange(value: number, spec: SettingSpec): boolean {
  return Number.isFinite(value) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
}

function rangeText(spec: SettingSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return `from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return `of at least ${spec.min}`;
  if (spec.max !== undefined) return `of at most ${spec.max}`;
  return '';
}

function isAbsolutePath(text: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text.trim());
}

function isSocketAddress(text: string): boolean {
  const match = /^(\[[0-9a-fA-F:.]+\]|\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(text);
  if (!match) return false;
  const port = Number(match[2]);
  const host = match[1]!;
  const ipv4Ok = host.startsWith('[') || host.split('.').every((part) => Number(part) <= 255);
  return ipv4Ok && port >= 0 && port <= 65535;
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function uniqueClose(value: string, candidates: readonly string[]): string | undefined {
  const close = candidates.filter((candidate) => distanceAtMost(value.toLowerCase(), candidate.toLowerCase(), 2));
  return close.length === 1 ? close[0] : undefined;
}

function distanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]! <= limit;
}

function clip(text: string): string {
  return quoteToken(text.replace(BLANKS, ' '));
}

/** A connection URL's password is a secret even where the setting is not: mask it in messages. */
export function withoutUrlPassword(text: string): string {
  return text.replace(URL_PASSWORD, '$1****@');
}
