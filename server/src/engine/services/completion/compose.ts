import { isMap } from 'yaml';
import { entryOf, locatePath, mapEntries, mappingPathAt, resolveNode } from '../../parsers/compose/nodes';
import { keysAt } from '../../rules/compose/schemaLookup';
import type { CompletionItem, CompletionProvider, CursorContext } from '../types';

/**
 * Completion of compose keys from the Compose Specification: at the start of a line, the keys the
 * mapping there allows that it does not have yet, each with the specification's description.
 */
export const composeCompletion: CompletionProvider = {
  kinds: ['compose'],
  complete(context: CursorContext): readonly CompletionItem[] {
    const document = context.analyzed.document;
    if (document.kind !== 'compose') return [];
    const file = document.ast;
    const path = mappingPathAt(file, context.offset);
    if (!path) return [];
    const mapping = path.length === 0 ? file.document.contents : resolveNode(file, locatePath(file, path).valueNode);
    const present = new Set(isMap(mapping) ? mapEntries(file, mapping).map((entry) => entry.key) : []);
    // The key being typed is not "present" yet, even if the parser already sees it.
    const typed = /[A-Za-z0-9_.-]*$/.exec(document.text.slice(0, context.offset))?.[0] ?? '';
    if (typed && isMap(mapping) && entryOf(file, mapping, typed)) present.delete(typed);
    return keysAt(path)
      .filter((key) => !present.has(key.name) && !key.deprecated)
      .map((key) => ({
        label: key.name,
        kind: 'key' as const,
        detail: `Compose ${key.types.join(' | ') || 'key'}`,
        ...(key.description ? { documentation: key.description } : {}),
        insertText: `${key.name}: `,
        sortText: key.name,
      }));
  },
};
