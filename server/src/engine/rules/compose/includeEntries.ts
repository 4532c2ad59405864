import { isMap, isSeq, type Node } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf, resolveNode, scalarText } from '../../parsers/compose/nodes';

/** One path of a top-level `include:` entry, with the node that writes it. */
export interface IncludeEntry {
  readonly node: Node;
  readonly path: string;
}

/** The paths of a file's top-level `include:` (short form, `path:` string or list). */
export function includeEntries(file: ComposeFile): IncludeEntry[] {
  const include = entryOf(file, file.document.contents, 'include');
  const list = resolveNode(file, include?.value);
  if (!isSeq(list)) return [];
  const entries: IncludeEntry[] = [];
  const push = (node: unknown) => {
    const path = scalarText(resolveNode(file, node));
    if (path !== undefined) entries.push({ node: node as Node, path });
  };
  for (const node of list.items) {
    const item = resolveNode(file, node);
    if (scalarText(item) !== undefined) {
      push(node);
      continue;
    }
    if (!isMap(item)) continue;
    const pathEntry = entryOf(file, item, 'path');
    const path = resolveNode(file, pathEntry?.value);
    if (scalarText(path) !== undefined) push(pathEntry?.valueNode ?? path);
    else if (isSeq(path)) for (const part of path.items) push(part);
  }
  return entries;
}
