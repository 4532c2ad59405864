import type { Rule } from '../rule';
import { corsWildcard } from './wildcard';

/** The `cors/*` rules, one file each. */
export const corsRules: readonly Rule[] = [corsWildcard];
