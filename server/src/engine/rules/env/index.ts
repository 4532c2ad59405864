import type { Rule } from '../rule';
import { duplicateKey } from './duplicate-key';
import { exampleDrift } from './example-drift';
import { keyFormat } from './key-format';
import { malformedReference } from './malformed-reference';
import { envSyntax } from './syntax';
import { undefinedReference } from './undefined-reference';
import { valueFormat } from './value-format';

/** The `env/*` rules, one file each. */
export const envRules: readonly Rule[] = [envSyntax, duplicateKey, keyFormat, valueFormat, undefinedReference, malformedReference, exampleDrift];
