import { isScalar } from 'yaml';
import type { Span } from '../../types';
import type { ComposeFile } from './ast';
import { scanInterpolation, type VariableReference } from './interpolation';
import { walkNodes } from './walk';

export interface ValueInterpolations {
  /** Every `${VAR}` and `$VAR`, nested defaults' included, in document order. */
  readonly references: readonly VariableReference[];
  /** `$` sequences Compose rejects. */
  readonly invalid: readonly Span[];
}

const cache = new WeakMap<ComposeFile, ValueInterpolations>();

/**
 * The interpolations in the file's string values (keys are not interpolated), scanned once per
 * parsed file: compose/syntax reports the invalid ones, compose/undefined-variable the references.
 */
export function valueInterpolations(file: ComposeFile): ValueInterpolations {
  let found = cache.get(file);
  if (found) return found;
  const references: VariableReference[] = [];
  const invalid: Span[] = [];
  walkNodes(file.document, (node, isKey) => {
    if (isKey || !isScalar(node) || typeof node.value !== 'string' || !node.range || !node.value.includes('$')) return;
    const [start, end] = node.range;
    const scan = scanInterpolation(file.text.slice(start, end), start);
    for (const reference of scan.references) references.push(reference);
    for (const span of scan.invalid) invalid.push(span);
  });
  found = { references, invalid };
  cache.set(file, found);
  return found;
}
