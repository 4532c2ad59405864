import type { Rule } from '../rule';
import schema from './schema';
import syntax from './syntax';
import versionObsolete from './version-obsolete';

/** The `compose/*` rules, one file each. */
export const composeRules: readonly Rule[] = [syntax, schema, versionObsolete];
