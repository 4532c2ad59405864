import type { Rule } from '../rule';
import { securityDevMode } from './dev-mode';
import { securityInsecureUrl } from './insecure-url';
import inlineCredential from './inline-credential';

/** The `security/*` rules, one file each. */
export const securityRules: readonly Rule[] = [securityDevMode, securityInsecureUrl, inlineCredential];
