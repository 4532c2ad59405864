import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../../types';
import type { ComposeFile } from './ast';
import { walkNodes } from './walk';

/*
 * Walking a compose file's YAML nodes the way Compose reads them: through aliases and `<<` merge
 * keys, with the offsets of the node that is really written in the text.
 */

export type ContentNode = Scalar | YAMLMap | YAMLSeq;

/** One key of a mapping, as Compose sees it. */
export interface MapEntry {
  readonly key: string;
  /** The key as written; for a merged entry, in the mapping it was merged from. */
  readonly keyNode: Scalar | undefined;
  /** The value as written (an alias stays an alias, so its span is where it is used). */
  readonly valueNode: Node | null;
  /** The value with an alias resolved; undefined for an empty value. */
  readonly value: ContentNode | undefined;
  /** True when the key comes from a `<<` merge rather than from this mapping's own text. */
  readonly merged: boolean;
}

const anchorIndexes = new WeakMap<ComposeFile, Map<Node, ContentNode>>();

/** What each alias of the file points at, computed once per file in document order. */
function aliasTargets(file: ComposeFile): Map<Node, ContentNode> {
  let targets = anchorIndexes.get(file);
  if (targets) return targets;
  targets = new Map();
  const anchors = new Map<string, ContentNode>();
  walkNodes(file.document, (node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets!.set(node, target);
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
      anchors.set(node.anchor, node);
    }
  });
  anchorIndexes.set(file, targets);
  return targets;
}

/** The node an alias stands for (one step: an anchor never names an alias), or the node itself. */
export function resolveNode(file: ComposeFile, node: unknown): ContentNode | undefined {
  if (isAlias(node)) return aliasTargets(file).get(node);
  if (isScalar(node) || isMap(node) || isSeq(node)) return node;
  return undefined;
}

export function spanOf(node: unknown): Span | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

export function keyString(key: unknown): string | undefined {
  if (isScalar(key)) {
    const value = key.value;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    if (value === null) return '';
    return undefined;
  }
  return undefined;
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol' && pair.key.value.description === '<<';
}

/**
 * The entries of a mapping: its own keys first, then keys merged in with `<<` (earlier sources
 * win, own keys win over all), as YAML merge keys define. Not recursive beyond one merge chain.
 */
/**
 * Each mapping's entries, read once per parsed file: rules look keys up in the same services
 * and `environment:` maps over and over (`entryOf`). The composed document is not changed after
 * parsing, so a map node's entries stay what they were.
 */
const entriesByMap = new WeakMap<YAMLMap, readonly MapEntry[]>();
const NO_ENTRIES: readonly MapEntry[] = [];

export function mapEntries(file: ComposeFile, map: unknown): readonly MapEntry[] {
  const resolved = resolveNode(file, map);
  if (!isMap(resolved)) return NO_ENTRIES;
  let entries = entriesByMap.get(resolved);
  if (!entries) {
    entries = readEntries(file, resolved, 0);
    entriesByMap.set(resolved, entries);
  }
  return entries;
}

function readEntries(file: ComposeFile, resolved: YAMLMap, depth: number): MapEntry[] {
  const own: MapEntry[] = [];
  const mergeSources: ContentNode[] = [];
  for (const pair of resolved.items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair)) {
      const source = resolveNode(file, pair.value);
      if (isSeq(source)) for (const item of source.items) {
        const target = resolveNode(file, item);
        if (target) mergeSources.push(target);
      }
      else if (source) mergeSources.push(source);
      continue;
    }
    const key = keyString(pair.key);
    if (key === undefined) continue;
    own.push({
      key,
      keyNode: isScalar(pair.key) ? pair.key : undefined,
      valueNode: isNode(pair.value) ? pair.value : null,
      value: resolveNode(file, pair.value),
      merged: false,
    });
  }
  if (mergeSources.length === 0 || depth > 16) return own;
  const seen = new Set(own.map((entry) => entry.key));
  const entries = [...own];
  for (const source of mergeSources) {
    // Uncached, with the depth: a merge that includes itself (`<<: *self`) must end.
    const target = resolveNode(file, source);
    if (!isMap(target)) continue;
    for (const entry of readEntries(file, target, depth + 1)) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      entries.push({ ...entry, merged: true });
    }
  }
  return entries;
}

export function entryOf(file: ComposeFile, map: unknown, key: string): MapEntry | undefined {
  // A loop, not `find`: a closure over `key` would make V8 allocate a context on every call.
  for (const entry of mapEntries(file, map)) if (entry.key === key) return entry;
  return undefined;
}

export interface SeqItem {
  readonly node: Node;
  readonly value: ContentNode | undefined;
}

/** Each sequence's items, read once per parsed file as a mapping's entries are. */
const itemsBySeq = new WeakMap<YAMLSeq, readonly SeqItem[]>();

/** The items of a sequence, aliases resolved, each with the node as written. */
const NO_ITEMS: readonly SeqItem[] = [];

export function seqItems(file: ComposeFile, seq: unknown): readonly SeqItem[] {
  const resolved = resolveNode(file, seq);
  if (!isSeq(resolved)) return NO_ITEMS;
  let items = itemsBySeq.get(resolved);
  if (!items) {
    const read: SeqItem[] = [];
    for (const node of resolved.items) if (isNode(node)) read.push({ node, value: resolveNode(file, node) });
    itemsBySeq.set(resolved, (items = read));
  }
  return items;
}

/** A scalar's value as a string (numbers and booleans as written by YAML), else undefined. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Where the node at a data path is written. */
export interface PathLocation {
  /** The key of the last segment, when it is a mapping key. */
  readonly keyNode: Scalar | undefined;
  /** The value at the path, as written (an alias stays an alias). */
  readonly valueNode: Node | undefined;
  /** How many segments of the path were found (all of them when the path exists). */
  readonly depth: number;
}

/** Follows a data path (`['services', 'web', 'ports', 0]`) through the YAML nodes. */
export function locatePath(file: ComposeFile, path: readonly (string | number)[]): PathLocation {
  let keyNode: Scalar | undefined;
  let valueNode: Node | undefined = isNode(file.document.contents) ? file.document.contents : undefined;
  let depth = 0;
  for (const segment of path) {
    const container = resolveNode(file, valueNode);
    if (isMap(container)) {
      const entry = entryOf(file, container, String(segment));
      if (!entry) break;
      keyNode = entry.keyNode;
      valueNode = entry.valueNode ?? undefined;
    } else if (isSeq(container)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      const item = Number.isInteger(index) ? container.items[index] : undefined;
      if (!isNode(item)) break;
      keyNode = undefined;
      valueNode = item;
    } else break;
    depth++;
  }
  return { keyNode, valueNode, depth };
}

/** The zero-based column of an offset in its line. */
export function columnOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return offset - start;
}

/** The indentation of the line containing `offset`, as written (spaces). */
export function lineIndentOf(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** The offset just after the end of the line containing `offset` (after its line break). */
export function nextLineStart(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  if (text[index] === '\r' && text[index + 1] === '\n') return index + 2;
  return index < text.length ? index + 1 : index;
}

/** True when a mapping is written in block style (`key: value` lines), where lines can be inserted. */
export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow && node.items.length > 0;
}

/** The end of a block mapping's last entry, comments after it excluded. */
export function blockEnd(map: YAMLMap): number {
  let end = map.range?.[1] ?? 0;
  const last = map.items[map.items.length - 1];
  if (last) {
    const value = isNode(last.value) ? last.value : undefined;
    const key = isNode(last.key) ? last.key : undefined;
    end = value?.range?.[1] ?? key?.range?.[1] ?? end;
  }
  return end;
}

/** The mapping key under `offset` and its data path (`['services', 'web', 'image']`), not through aliases. */
export function keyAt(file: ComposeFile, offset: number): { path: (string | number)[]; keyNode: Scalar } | undefined {
  const walk = (node: unknown, path: (string | number)[]): { path: (string | number)[]; keyNode: Scalar } | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        const name = keyString(key);
        if (isScalar(key) && key.range && name !== undefined && key.range[0] <= offset && offset <= key.range[1]) return { path: [...path, name], keyNode: key };
        const value = pair.value as Node | null;
        if (name !== undefined && value?.range && value.range[0] <= offset && offset <= value.range[1]) return walk(value, [...path, name]);
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        const range = (item as Node | null)?.range;
        if (range && range[0] <= offset && offset <= range[1]) return walk(item, [...path, index]);
      }
    }
    return undefined;
  };
  return walk(file.document.contents, []);
}

/**
 * The data path of the block mapping a key typed at `offset` would belong to: the deepest mapping
 * whose keys start in the cursor's column, begin before it, and are not closed by a less indented
 * line; else the `key:` line above with nothing after it (an empty mapping). `[]` is the top level.
 */
export function mappingPathAt(file: ComposeFile, offset: number): (string | number)[] | undefined {
  const text = file.text;
  const lineStart = offset - columnOf(text, offset);
  const typed = /[A-Za-z0-9_.-]*$/.exec(text.slice(lineStart, offset))?.[0] ?? '';
  const column = columnOf(text, offset) - typed.length;
  if (text.slice(lineStart, offset - typed.length).trim() !== '') return undefined;
  if (column === 0) return [];
  const closedBetween = (from: number): boolean => {
    for (const line of text.slice(from, lineStart).split(/\r\n|\n|\r/).slice(1)) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      if (line.length - line.trimStart().length < column) return true;
    }
    return false;
  };
  let best: { path: (string | number)[]; start: number } | undefined;
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node) && !node.flow) {
      const first = node.items[0]?.key as Node | undefined;
      if (first?.range && columnOf(text, first.range[0]) === column && first.range[0] <= offset && (!best || first.range[0] >= best.start) && !closedBetween(first.range[0])) {
        best = { path, start: first.range[0] };
      }
      for (const pair of node.items) {
        const name = keyString(pair.key);
        if (name !== undefined) walk(pair.value, [...path, name]);
      }
    } else if (isSeq(node) && !node.flow) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(file.document.contents, []);
  if (best) return best.path;
  for (const line of linesBefore(text, lineStart)) {
    if (line.text.trim() === '' || line.text.trim().startsWith('#')) continue;
    const indent = line.text.length - line.text.trimStart().length;
    if (indent >= column) continue;
    const key = /^(\s*)([^\s#:][^:#]*?):\s*(#.*)?$/.exec(line.text);
    return key ? keyAt(file, line.start + key[1]!.length)?.path : undefined;
  }
  return undefined;
}

/** The lines before the one starting at `lineStart`, nearest first, with their start offsets. */
function* linesBefore(text: string, lineStart: number): Generator<{ start: number; text: string }> {
  let end = lineStart;
  while (end > 0) {
    // Step over the previous line's break (`\n`, `\r\n` or `\r`).
    let breakStart = end - 1;
    if (text[breakStart] === '\n' && text[breakStart - 1] === '\r') breakStart--;
    let start = breakStart;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    yield { start, text: text.slice(start, breakStart) };
    end = start;
  }
}
