import type { Rule } from '../rule';
import outsideTree from './outside-tree';

/** The `reference/*` rules, one file each. */
export const referenceRules: readonly Rule[] = [outsideTree];
