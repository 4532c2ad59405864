import type { FixSafety } from '../engine';
import { UsageError } from './errors';

/** `--fix` or `--fix-dry-run`, and the kinds of fix `--fix-type` lets run. */
export interface FixRequest {
  readonly dryRun: boolean;
  readonly safeties: ReadonlySet<FixSafety>;
}

/** Each --fix-type adds to the safe fixes, which always run. */
const FIX_TYPES: Readonly<Record<string, readonly FixSafety[]>> = {
  safe: ['safe'],
  secrets: ['safe', 'secret'],
  all: ['safe', 'secret', 'choice'],
};

/** The fix part of `check`'s arguments; undefined without --fix or --fix-dry-run. */
export function parseFixRequest(fix: boolean, dryRun: boolean, fixTypes: readonly string[], format: string): FixRequest | undefined {
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const types = fixTypes.flatMap((value) => value.split(',')).map((type) => type.trim());
  if (!fix && !dryRun) {
    if (types.length > 0) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
    return undefined;
  }
  const unknown = types.filter((type) => !Object.hasOwn(FIX_TYPES, type));
  if (unknown.length > 0) {
    throw new UsageError(`--fix-type: unknown fix ${unknown.length === 1 ? 'type' : 'types'} ${unknown.map((type) => `\`${type}\``).join(', ')}; use safe, secrets or all`);
  }
  if (dryRun && format !== 'text') throw new UsageError(`--fix-dry-run prints a diff and takes no --format (got \`${format}\`)`);
  const safeties = new Set<FixSafety>(['safe']);
  for (const type of types) for (const safety of FIX_TYPES[type]!) safeties.add(safety);
  return { dryRun, safeties };
}
