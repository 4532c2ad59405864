import type { NginxArgument } from './ast';
import type { DirectiveEntry } from './reference';
import { slotAccepts, type ArgumentShape, type Slot } from './syntax';

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

function shapesOf(entries: readonly DirectiveEntry[]): ArgumentShape[] {
  return entries.flatMap((entry) => {
    const wider = WIDER_THAN_DOCUMENTED[entry.name];
    return entry.shapes.map((shape) => (wider ? { ...shape, ...wider, fixed: undefined } : shape));
  });
}

/** True when some entry's syntax takes `count` arguments. */
export function countFits(entries: readonly DirectiveEntry[], count: number): boolean {
  return shapesOf(entries).some((shape) => shape.min <= count && count <= shape.max);
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

/**
 * The first argument no documented form accepts, with what that position takes; undefined when
 * the arguments fit, or when the syntax has parts the grammar cannot pin down. Arguments with
 * variables or template expressions are never judged.
 */
export function invalidValue(entries: readonly DirectiveEntry[], args: readonly NginxArgument[]): { index: number; slots: Slot[] } | undefined {
  const candidates = shapesOf(entries).filter((shape) => shape.min <= args.length && args.length <= shape.max);
  if (candidates.length === 0 || candidates.some((shape) => !shape.fixed)) return undefined;
  const sequences = candidates.flatMap((shape) => shape.fixed!).filter((sequence) => sequence.length === args.length);
  if (sequences.length === 0) return undefined;
  const accepted = (slot: Slot, arg: NginxArgument) => arg.templated || arg.value.includes('$') || slotAccepts(slot, arg.value);
  if (sequences.some((sequence) => sequence.every((slot, index) => accepted(slot, args[index]!)))) return undefined;
  for (let index = 0; index < args.length; index++) {
    const slots = sequences.map((sequence) => sequence[index]!);
    if (!slots.some((slot) => accepted(slot, args[index]!))) return { index, slots };
  }
  return undefined;
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
