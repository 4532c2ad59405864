import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Directive, Format as FormatEnum, Variable } from '@nginx/reference-lib';

/*
 * `@nginx/reference-lib` as the server and CLI load it: the package's own answers, which
 * scripts/build.mjs asks it for and writes to nginx-reference.json beside them, read with the
 * first nginx file. Loaded as a JavaScript module, the package kept its 1.6 MB of source in
 * memory for as long as the process ran (V8 holds a script's source), besides the data; read as
 * JSON, only the data stays.
 */

interface ReferenceJson {
  readonly format: typeof FormatEnum;
  readonly directives: Readonly<Record<number, Directive[]>>;
  readonly variables: Readonly<Record<number, Variable[]>>;
}

const data = JSON.parse(readFileSync(join(__dirname, 'nginx-reference.json'), 'utf8')) as ReferenceJson;

export const Format = data.format;

export function getDirectives(format: FormatEnum = Format.HTML): Directive[] {
  return data.directives[format] ?? [];
}

export function getVariables(format: FormatEnum = Format.HTML): Variable[] {
  return data.variables[format] ?? [];
}
