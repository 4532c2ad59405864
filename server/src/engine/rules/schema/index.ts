import type { Rule } from '../rule';

/** The `schema/*` rules, one file each. */
export const schemaRules: readonly Rule[] = [];
