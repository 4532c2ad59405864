import type { Rule } from '../rule';

/** The `security/*` rules, one file each. */
export const securityRules: readonly Rule[] = [];
