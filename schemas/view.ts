import { appendTo } from '../server/src/engine/collections';
import type { Mode } from '../server/src/engine/types';
import { parseBoolean } from './booleans';
import { specOf } from './lookup';
import type { ProductDefinition, Requirement, SettingSpec, SettingsView, SettingValue } from './types';
import { booleanParsingOf } from './values';

/** A setting as written in a file, enough to build a view (a `SettingOccurrence` satisfies it). */
export interface WrittenSetting extends SettingValue {}

/** The settings of one group as the product sees them: lookups by key or alias, defaults, booleans. */
export function settingsView(
  product: ProductDefinition,
  settings: readonly WrittenSetting[],
  mode: Mode,
  format: SettingsView['format'],
): SettingsView {
  // Each setting is filed once under the spec it names (so an alias or another case finds it),
  // and by its own key. A lookup is then one map access, however many settings the file has. A key
  // family answers to its own name (`profiles.<name>.type`: every profile's) while a member is
  // itself only (`AUTH__JWT__ISSUER` is not `NATS__URL`, though one pattern covers both).
  const bySpec = new Map<SettingSpec, SettingValue[]>();
  for (const setting of settings) {
    const spec = specOf(product, setting.key);
    if (spec) appendTo(bySpec, spec, setting);
  }
  // Filed by key only when a lookup first needs it (a key no spec names, or one member of a key
  // family): most checks never do, and a large .env has a key per line.
  let byKey: Map<string, SettingValue[]> | undefined;
  const occurrences = (key: string): readonly SettingValue[] => {
    const spec = specOf(product, key);
    if (spec !== undefined && (!spec.keyPattern || spec.key === key)) return bySpec.get(spec) ?? [];
    if (!byKey) {
      byKey = new Map();
      for (const setting of settings) appendTo(byKey, setting.key, setting);
    }
    return byKey.get(key) ?? [];
  };
  const view: SettingsView = {
    mode,
    format,
    get: (key) => occurrences(key)[0],
    all: (key) => occurrences(key),
    valueOrDefault: (key) => {
      const found = occurrences(key)[0];
      return found ? found.value : specOf(product, key)?.default;
    },
    bool: (key) => {
      const spec = specOf(product, key);
      const text = view.valueOrDefault(key);
      if (!spec || text === undefined) return undefined;
      const parsing = booleanParsingOf(product, spec, format);
      return parsing ? parseBoolean(text, parsing) : undefined;
    },
    keys: () => settings.map((setting) => setting.key),
  };
  return view;
}

/** True when `spec` must be set, given the other settings and the mode. */
export function isRequired(product: ProductDefinition, spec: SettingSpec, view: SettingsView): boolean {
  // A TOML key is never required of a .env or compose service, nor an env variable of a TOML file.
  if (((spec.source ?? 'env') === 'toml') !== (view.format === 'toml')) return false;
  return requirementHolds(product, spec.required, view);
}

export function requirementHolds(product: ProductDefinition, requirement: Requirement | undefined, view: SettingsView): boolean {
  if (requirement === undefined) return false;
  if (requirement === 'always') return true;
  if (requirement === 'production') return view.mode === 'production';
  if (requirement.mode && requirement.mode !== view.mode) return false;
  if (requirement.unlessSet?.some((key) => nonEmpty(view.get(key)?.value))) return false;
  if (requirement.when === undefined) return true;
  // An absent key without a default decides nothing: `notEquals: ''` must not hold for it.
  if (view.valueOrDefault(requirement.when) === undefined) return false;
  const spec = specOf(product, requirement.when);
  const matches = (expected: string | boolean | readonly string[]): boolean => {
    if (typeof expected === 'boolean') return view.bool(requirement.when!) === expected;
    const actual = view.valueOrDefault(requirement.when!);
    if (actual === undefined) return false;
    const fold = (text: string) => (spec?.enumCaseInsensitive ? text.trim().toLowerCase() : text.trim());
    const list = typeof expected === 'string' ? [expected] : expected;
    return list.some((candidate) => fold(candidate) === fold(actual));
  };
  if (requirement.equals !== undefined && !matches(requirement.equals)) return false;
  if (requirement.notEquals !== undefined && matches(requirement.notEquals)) return false;
  return true;
}

/**
 * Describes a requirement in words, for hover and messages (`in production`, `when STORAGE_PROVIDER
 * is s3`, `when FLOWFILE_CATALOG_STORAGE_URI is set`). An empty expected value reads as set / empty.
 */
export function describeRequirement(requirement: Requirement | undefined): string | undefined {
  if (requirement === undefined) return undefined;
  if (requirement === 'always') return 'always';
  if (requirement === 'production') return 'in production';
  const parts: string[] = [];
  if (requirement.mode) parts.push(`in ${requirement.mode}`);
  if (requirement.when) {
    if (requirement.equals !== undefined) parts.push(`when ${requirement.when} ${describeEquals(requirement.equals)}`);
    if (requirement.notEquals !== undefined) parts.push(`when ${requirement.when} ${describeNotEquals(requirement.notEquals)}`);
  }
  if (requirement.unlessSet?.length) parts.push(`unless ${alternatives(requirement.unlessSet)} is set`);
  return parts.join(' ') || 'always';
}

/** `is s3`, `is true`, `is empty`, `is file or vault`, `is vault or empty`. */
function describeEquals(expected: string | boolean | readonly string[]): string {
  if (typeof expected === 'boolean') return `is ${expected}`;
  const values = typeof expected === 'string' ? [expected] : expected;
  const written = values.filter(nonEmpty);
  const words = written.length < values.length ? [...written, 'empty'] : written;
  return `is ${alternatives(words)}`;
}

/** `is set` for an empty value (values compare trimmed, so blank is empty), else `is not x`. */
function describeNotEquals(expected: string | boolean): string {
  if (typeof expected === 'boolean') return `is not ${expected}`;
  return nonEmpty(expected) ? `is not ${expected}` : 'is set';
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
