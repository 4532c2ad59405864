import { hoverProviders } from './providers';
import type { CursorContext, HoverResult } from './types';

/** The first provider's hover for the cursor's file kind. A provider that throws is skipped. */
export function doHover(context: CursorContext): HoverResult | undefined {
  for (const provider of hoverProviders) {
    if (!provider.kinds.includes(context.analyzed.document.kind)) continue;
    try {
      const result = provider.hover(context);
      if (result) return result;
    } catch {
      // A hover is a convenience: a failing provider must not break the others.
    }
  }
  return undefined;
}
