import type { ValidateFunction } from 'ajv';
import { loadComposeSpecSchema } from '../../parsers/compose/composeSpecSchema';
import AJV_OPTIONS from './composeSpecAjvOptions.json';

/**
 * Validators for the Compose Specification: the whole file's, and each `oneOf`/`anyOf` branch's
 * by its JSON pointer in the schema (`/definitions/service/properties/build/oneOf/1`), with which
 * a failed choice is explained.
 */
export interface ComposeSpecValidators {
  readonly file: ValidateFunction;
  branch(pointer: string): ValidateFunction | undefined;
}

const COMPOSE_SPEC_ID = 'compose_spec.json';

/**
 * Compiles the validators with ajv now, as `scripts/enginePlugins.mjs` does when the bundles are
 * built (same options: composeSpecAjvOptions.json). Bundles never call this: they ship the
 * validators already compiled (composeSpecValidators.ts). Unbundled runs do, and a test compares
 * the two.
 */
export function compileComposeSpecValidators(): ComposeSpecValidators {
  const AjvClass = (require('ajv') as { default: typeof import('ajv').default }).default;
  const schema = { ...loadComposeSpecSchema() };
  // The draft-07 meta-schema is ajv's default; its `https` id is not one ajv knows by that name.
  delete schema['$schema'];
  const ajv = new AjvClass(AJV_OPTIONS);
  ajv.addSchema(schema, COMPOSE_SPEC_ID);
  return { file: ajv.getSchema(COMPOSE_SPEC_ID)!, branch: (pointer) => ajv.getSchema(`${COMPOSE_SPEC_ID}#${pointer}`) };
}

/**
 * Every `oneOf`/`anyOf` list in `schema` with its JSON pointer, encoded as ajv reads one in a URI
 * fragment (`/definitions/service/properties/build/oneOf`); branch `i` of a list is `${pointer}/${i}`.
 */
export function choiceLists(schema: unknown): { readonly pointer: string; readonly list: readonly unknown[] }[] {
  const found: { pointer: string; list: readonly unknown[] }[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = `${pointer}/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
      if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(child)) found.push({ pointer: childPointer, list: child });
      walk(child, childPointer);
    }
  };
  walk(schema, '');
  return found;
}
