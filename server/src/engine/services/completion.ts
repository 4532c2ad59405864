import { completionProviders } from './providers';
import type { CompletionItem, CursorContext } from './types';

/** Every provider's completions for the cursor's file kind. A provider that throws is skipped. */
export function doComplete(context: CursorContext): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const provider of completionProviders) {
    if (!provider.kinds.includes(context.analyzed.document.kind)) continue;
    try {
      items.push(...provider.complete(context));
    } catch {
      // Completion is a convenience: a failing provider must not break the others.
    }
  }
  return items;
}
