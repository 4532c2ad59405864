import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { SettingOccurrence } from '../../settings';
import type { Span } from '../../types';
import type { ComposeFile } from './ast';
import { interpolate as interpolateText } from './interpolation';
import { blockEnd, entryOf, isBlockMap, lineIndentOf, mapEntries, resolveNode, scalarText, type MapEntry } from './nodes';
import { services } from './services';
import { composeLiteral, deeper, eolOf, isQuoted, lineAfter, yamlString } from './yamlText';

/**
 * How a new entry is written into one service's environment, as data (one small record per
 * service rather than a closure): `newSettingText` writes the entry from it.
 */
export interface SettingInsertion {
  /** `entry` adds a `KEY: value` (map) or `- KEY=value` (list) line; `block` adds `environment:` with it. */
  readonly shape: 'map' | 'list' | 'block';
  /** The line break written first when the insertion point is not at a line start. */
  readonly prefix: string;
  readonly indent: string;
  /** The indentation of the entry under a new `environment:` (`block` only). */
  readonly inner: string;
  readonly eol: string;
}

/** How `environment:` is written, which decides how a new entry is written. */
export type EnvironmentForm = 'map' | 'list' | 'absent';

/** One service's `environment:` as settings, before product detection. */
export interface ComposeEnvironmentGroup {
  readonly scope: string;
  readonly scopeSpan: Span;
  readonly insertAt: number;
  readonly image: string | undefined;
  /** True when the service has `build:`: it runs code built from the project, not only an image. */
  readonly builds: boolean;
  readonly settings: readonly SettingOccurrence[];
  readonly form: EnvironmentForm;
  /**
   * How to add an entry at `insertAt` (see `newSettingText`). Undefined when the service is
   * written in flow style (`{…}`).
   */
  readonly insertion: SettingInsertion | undefined;
  /** The `env_file:` paths of the service, as written. */
  readonly envFiles: readonly string[];
}

/** One `environment:` entry as written: `written` undefined for a bare `KEY` (list) or `KEY:` (map). */
interface WrittenSetting {
  readonly key: string;
  readonly written: string | undefined;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/**
 * A service's group before the lookup. With nothing written its `settings` are already final, so
 * it serves as the valued group of every lookup (a file of many services makes no copies).
 */
type WrittenGroup = ComposeEnvironmentGroup & { readonly written: readonly WrittenSetting[] };

/**
 * What each service writes, read once per parsed file: several rules ask for the environment
 * with different `.env` lookups in one check, and only the values depend on the lookup.
 */
const writtenGroups = new WeakMap<ComposeFile, readonly WrittenGroup[]>();

/**
 * The groups with their values, per parsed file and lookup: detection, the settings rules, hover
 * and completion of one check ask with the same lookup and share one set of groups.
 */
const valuedGroups = new WeakMap<ComposeFile, WeakMap<Lookup, readonly ComposeEnvironmentGroup[]>>();

type Lookup = (name: string) => string | undefined;

const NO_SETTINGS: readonly SettingOccurrence[] = [];
const NO_PATHS: readonly string[] = [];
const NO_WRITTEN: readonly WrittenSetting[] = [];

/**
 * Every service's environment, map and list forms, with exact key and value spans. Values are
 * what the container gets: `${VAR}` interpolated through `interpolate` (the project `.env`), a
 * bare `KEY` taken from it, `$$` unescaped. `interpolated` is set when the value is not the text.
 */
export function composeEnvironmentGroups(file: ComposeFile, interpolate: Lookup): readonly ComposeEnvironmentGroup[] {
  let byLookup = valuedGroups.get(file);
  if (!byLookup) {
    byLookup = new WeakMap();
    valuedGroups.set(file, byLookup);
  }
  let groups = byLookup.get(interpolate);
  if (!groups) {
    groups = writtenGroupsOf(file).map((group) => valuedGroup(group, interpolate));
    byLookup.set(interpolate, groups);
  }
  return groups;
}

/**
 * The text to insert at the group's `insertAt` to add `key` with `value` (a literal: `$` is
 * escaped for Compose, unless `raw` says the value is Compose text such as `${VAR}`), in the
 * service's form, indentation and line breaks; `environment:` included when the service has none.
 */
export function newSettingText(insertion: SettingInsertion, key: string, value: string, options?: { readonly raw?: boolean }): string {
  const text = written(value, options);
  const { prefix, indent, eol } = insertion;
  switch (insertion.shape) {
    case 'map':
      return `${prefix}${indent}${key}: ${yamlString(text)}${eol}`;
    case 'list':
      return `${prefix}${indent}- ${yamlString(`${key}=${text}`)}${eol}`;
    case 'block':
      return `${prefix}${indent}environment:${eol}${insertion.inner}${key}: ${yamlString(text)}${eol}`;
  }
}

function valuedGroup(group: WrittenGroup, interpolate: Lookup): ComposeEnvironmentGroup {
  if (group.written.length === 0) return group;
  const settings: SettingOccurrence[] = [];
  for (const setting of group.written) settings.push(occurrence(setting, interpolate));
  return {
    scope: group.scope,
    scopeSpan: group.scopeSpan,
    insertAt: group.insertAt,
    image: group.image,
    builds: group.builds,
    settings,
    form: group.form,
    insertion: group.insertion,
    envFiles: group.envFiles,
  };
}

/** Every service's `env_file:` paths, as written, in service order. */
export function composeEnvFiles(file: ComposeFile): string[] {
  return writtenGroupsOf(file).flatMap((group) => group.envFiles);
}

function writtenGroupsOf(file: ComposeFile): readonly WrittenGroup[] {
  let groups = writtenGroups.get(file);
  if (!groups) {
    groups = readWrittenGroups(file);
    writtenGroups.set(file, groups);
  }
  return groups;
}

function readWrittenGroups(file: ComposeFile): WrittenGroup[] {
  const text = file.text;
  const groups: WrittenGroup[] = [];
  const insertions = new InsertionTable();
  for (const service of services(file)) {
    if (service.merged || !service.keyNode?.range) continue;
    const environment = entryOf(file, service.value, 'environment');
    const placement = placementOf(file, text, service.value, environment, service.keyNode);
    groups.push({
      scope: service.name,
      scopeSpan: { start: service.keyNode.range[0], end: service.keyNode.range[1] },
      insertAt: placement.insertAt,
      image: scalarText(entryOf(file, service.value, 'image')?.value),
      builds: entryOf(file, service.value, 'build') !== undefined,
      written: environment ? writtenSettings(environment, file) : NO_WRITTEN,
      settings: NO_SETTINGS,
      form: placement.form,
      insertion: insertions.shared(placement.insertion),
      envFiles: envFilePaths(file, service.value),
    });
  }
  return groups;
}

function writtenSettings(entry: MapEntry, file: ComposeFile): readonly WrittenSetting[] {
  const environment = entry.value;
  const settings: WrittenSetting[] = [];
  if (isMap(environment)) {
    for (const item of mapEntries(file, environment)) {
      if (!item.keyNode?.range) continue;
      const keySpan = { start: item.keyNode.range[0], end: item.keyNode.range[1] };
      const written = item.value && isScalar(item.value) ? scalarText(item.value) : undefined;
      const valueNode = item.valueNode as Node | null;
      const valueSpan = valueNode?.range ? { start: valueNode.range[0], end: valueNode.range[1] } : { start: keySpan.end + 1, end: keySpan.end + 1 };
      settings.push({ key: item.key, written, keySpan, valueSpan });
    }
  } else if (isSeq(environment)) {
    for (const node of environment.items) {
      const item = resolveNode(file, node);
      const written = scalarText(item);
      if (written === undefined || !isScalar(item) || !item.range) continue;
      const contentStart = item.range[0] + (isQuoted(item) ? 1 : 0);
      const contentEnd = item.range[1] - (isQuoted(item) ? 1 : 0);
      const equals = written.indexOf('=');
      const key = equals < 0 ? written : written.slice(0, equals);
      const keySpan = { start: contentStart, end: Math.min(contentStart + key.length, contentEnd) };
      if (equals < 0) {
        settings.push({ key, written: undefined, keySpan, valueSpan: { start: keySpan.end, end: keySpan.end } });
      } else {
        const valueStart = Math.min(contentStart + equals + 1, contentEnd);
        settings.push({ key, written: written.slice(equals + 1), keySpan, valueSpan: { start: valueStart, end: contentEnd } });
      }
    }
  }
  return settings.length === 0 ? NO_WRITTEN : settings;
}

/**
 * A setting as the container sees it. `written` undefined means a bare `KEY` (list) or `KEY:`
 * (map): Compose passes the variable's value from its environment (the shell and `.env`).
 */
function occurrence({ key, written, keySpan, valueSpan }: WrittenSetting, lookup: (name: string) => string | undefined): SettingOccurrence {
  if (written === undefined) {
    const value = lookup(key);
    return { key, value, typedValue: value, keySpan, valueSpan, interpolated: value !== undefined };
  }
  const value = written.includes('$') ? interpolateText(written, lookup) : written;
  return { key, value, typedValue: value, keySpan, valueSpan, interpolated: value !== written };
}

/** One record per distinct insertion: the services of a file mostly share their indentation. */
class InsertionTable {
  private readonly byText = new Map<string, SettingInsertion>();

  shared(insertion: SettingInsertion | undefined): SettingInsertion | undefined {
    if (!insertion) return undefined;
    const key = [insertion.shape, insertion.prefix, insertion.indent, insertion.inner, insertion.eol].join('\0');
    const known = this.byText.get(key);
    if (known) return known;
    this.byText.set(key, insertion);
    return insertion;
  }
}

interface Placement {
  readonly form: EnvironmentForm;
  readonly insertAt: number;
  readonly insertion: SettingInsertion | undefined;
}

function placementOf(file: ComposeFile, text: string, serviceValue: unknown, environment: MapEntry | undefined, serviceKey: Scalar): Placement {
  const eol = eolOf(text);
  const serviceKeyEnd = serviceKey.range![1];
  const service = resolveNode(file, serviceValue);
  const serviceIndent = lineIndentOf(text, serviceKey.range![0]);
  const entryIndent = deeper(file, text, serviceIndent);
  const value = environment?.value;

  if (environment && !environment.merged && (isBlockMap(value) || (isSeq(value) && !value.flow && value.items.length > 0))) {
    const first = isMap(value) ? (value.items[0]!.key as Scalar) : (value.items[0] as Scalar);
    const indent = lineIndentOf(text, first.range?.[0] ?? 0);
    const end = isMap(value) ? blockEnd(value) : (value.items[value.items.length - 1] as Scalar).range?.[1] ?? 0;
    const { offset, prefix } = lineAfter(text, end);
    const form: EnvironmentForm = isMap(value) ? 'map' : 'list';
    return {
      form,
      insertAt: offset,
      insertion: { shape: form, prefix, indent, inner: '', eol },
    };
  }
  if (environment && !environment.merged && environment.keyNode?.range && (value === undefined || (isScalar(value) && value.value === null))) {
    // `environment:` with nothing after it: write the first entry under it.
    const { offset, prefix } = lineAfter(text, environment.valueNode && isScalar(environment.valueNode) && environment.valueNode.range ? environment.valueNode.range[1] : environment.keyNode.range[1]);
    const indent = deeper(file, text, lineIndentOf(text, environment.keyNode.range[0]));
    return { form: 'map', insertAt: offset, insertion: { shape: 'map', prefix, indent, inner: '', eol } };
  }
  if (!environment && isBlockMap(service)) {
    const { offset, prefix } = lineAfter(text, blockEnd(service));
    const firstKey = service.items[0]!.key as Scalar;
    const indent = firstKey.range ? lineIndentOf(text, firstKey.range[0]) : entryIndent;
    const inner = deeper(file, text, indent);
    return {
      form: 'absent',
      insertAt: offset,
      insertion: { shape: 'block', prefix, indent, inner, eol },
    };
  }
  return { form: environment ? (isSeq(value) ? 'list' : 'map') : 'absent', insertAt: serviceKeyEnd, insertion: undefined };
}

function envFilePaths(file: ComposeFile, serviceValue: unknown): readonly string[] {
  const entry = entryOf(file, serviceValue, 'env_file');
  if (!entry?.value) return NO_PATHS;
  const single = scalarText(entry.value);
  if (single !== undefined) return [single];
  const paths: string[] = [];
  if (isSeq(entry.value)) {
    for (const node of entry.value.items) {
      const item = resolveNode(file, node);
      const path = scalarText(item) ?? scalarText(entryOf(file, item, 'path')?.value);
      if (path !== undefined) paths.push(path);
    }
  }
  return paths;
}

function written(value: string, options: { readonly raw?: boolean } | undefined): string {
  return options?.raw ? value : composeLiteral(value);
}
