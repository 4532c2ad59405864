import { generateKey, keyTargetAt, LineIndex, type CheckOptions, type Engine, type KeyFormat, type SourceDocument } from '../engine';
import type { GenerateKeyParams, GenerateKeyResult } from './protocol';

/** Without a known key on the line, this is what `openssl rand -base64 32` users expect. */
export const FALLBACK_FORMAT: KeyFormat = 'base64-32';

/**
 * `deployDoctor/generateKey`: which format the key on the cursor's line needs, and when a format
 * is asked, the edit that writes a freshly generated value (generated here, by the engine's
 * keygen, and sent only inside the edit).
 */
export function generateKeyAt(engine: Engine, source: SourceDocument, options: CheckOptions, params: GenerateKeyParams): GenerateKeyResult {
  const analyzed = engine.analyze(source, options);
  const target = analyzed ? keyTargetAt(analyzed, engine.products, params.position.line) : undefined;
  const suggestedFormat = target?.format ?? FALLBACK_FORMAT;
  const key = target?.key ?? null;
  if (!params.format) return { format: suggestedFormat, suggestedFormat, key };

  const value = generateKey(params.format);
  const replacement = target?.replaceValue?.(value);
  if (replacement) {
    const lines = analyzed!.document.lines;
    return { format: params.format, suggestedFormat, key, edit: { range: lines.rangeOf(replacement.span), newText: replacement.newText }, replacesValue: true };
  }
  const lines = new LineIndex(source.text);
  const at = lines.positionAt(lines.offsetAt(params.position));
  return { format: params.format, suggestedFormat, key, edit: { range: { start: at, end: at }, newText: value }, replacesValue: false };
}
