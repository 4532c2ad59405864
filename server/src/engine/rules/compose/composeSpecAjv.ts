import type { default as Ajv, Options, ValidateFunction } from 'ajv';
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
 * ajv holding the Compose Specification, with the options in composeSpecAjvOptions.json (and
 * `extra`), and the reference of each validator the engine uses: `file` for the whole file's, and
 * each `oneOf`/`anyOf` branch's under its JSON pointer. `scripts/enginePlugins.mjs` compiles these
 * to standalone code when the bundles are built; `compileComposeSpecValidators` compiles them now.
 */
export function composeSpecAjv(extra: Partial<Options> = {}): { ajv: Ajv; refs: Record<string, string> } {
  const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
  const schema = { ...loadComposeSpecSchema() };
  // The draft-07 meta-schema is ajv's default; its `https` id is not one ajv knows by that name.
  delete schema['$schema'];
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...extra });
  ajv.addSchema(schema, COMPOSE_SPEC_ID);
  const refs: Record<string, string> = { file: COMPOSE_SPEC_ID };
  for (const { pointer, list } of choiceLists(schema)) {
    for (let index = 0; index < list.length; index++) refs[`${pointer}/${index}`] = `${COMPOSE_SPEC_ID}#${pointer}/${index}`;
  }
  return { ajv, refs };
}

/**
 * Compiles the validators with ajv now. Bundles never call this: they ship the validators already
 * compiled (composeSpecValidators.ts). Unbundled runs do, and a test compares the two.
 */
export function compileComposeSpecValidators(): ComposeSpecValidators {
  const { ajv, refs } = composeSpecAjv();
  return { file: ajv.getSchema(refs['file']!)!, branch: (pointer) => ajv.getSchema(`${COMPOSE_SPEC_ID}#${pointer}`) };
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
      const childPointer = `${pointer}/${encodeURIComponent(key.replaceAll('~', '~0').replaceAll('/', '~1'))}`;
      if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(child)) found.push({ pointer: childPointer, list: child });
      walk(child, childPointer);
    }
  };
  walk(schema, '');
  return found;
}
