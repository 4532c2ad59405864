import type { ProductDefinition } from '../../../../../schemas/types';
import { specOf } from '../../../../../schemas/lookup';
import type { EnvEntry } from '../../parsers/env/ast';
import { eolOf } from '../../parsers/compose/yamlText';
import type { TextEdit } from '../../types';
import { basename, resolveSibling } from '../../uri';
import type { RuleWorkspace } from '../rule';
import { placeholderOrigin } from '../secret/analysis';
import { firstEntriesOf } from './keys';
import { isSecretKey } from './secrets';

/*
 * `.env.example` as the contract of a `.env`: the file `NAME.example` (or `.sample`, `.template`,
 * `.dist`) beside `NAME` lists the keys `NAME` must set. `env/example-drift` and
 * `compose/undefined-variable` read it through this module.
 */

const EXAMPLE_SUFFIXES = ['.example', '.sample', '.template', '.dist'] as const;

export interface EnvExample {
  readonly uri: string;
  /** The file name, for messages (`.env.example`). */
  readonly name: string;
  /** Each key's first assignment, in file order. */
  readonly entries: ReadonlyMap<string, EnvEntry>;
  readonly text: string;
}

/** True for `.env.example`, `.env.production.sample` and the like: a contract, not a file to hold to one. */
export function isExampleFile(uri: string): boolean {
  const name = basename(uri);
  for (const suffix of EXAMPLE_SUFFIXES) if (name.endsWith(suffix) && name.length > suffix.length) return true;
  return false;
}

/** The example that governs the env file at `envUri` (the first of its names that exists), if any. */
export function exampleOf(envUri: string, workspace: RuleWorkspace): EnvExample | undefined {
  if (isExampleFile(envUri)) return undefined;
  const name = basename(envUri);
  for (const suffix of EXAMPLE_SUFFIXES) {
    const uri = resolveSibling(envUri, `./${name}${suffix}`);
    const parsed = workspace.parse(uri);
    if (parsed?.kind !== 'env') continue;
    return { uri, name: `${name}${suffix}`, entries: firstEntriesOf(parsed.ast), text: parsed.text };
  }
  return undefined;
}

/**
 * The value to write for a key copied from the example: the example's value as written, except
 * for secrets and placeholders, which are left empty for the user (or `secret/missing`) to fill.
 */
export function copiedValue(example: EnvExample, entry: EnvEntry, product: ProductDefinition | undefined): string {
  if (isSecretKey(entry.key, product) || entry.value === '') return '';
  const origin = placeholderOrigin(entry.value, product ? specOf(product, entry.key) : undefined, product);
  // The product's default is a real value; other placeholders (`changeme`, `<your-host>`) are not.
  if (origin !== undefined && origin !== 'default') return '';
  return example.text.slice(entry.valueSpan.start, entry.valueSpan.end);
}

/** Appends `lines` to `text` in its own line breaks, after a break when the last line has none. */
export function appendLinesEdit(text: string, lines: readonly string[]): TextEdit {
  const eol = text === '' ? '\n' : eolOf(text);
  const prefix = text === '' || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
  return { span: { start: text.length, end: text.length }, newText: prefix + lines.map((line) => line + eol).join('') };
}
