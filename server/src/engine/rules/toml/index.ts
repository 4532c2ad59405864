import type { Rule } from '../rule';

/** The `toml/*` rules, one file each. */
export const tomlRules: readonly Rule[] = [];
