import type { Rule } from '../rule';
import { tomlSyntax } from './syntax';

/** The `toml/*` rules, one file each. */
export const tomlRules: readonly Rule[] = [tomlSyntax];
