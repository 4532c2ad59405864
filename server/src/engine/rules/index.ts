import { composeRules } from './compose';
import { corsRules } from './cors';
import { envRules } from './env';
import { internalError, unusedDisable } from './meta';
import { nginxRules } from './nginx';
import { referenceRules } from './reference';
import type { Rule } from './rule';
import { schemaRules } from './schema';
import { secretRules } from './secret';
import { securityRules } from './security';
import { tomlRules } from './toml';

/** The engine's own rules: reported by the engine, not by a check. */
export const engineRules: readonly Rule[] = [internalError, unusedDisable];

/** Every rule, in catalog order. */
export const allRules: readonly Rule[] = [
  ...secretRules,
  ...corsRules,
  ...securityRules,
  ...schemaRules,
  ...envRules,
  ...tomlRules,
  ...composeRules,
  ...nginxRules,
  ...referenceRules,
  ...engineRules,
];
