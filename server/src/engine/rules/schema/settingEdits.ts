import type { SettingSpec } from '../../../../../schemas/types';
import { newSettingText } from '../../parsers/compose/environment';
import { composeLiteral, listItemValueText, yamlString } from '../../parsers/compose/yamlText';
import type { TomlTableHeader } from '../../parsers/toml/ast';
import type { TextEdit } from '../../types';
import type { RuleContext } from '../rule';
import type { CheckedGroup, CheckedSetting } from './productSettings';

/*
 * Edits to settings that keep the file's own style: the line break, a value's quotes, a compose
 * service's environment form and indentation, TOML's tables. Values passed here are literals.
 */

/** An edit that adds `key` with `value` to the group, or undefined when there is no safe place. */
export function insertSetting(context: RuleContext, group: CheckedGroup, key: string, value: string, spec?: SettingSpec): TextEdit | undefined {
  const { document } = context;
  switch (group.format) {
    case 'env': {
      const text = document.text;
      const eol = document.lines.eol;
      const line = `${key}=${envValue(value)}`;
      if (text.length === 0) return { span: { start: 0, end: 0 }, newText: `${line}${eol}` };
      const endsWithBreak = /[\r\n]$/.test(text);
      return { span: { start: text.length, end: text.length }, newText: endsWithBreak ? `${line}${eol}` : `${eol}${line}` };
    }
    case 'compose': {
      const compose = group.compose;
      if (!compose?.insertion) return undefined;
      return { span: { start: compose.insertAt, end: compose.insertAt }, newText: newSettingText(compose.insertion, key, value) };
    }
    case 'toml':
      return document.kind === 'toml' ? insertTomlKey(document.text, document.lines.eol, document.ast.tables, key, tomlLiteral(value, spec)) : undefined;
  }
}

const COMPOSE_INTERPOLATION = /\$(\{|[A-Za-z_])/;

/**
 * Whether a value worked out from what the product reads may be written in place of what is
 * written: not over compose interpolation (`${VAR}`), whose value comes from `.env` and, written
 * here, would copy it (a secret, even) into the compose file.
 */
export function mayReplaceWithDerivedValue(group: CheckedGroup, setting: CheckedSetting): boolean {
  return group.format !== 'compose' || !COMPOSE_INTERPOLATION.test(setting.written);
}

/** An edit that replaces a setting's value with `value`, keeping its quotes where it has them. */
export function replaceValue(context: RuleContext, group: CheckedGroup, setting: CheckedSetting, value: string, spec?: SettingSpec): TextEdit {
  const span = setting.occurrence.valueSpan;
  const written = setting.written;
  switch (group.format) {
    case 'env': {
      const quote = /^["'`]/.test(written) && written.length >= 2 && written.endsWith(written[0]!) ? written[0]! : undefined;
      if (quote && !value.includes(quote)) return { span, newText: `${quote}${value}${quote}` };
      return { span, newText: envValue(value) };
    }
    case 'compose': {
      const text = context.document.text;
      const inList = text.slice(setting.occurrence.keySpan.end, span.start).includes('=');
      const literal = composeLiteral(value);
      if (inList) {
        // Inside `- KEY=value` (or `- "KEY=value"`): the scalar's own quoting stays, unless the new
        // value needs quotes the plain scalar does not have; then the whole item is quoted.
        const keyStart = setting.occurrence.keySpan.start;
        const before = text[keyStart - 1];
        const inItem = listItemValueText(literal, before === '"' || before === "'" ? before : undefined);
        if (inItem !== undefined) return { span, newText: inItem };
        return { span: { start: keyStart, end: span.end }, newText: JSON.stringify(text.slice(keyStart, span.start) + literal) };
      }
      return { span, newText: yamlString(literal) };
    }
    case 'toml':
      return { span, newText: tomlLiteral(value, spec) };
  }
}

/** A .env value: unquoted when dotenv reads it back unchanged, double-quoted otherwise. */
export function envValue(value: string): string {
  if (value === '' || /^[^\s#'"`][^\s#]*$/.test(value)) return value;
  // dotenv keeps `\"` in a double-quoted value as written, so a value with double quotes is single-quoted.
  if (value.includes('"') && !value.includes("'") && !/[\r\n]/.test(value)) return `'${value}'`;
  return JSON.stringify(value);
}

/** A TOML literal for a setting's text value: booleans and numbers bare where the spec says so. */
export function tomlLiteral(value: string, spec?: SettingSpec): string {
  if (spec?.type === 'boolean' && /^(true|false)$/.test(value)) return value;
  if ((spec?.type === 'integer' || spec?.type === 'port' || spec?.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return value;
  if ((spec?.type === 'list' || spec?.type === 'json-list') && value.startsWith('[')) return value;
  return JSON.stringify(value);
}

/**
 * Adds `path = literal` to a TOML file: a top-level key before the first table, a nested key
 * at the end of its table (after its header), or a new table at the end of the file.
 */
function insertTomlKey(text: string, eol: string, tables: readonly TomlTableHeader[], path: string, literal: string): TextEdit {
  const parts = path.split('.');
  const name = parts.pop()!;
  const tableName = parts.join('.');
  const ordered = [...tables].sort((a, b) => a.span.start - b.span.start);
  if (tableName === '') {
    const first = ordered[0];
    if (!first) return appendLine(text, eol, `${name} = ${literal}`);
    return { span: { start: lineStartOf(text, first.span.start), end: lineStartOf(text, first.span.start) }, newText: `${name} = ${literal}${eol}` };
  }
  const index = ordered.findIndex((table) => !table.isArrayOfTables && table.path.join('.') === tableName);
  if (index < 0) return appendLine(text, eol, `${eol}[${tableName}]${eol}${name} = ${literal}`);
  const header = ordered[index]!;
  const next = ordered[index + 1];
  const floor = nextLineStart(text, header.span.end);
  let end = next ? lineStartOf(text, next.span.start) : text.length;
  // Before the blank lines and comments that separate the table from the next one.
  while (end > floor) {
    const breakLength = text[end - 1] === '\n' ? (text[end - 2] === '\r' ? 2 : 1) : text[end - 1] === '\r' ? 1 : 0;
    const previousStart = lineStartOf(text, end - breakLength);
    const line = text.slice(previousStart, end).trim();
    if (line !== '' && !line.startsWith('#')) break;
    end = previousStart;
  }
  if (end === text.length && !/[\r\n]$/.test(text)) return { span: { start: end, end }, newText: `${eol}${name} = ${literal}` };
  return { span: { start: end, end }, newText: `${name} = ${literal}${eol}` };
}

function nextLineStart(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  if (text[index] === '\r' && text[index + 1] === '\n') return index + 2;
  return Math.min(text.length, index + 1);
}

function appendLine(text: string, eol: string, line: string): TextEdit {
  const endsWithBreak = text.length === 0 || /[\r\n]$/.test(text);
  return { span: { start: text.length, end: text.length }, newText: `${endsWithBreak ? '' : eol}${line.replace(/^(\r\n|\n|\r)/, text.length === 0 ? '' : '$1')}${eol}` };
}

function lineStartOf(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--;
  return index;
}
