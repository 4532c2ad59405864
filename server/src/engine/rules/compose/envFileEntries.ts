import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf, resolveNode, scalarText } from '../../parsers/compose/nodes';
import { services } from '../../parsers/compose/services';

/** One `env_file:` entry: its path node and whether Compose requires the file. */
export interface EnvFileEntry {
  readonly service: string;
  readonly node: Node;
  readonly path: string;
  readonly required: boolean;
}

/** Every service's `env_file:` paths: a string, a list of strings, or `{path, required}` items. */
export function envFileEntries(file: ComposeFile): EnvFileEntry[] {
  const entries: EnvFileEntry[] = [];
  for (const service of services(file)) {
    const written = entryOf(file, service.value, 'env_file');
    if (!written) continue;
    const value = written.value;
    const push = (node: Node | undefined, required: boolean) => {
      const path = scalarText(resolveNode(file, node));
      if (node && path !== undefined) entries.push({ service: service.name, node, path, required });
    };
    if (isScalar(value)) push(written.valueNode ?? undefined, true);
    else if (isSeq(value)) {
      for (const item of value.items) {
        const resolved = resolveNode(file, item);
        if (isScalar(resolved)) push(item as Node, true);
        else if (isMap(resolved)) {
          const pathEntry = entryOf(file, resolved, 'path');
          const required = scalarText(entryOf(file, resolved, 'required')?.value) !== 'false';
          push(pathEntry?.valueNode ?? undefined, required);
        }
      }
    }
  }
  return entries;
}
