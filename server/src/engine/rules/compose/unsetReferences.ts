import type { VariableReference } from '../../parsers/compose/interpolation';

/**
 * Whether a reference can come out empty or refuse the file: no default, a required variable
 * unset (or empty with `:?`), or a reference nested in a default that is used.
 */
export function needsValue(reference: VariableReference, all: readonly VariableReference[], values: ReadonlyMap<string, string>): boolean {
  const value = values.get(reference.name);
  switch (reference.operator) {
    case ':-':
    case '-':
    case ':+':
    case '+':
      return false;
    case ':?':
      if (value !== undefined && value !== '') return false;
      break;
    default:
      if (value !== undefined) return false;
  }
  if (!reference.nested) return true;
  const outer = all.find((candidate) => !candidate.nested && candidate.span.start < reference.span.start && candidate.span.end >= reference.span.end);
  if (!outer) return true;
  const outerValue = values.get(outer.name);
  // The default of `${A:-${B}}` is used only when A is unset (or empty); a `+` replacement only when it is set.
  if (outer.operator === ':-') return outerValue === undefined || outerValue === '';
  if (outer.operator === '-') return outerValue === undefined;
  if (outer.operator === ':+') return outerValue !== undefined && outerValue !== '';
  if (outer.operator === '+') return outerValue !== undefined;
  return true;
}
