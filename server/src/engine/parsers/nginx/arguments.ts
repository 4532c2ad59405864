import { lowerCasedSet } from '../../text';
import type { NginxArgument } from './ast';
import type { DirectiveEntry } from './reference';
import { optionAccepts, slotAccepts, type ArgumentShape, type Slot } from './syntax';

/*
 * Argument checks from the reference's syntax. Where nginx 1.22 accepts more than its
 * documentation shows (checked against `nginx -t`), the documentation is widened here, so a
 * file nginx accepts is never reported.
 */
const WIDER_THAN_DOCUMENTED: Readonly<Record<string, Partial<Pick<ArgumentShape, 'min' | 'max'>>>> = {
  // Several levels (`error_log file debug_http debug_core;`).
  error_log: { max: Infinity },
  // The pre-1.7.5 form `stub_status on;`.
  stub_status: { max: 1 },
};

const widened = new WeakMap<DirectiveEntry, readonly ArgumentShape[]>();

/** The shapes of each entries array (`entriesIn` and `entriesOf` give the same array each time). */
const shapesByEntries = new WeakMap<readonly DirectiveEntry[], readonly ArgumentShape[]>();

function shapesOf(entries: readonly DirectiveEntry[]): readonly ArgumentShape[] {
  let shapes = shapesByEntries.get(entries);
  if (!shapes) {
    shapes = entryShapes(entries);
    shapesByEntries.set(entries, shapes);
  }
  return shapes;
}

function entryShapes(entries: readonly DirectiveEntry[]): ArgumentShape[] {
  return entries.flatMap((entry) => {
    let shapes = widened.get(entry);
    if (!shapes) {
      const wider = WIDER_THAN_DOCUMENTED[entry.name];
      shapes = wider ? entry.shapes.map((shape) => ({ min: shape.min, max: shape.max, block: shape.block, fixed: undefined, ...wider })) : entry.shapes;
      widened.set(entry, shapes);
    }
    return shapes;
  });
}

/** True when some entry's syntax takes `count` arguments. */
export function countFits(entries: readonly DirectiveEntry[], count: number): boolean {
  // A loop, not `some`: a closure over `count` would make V8 allocate a context on every call.
  for (const shape of shapesOf(entries)) if (shape.min <= count && count <= shape.max) return true;
  return false;
}

/** "1 argument", "2 or 3 arguments", "at least 2 arguments", "no arguments". */
export function describeCount(entries: readonly DirectiveEntry[]): string {
  const shapes = shapesOf(entries);
  const min = Math.min(...shapes.map((shape) => shape.min));
  const max = Math.max(...shapes.map((shape) => shape.max));
  const noun = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (max === 0) return 'no arguments';
  if (max === Infinity) return `at least ${min} ${noun(min)}`;
  if (min === max) return `${min} ${noun(min)}`;
  if (max === min + 1) return `${min} or ${max} arguments`;
  return `${min} to ${max} arguments`;
}

export type ArgumentProblem =
  | { readonly kind: 'count' }
  /** An argument no documented form accepts at its position, with what that position takes. */
  | { readonly kind: 'value'; readonly index: number; readonly slots: Slot[] }
  /** A word after the required ones that is none of the documented keywords or `key=` parameters. */
  | { readonly kind: 'parameter'; readonly index: number };

/**
 * What is wrong with a directive's arguments, or undefined when some documented form takes them.
 * Forms the grammar cannot pin down take anything; arguments with variables or template
 * expressions are never judged.
 */
export function argumentProblem(entries: readonly DirectiveEntry[], args: readonly NginxArgument[]): ArgumentProblem | undefined {
  if (!countFits(entries, args.length)) return { kind: 'count' };
  let value: ArgumentProblem | undefined;
  let parameter: ArgumentProblem | undefined;
  // Plain loops, and no closures (V8 would allocate a context for them on every call): this runs
  // for every directive of every check, and the answer is almost always "fits", which should cost
  // no allocation.
  for (const shape of shapesOf(entries)) {
    if (shape.min > args.length || args.length > shape.max) continue;
    if (shape.fixed) {
      if (someSequenceAccepts(shape.fixed, args)) return undefined;
      const index = firstRejected(shape.fixed, args);
      if (index >= 0 && (!value || (value.kind === 'value' && index < value.index))) value = { kind: 'value', index, slots: slotsAt(shape.fixed, args.length, index) };
    } else if (shape.choices) {
      // nginx compares keywords without case.
      const choices = lowerCasedSet(shape.choices);
      let index = -1;
      for (let position = 0; position < args.length && index < 0; position++) {
        const arg = args[position]!;
        if (!opaque(arg) && !choices.has(arg.value.toLowerCase())) index = position;
      }
      if (index < 0) return undefined;
      if (!value || (value.kind === 'value' && index < value.index)) value = { kind: 'value', index, slots: [{ kind: 'literal', values: shape.choices }] };
    } else if (shape.options) {
      const options = shape.options;
      let index = -1;
      for (let position = options.required; position < args.length && index < 0; position++) {
        const arg = args[position]!;
        if (!opaque(arg) && !optionAccepts(options, arg.value)) index = position;
      }
      if (index < 0) return undefined;
      if (!parameter || (parameter.kind === 'parameter' && index > parameter.index)) parameter = { kind: 'parameter', index };
    } else {
      return undefined;
    }
  }
  return value ?? parameter;
}

/** True when one sequence of the arguments' length accepts every argument. */
function someSequenceAccepts(fixed: readonly (readonly Slot[])[], args: readonly NginxArgument[]): boolean {
  for (const sequence of fixed) {
    if (sequence.length !== args.length) continue;
    let accepted = true;
    for (let index = 0; index < sequence.length && accepted; index++) {
      const arg = args[index]!;
      if (!opaque(arg) && !slotAccepts(sequence[index]!, arg.value)) accepted = false;
    }
    if (accepted) return true;
  }
  return false;
}

function hasSequenceOf(fixed: readonly (readonly Slot[])[], length: number): boolean {
  for (const sequence of fixed) if (sequence.length === length) return true;
  return false;
}

/** What position `index` takes in the sequences of `length` arguments. */
function slotsAt(fixed: readonly (readonly Slot[])[], length: number, index: number): Slot[] {
  return fixed.filter((sequence) => sequence.length === length).map((sequence) => sequence[index]!);
}

/** The first position that no sequence of the arguments' length accepts (the first, when there is no such sequence), or -1. */
function firstRejected(fixed: readonly (readonly Slot[])[], args: readonly NginxArgument[]): number {
  if (!hasSequenceOf(fixed, args.length)) return args.length > 0 ? 0 : -1;
  for (let position = 0; position < args.length; position++) {
    const arg = args[position]!;
    if (opaque(arg)) continue;
    let accepted = false;
    for (const sequence of fixed) {
      if (sequence.length === args.length && slotAccepts(sequence[position]!, arg.value)) {
        accepted = true;
        break;
      }
    }
    if (!accepted) return position;
  }
  return -1;
}

/** An argument with a variable or a template expression: never judged. */
function opaque(arg: NginxArgument): boolean {
  return arg.templated === true || arg.value.includes('$');
}

/** True when some documented form takes these arguments. */
export function argumentsFit(entries: readonly DirectiveEntry[], args: readonly NginxArgument[]): boolean {
  return argumentProblem(entries, args) === undefined;
}

/** What a position takes, for messages: "`on` or `off`", "a size such as `10m`". */
export function describeSlots(slots: readonly Slot[]): string {
  const literals = [...new Set(slots.flatMap((slot) => (slot.kind === 'literal' ? slot.values : [])))];
  const kinds = new Set(slots.map((slot) => slot.kind));
  const parts: string[] = [];
  if (literals.length > 0) parts.push(literals.map((literal) => `\`${literal}\``).join(literals.length === 2 ? ' or ' : ', '));
  if (kinds.has('size')) parts.push('a size such as `10m`');
  if (kinds.has('time')) parts.push('a time such as `30s`');
  if (kinds.has('number')) parts.push('a whole number');
  if (kinds.has('variable')) parts.push('a variable such as `$name`');
  return parts.join(', or ');
}
