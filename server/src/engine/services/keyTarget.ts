import { specOf } from '../../../../schemas/lookup';
import type { ProductDefinition, SettingSpec } from '../../../../schemas/types';
import type { AnalyzedDocument } from '../engine';
import type { KeyFormat } from '../keygen';
import { composeLiteral, yamlString } from '../parsers/compose/yamlText';
import { isChosenProduct, settingGroupsOf, type SettingOccurrence } from '../settings';
import type { TextEdit } from '../types';

/**
 * The setting a "generate key" at a line is about: its key, the format the schema gives it, and
 * the edit that writes a generated value in place of the current one, quoted as the file needs.
 */
export interface KeyTarget {
  readonly key: string;
  /** The schema's format for the key (a secret's, or UUID v4 for UUID settings); undefined when unknown. */
  readonly format: KeyFormat | undefined;
  /** Undefined when the value cannot be replaced in place (a compose `${VAR}` reference). */
  readonly replaceValue: ((value: string) => TextEdit) | undefined;
}

/**
 * What a setting's name looks like (`JWT_SECRET`, `auth.jwt_secret`). Malformed YAML can make a
 * whole `- KEY=value` line a mapping key: such a "key" is not a name, and may hold a secret.
 */
const SETTING_NAME = /^[\w.-]+$/;

/** The setting written on `line` (zero-based) of the analysed document, if any. */
export function keyTargetAt(analyzed: AnalyzedDocument, products: readonly ProductDefinition[], line: number): KeyTarget | undefined {
  const { document } = analyzed;
  const lineOf = (offset: number) => document.lines.lineAt(offset);
  for (const group of settingGroupsOf(document, analyzed.product, products, undefined, isChosenProduct(analyzed.productSource))) {
    const setting = group.settings.find(
      (item) => SETTING_NAME.test(item.key) && lineOf(item.keySpan.start) <= line && line <= lineOf(Math.max(item.keySpan.end, item.valueSpan.end)),
    );
    if (!setting) continue;
    const spec = (group.product && specOf(group.product, setting.key)) ?? anySecretSpec(products, setting.key);
    const written = document.text.slice(setting.valueSpan.start, setting.valueSpan.end);
    const replaceable = !(document.kind === 'compose' && written.includes('${'));
    return {
      key: setting.key,
      format: spec ? formatOf(spec) : undefined,
      replaceValue: replaceable ? (value) => ({ span: setting.valueSpan, newText: writeValue(document.kind, document.text, setting, value) }) : undefined,
    };
  }
  return undefined;
}

function formatOf(spec: SettingSpec): KeyFormat | undefined {
  if (spec.secret) return spec.secret.format;
  return spec.type === 'uuid' ? 'uuid-v4' : undefined;
}

/** For a file of no detected product: the first product that knows the key as a secret. */
function anySecretSpec(products: readonly ProductDefinition[], key: string): SettingSpec | undefined {
  for (const product of products) {
    const spec = specOf(product, key);
    if (spec?.secret) return spec;
  }
  return undefined;
}

/** `value` as the file's syntax needs it where the old value was, keeping the old quote style. */
function writeValue(kind: AnalyzedDocument['document']['kind'], text: string, setting: SettingOccurrence, value: string): string {
  const written = text.slice(setting.valueSpan.start, setting.valueSpan.end);
  const quote = /^["'`]/.exec(written)?.[0];
  switch (kind) {
    case 'env':
      if (quote) return `${quote}${value}${quote}`;
      return /[\s#"'`\\$]/.test(value) ? `'${value}'` : value;
    case 'toml':
      return quote === "'" ? `'${value}'` : JSON.stringify(value);
    case 'compose': {
      const literal = composeLiteral(value);
      // In list form (`- KEY=value`) the value is part of a larger scalar: its quotes are the item's.
      if (text[setting.valueSpan.start - 1] === '=') {
        const itemQuote = text[setting.keySpan.start - 1];
        if (itemQuote === '"') return JSON.stringify(literal).slice(1, -1);
        return itemQuote === "'" ? literal.replace(/'/g, "''") : literal;
      }
      if (quote === "'") return `'${literal.replace(/'/g, "''")}'`;
      if (quote === '"') return JSON.stringify(literal);
      const separator = setting.valueSpan.start === setting.valueSpan.end && text[setting.valueSpan.start - 1] === ':' ? ' ' : '';
      return separator + yamlString(literal);
    }
    case 'nginx':
      return value;
  }
}
