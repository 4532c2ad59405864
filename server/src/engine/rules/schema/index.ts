import type { Rule } from '../rule';
import { schemaConflict } from './conflict';
import { schemaInvalidValue } from './invalid-value';
import { schemaMissingRequired } from './missing-required';
import { schemaUnknownKey } from './unknown-key';

/** The `schema/*` rules, one file each. */
export const schemaRules: readonly Rule[] = [schemaUnknownKey, schemaMissingRequired, schemaInvalidValue, schemaConflict];
