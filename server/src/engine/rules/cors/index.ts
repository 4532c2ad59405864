import type { Rule } from '../rule';

/** The `cors/*` rules, one file each. */
export const corsRules: readonly Rule[] = [];
