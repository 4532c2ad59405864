import type { SettingSpec } from '../../../../../schemas/types';
import { checkValue } from '../../../../../schemas/values';
import { generateKey, type KeyFormat } from '../../keygen';
import type { CheckedGroup } from '../schema/productSettings';

/**
 * A generated value for a secret setting, or undefined when the product's own schema would refuse
 * it (Flovyn's `FLOVYN_API_KEY` must start `flovyn_sk_`): a fix never writes a value that then
 * gets `schema/invalid-value`.
 */
export function generatedSecretValue(group: CheckedGroup, spec: SettingSpec | undefined, format: KeyFormat): string | undefined {
  const value = generateKey(format);
  if (!spec || !group.product) return value;
  const problem = checkValue(group.product, spec, { value, typedValue: value, format: group.format, mode: group.mode });
  return problem ? undefined : value;
}
