import { LineCounter, parseDocument } from 'yaml';
import type { ComposeFile } from './ast';

// Scaffold, replaced by the compose parser.
export function parseCompose(text: string): ComposeFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return { document, lineCounter, data: undefined, comments: [], errors: [] };
}
