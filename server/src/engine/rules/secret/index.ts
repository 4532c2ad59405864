import type { Rule } from '../rule';

/** The `secret/*` rules, one file each. */
export const secretRules: readonly Rule[] = [];
