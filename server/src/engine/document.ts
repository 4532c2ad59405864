import type { ComposeFile } from './parsers/compose/ast';
import type { EnvFile } from './parsers/env/ast';
import type { NginxFile } from './parsers/nginx/ast';
import type { TomlFile } from './parsers/toml/ast';
import type { LineIndex } from './text';
import type { FileKind } from './types';

interface ParsedBase {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineIndex;
}

/*
 * Indexed by kind rather than `Extract<ParsedDocument, { kind: K }>`: TypeScript measures an
 * indexed access as covariant in K, so a `Rule<'env'>` is assignable to `Rule` (with Extract,
 * the conditional type made `Rule<K>` invariant and no rule list type-checked).
 */
interface ParsedDocumentByKind {
  readonly env: ParsedBase & { readonly kind: 'env'; readonly ast: EnvFile };
  readonly toml: ParsedBase & { readonly kind: 'toml'; readonly ast: TomlFile };
  readonly compose: ParsedBase & { readonly kind: 'compose'; readonly ast: ComposeFile };
  readonly nginx: ParsedBase & { readonly kind: 'nginx'; readonly ast: NginxFile };
}

export type ParsedDocument = ParsedDocumentByKind[FileKind];

export type ParsedDocumentOf<K extends FileKind> = ParsedDocumentByKind[K];
