import type { Rule } from '../rule';

/** The `compose/*` rules, one file each. */
export const composeRules: readonly Rule[] = [];
