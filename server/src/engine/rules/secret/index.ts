import type { Rule } from '../rule';
import { secretMissing } from './missing';
import { secretPlaceholder } from './placeholder';
import { secretWeak } from './weak';

/** The `secret/*` rules, one file each. */
export const secretRules: readonly Rule[] = [secretMissing, secretPlaceholder, secretWeak];
