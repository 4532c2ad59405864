import type { Span } from '../../types';

/**
 * Compose's variable interpolation (compose-spec "interpolation", compose-go `template`):
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
 * `${VAR:+replacement}`, `${VAR+replacement}`, and `$$` for a literal `$`. Anything else after a
 * `$` is an "invalid interpolation format", which Compose refuses.
 */

export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableReference {
  readonly name: string;
  /** The whole reference, `$` to closing brace, in the offsets the caller gave. */
  readonly span: Span;
  readonly nameSpan: Span;
  readonly operator: InterpolationOperator | undefined;
  /** The text after the operator (a default, an error message or a replacement). */
  readonly argument: string | undefined;
  /** True when this reference sits inside another one's default or replacement. */
  readonly nested: boolean;
}

export interface InterpolationScan {
  readonly references: readonly VariableReference[];
  /** `$` sequences Compose cannot read (`$ `, `$1`, `${}`, a missing `}`). */
  readonly invalid: readonly Span[];
}

const NONE: readonly never[] = Object.freeze([]);
const NOTHING_INTERPOLATED: InterpolationScan = Object.freeze({ references: NONE, invalid: NONE });

/** `list` with `item` appended; the list is made at its first item. */
function added<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const BRACED = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-?+])([\s\S]*))?$/;

/** Scans `text` (which starts at `base` in the document) for variable references. */
export function scanInterpolation(text: string, base = 0, nested = false): InterpolationScan {
  // Most values have no `$`: they share one empty answer (this runs for every value of a file).
  if (!text.includes('$')) return NOTHING_INTERPOLATED;
  // Made at their first item, with room for it alone: most values hold one reference and no error.
  let references: VariableReference[] | undefined;
  let invalid: Span[] | undefined;
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0) break;
    const next = text[dollar + 1];
    if (next === '$') {
      index = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(text, dollar + 2);
      if (close < 0) {
        invalid = added(invalid, { start: base + dollar, end: base + text.length });
        break;
      }
      const body = text.slice(dollar + 2, close);
      const match = BRACED.exec(body);
      if (!match) {
        invalid = added(invalid, { start: base + dollar, end: base + close + 1 });
      } else {
        const name = match[1]!;
        const operator = match[2] as InterpolationOperator | undefined;
        const argument = match[3];
        const nameStart = base + dollar + 2;
        references = added(references, {
          name,
          span: { start: base + dollar, end: base + close + 1 },
          nameSpan: { start: nameStart, end: nameStart + name.length },
          operator,
          argument,
          nested,
        });
        if (argument !== undefined && operator !== ':?' && operator !== '?') {
          const argumentStart = dollar + 2 + name.length + operator!.length;
          const inner = scanInterpolation(argument, base + argumentStart, true);
          for (const reference of inner.references) references = added(references, reference);
          for (const span of inner.invalid) invalid = added(invalid, span);
        }
      }
      index = close + 1;
      continue;
    }
    const named = NAME.exec(text.slice(dollar + 1, dollar + 1 + 256));
    if (named) {
      const name = named[0];
      const nameStart = base + dollar + 1;
      references = added(references, {
        name,
        span: { start: base + dollar, end: nameStart + name.length },
        nameSpan: { start: nameStart, end: nameStart + name.length },
        operator: undefined,
        argument: undefined,
        nested,
      });
      index = dollar + 1 + name.length;
      continue;
    }
    invalid = added(invalid, { start: base + dollar, end: base + dollar + (next === undefined ? 1 : 2) });
    index = dollar + 1;
  }
  return references || invalid ? { references: references ?? NONE, invalid: invalid ?? NONE } : NOTHING_INTERPOLATED;
}

/** The `}` closing a `${` whose body starts at `from`, counting nested `${…}`; -1 when absent. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (char === '$' && text[index + 1] === '$') index++;
    else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}

/**
 * The value of `text` after interpolation with `lookup`, as Compose computes it: an unset variable
 * becomes the empty string (Compose warns); undefined when Compose would refuse the text (`${VAR:?}`
 * with VAR unset or empty, an invalid `$`).
 */
export function interpolate(text: string, lookup: (name: string) => string | undefined): string | undefined {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0) {
      result += text.slice(index);
      break;
    }
    result += text.slice(index, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      result += '$';
      index = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(text, dollar + 2);
      if (close < 0) return undefined;
      const match = BRACED.exec(text.slice(dollar + 2, close));
      if (!match) return undefined;
      const value = lookup(match[1]!);
      const operator = match[2];
      const argument = match[3] ?? '';
      let replaced: string | undefined;
      switch (operator) {
        case undefined:
          replaced = value ?? '';
          break;
        case ':-':
          replaced = value !== undefined && value !== '' ? value : interpolate(argument, lookup);
          break;
        case '-':
          replaced = value !== undefined ? value : interpolate(argument, lookup);
          break;
        case ':?':
          replaced = value !== undefined && value !== '' ? value : undefined;
          break;
        case '?':
          replaced = value;
          break;
        case ':+':
          replaced = value !== undefined && value !== '' ? interpolate(argument, lookup) : '';
          break;
        case '+':
          replaced = value !== undefined ? interpolate(argument, lookup) : '';
          break;
      }
      if (replaced === undefined) return undefined;
      result += replaced;
      index = close + 1;
      continue;
    }
    const named = NAME.exec(text.slice(dollar + 1, dollar + 1 + 256));
    if (!named) return undefined;
    result += lookup(named[0]) ?? '';
    index = dollar + 1 + named[0].length;
  }
  return result;
}

/** True when `text` contains a `$` that interpolation would act on (not only `$$`). */
export function hasInterpolation(text: string): boolean {
  return /\$(?!\$)/.test(text.replace(/\$\$/g, ''));
}
