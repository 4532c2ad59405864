import type { ProductDefinition } from '../../../../../schemas/types';
import { specOf } from '../../../../../schemas/lookup';

/** Names that hold secrets by convention, whatever the product. */
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|_KEY$/i;

/**
 * True when the value of `key` must never appear in a message: its name says it is a secret, or
 * the product's schema marks the setting secret.
 */
export function isSecretKey(key: string, product: ProductDefinition | undefined): boolean {
  if (SECRET_NAME.test(key)) return true;
  return product !== undefined && specOf(product, key)?.secret !== undefined;
}
