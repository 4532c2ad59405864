import type { ParsedDocument } from '../document';
import { LineIndex } from '../text';
import type { FileKind } from '../types';
import { parseCompose } from './compose/parse';
import { parseEnv } from './env/parse';
import { parseNginx } from './nginx/parse';
import { parseToml } from './toml/parse';

/** Parses a document of a known kind. Parsers recover from errors and never throw on bad input. */
export function parseDocument(uri: string, text: string, kind: FileKind): ParsedDocument {
  const lines = new LineIndex(text);
  switch (kind) {
    case 'env':
      return { kind, uri, text, lines, ast: parseEnv(text) };
    case 'toml':
      return { kind, uri, text, lines, ast: parseToml(text) };
    case 'compose':
      return { kind, uri, text, lines, ast: parseCompose(text) };
    case 'nginx':
      return { kind, uri, text, lines, ast: parseNginx(text) };
  }
}
