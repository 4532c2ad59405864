import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { blockEnd, entryOf, isBlockMap, lineIndentOf, resolveNode, spanOf } from '../../parsers/compose/nodes';
import type { ComposeService } from '../../parsers/compose/services';
import { deeper, eolOf, indentStep, lineAfter } from '../../parsers/compose/yamlText';
import type { TextEdit } from '../../types';

/*
 * Edits that add to a compose file in its own style: block indentation as the file indents,
 * its line breaks, nothing else touched. Each returns undefined when the place is written in a
 * way it cannot extend safely (flow style, a merged anchor).
 */

/** Declares `name` (with no options) under the top-level `section`, creating the section if needed. */
export function declareEdit(file: ComposeFile, text: string, section: 'volumes' | 'networks', name: string): TextEdit | undefined {
  const eol = eolOf(text);
  const entry = entryOf(file, file.document.contents, section);
  const value = resolveNode(file, entry?.value);
  if (entry && !entry.merged && isBlockMap(value)) {
    const first = value.items[0]!.key as Node;
    const indent = lineIndentOf(text, first.range?.[0] ?? 0);
    const { offset, prefix } = lineAfter(text, blockEnd(value));
    return { span: { start: offset, end: offset }, newText: `${prefix}${indent}${name}:${eol}` };
  }
  if (entry?.keyNode?.range && !entry.merged && (value === undefined || (isScalar(value) && value.value === null))) {
    const { offset, prefix } = lineAfter(text, spanOf(entry.valueNode)?.end ?? entry.keyNode.range[1]);
    return { span: { start: offset, end: offset }, newText: `${prefix}${deeper(file, text, lineIndentOf(text, entry.keyNode.range[0]))}${name}:${eol}` };
  }
  if (entry) return undefined;
  const prefix = text.length > 0 && !/[\r\n]$/.test(text) ? eol : '';
  return { span: { start: text.length, end: text.length }, newText: `${prefix}${section}:${eol}${' '.repeat(indentStep(file, text))}${name}:${eol}` };
}

/** Appends `- item` to a service's list `key` (`volumes`), or adds `key:` with it at the end of the service. */
export function appendListItemEdit(file: ComposeFile, text: string, service: ComposeService, key: string, item: string): TextEdit | undefined {
  const eol = eolOf(text);
  const serviceMap = service.value;
  if (service.merged || !isBlockMap(serviceMap)) return undefined;
  const entry = entryOf(file, serviceMap, key);
  if (entry) {
    const list = entry.value;
    if (entry.merged || !isSeq(list) || list.flow || list.items.length === 0) return undefined;
    const last = list.items[list.items.length - 1] as Node;
    const first = list.items[0] as Node;
    const indent = lineIndentOf(text, first.range?.[0] ?? 0);
    const { offset, prefix } = lineAfter(text, last.range?.[1] ?? 0);
    return { span: { start: offset, end: offset }, newText: `${prefix}${indent}- ${item}${eol}` };
  }
  const firstKey = serviceMap.items[0]!.key as Scalar;
  const indent = lineIndentOf(text, firstKey.range?.[0] ?? 0);
  const { offset, prefix } = lineAfter(text, blockEnd(serviceMap));
  return { span: { start: offset, end: offset }, newText: `${prefix}${indent}${key}:${eol}${deeper(file, text, indent)}- ${item}${eol}` };
}

/** Adds `key: value` as the last key of a block-style service. */
export function appendServiceKeyEdit(text: string, service: ComposeService, key: string, value: string): TextEdit | undefined {
  const map = service.value;
  if (service.merged || !isBlockMap(map)) return undefined;
  const firstKey = map.items[0]!.key as Node;
  const indent = lineIndentOf(text, firstKey.range?.[0] ?? 0);
  const { offset, prefix } = lineAfter(text, blockEnd(map));
  return { span: { start: offset, end: offset }, newText: `${prefix}${indent}${key}: ${value}${eolOf(text)}` };
}
