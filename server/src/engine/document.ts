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

export type ParsedDocument =
  | (ParsedBase & { readonly kind: 'env'; readonly ast: EnvFile })
  | (ParsedBase & { readonly kind: 'toml'; readonly ast: TomlFile })
  | (ParsedBase & { readonly kind: 'compose'; readonly ast: ComposeFile })
  | (ParsedBase & { readonly kind: 'nginx'; readonly ast: NginxFile });

export type ParsedDocumentOf<K extends FileKind> = Extract<ParsedDocument, { kind: K }>;
