import type { Rule } from '../rule';

/** The `env/*` rules, one file each. */
export const envRules: readonly Rule[] = [];
