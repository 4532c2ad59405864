import { agentim } from './agentim';
import { fireflyDesk } from './firefly-desk';
import { flovyn } from './flovyn';
import { flowfile } from './flowfile';
import { fraiseql } from './fraiseql';
import type { ProductDefinition } from './types';

/** The products Deploy Doctor knows. Adding one is adding its file here. */
export const products: readonly ProductDefinition[] = [fireflyDesk, flovyn, fraiseql, agentim, flowfile];
