import type { Rule } from '../rule';

/** The `nginx/*` rules, one file each. */
export const nginxRules: readonly Rule[] = [];
