import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/testing';
import { LspSession } from './lspSession';

/*
 * Some clients send a leading U+FEFF as part of the document. Over LSP it must change nothing but
 * line-1 columns (one more: the client counts the mark), and no edit may remove it.
 */
const folder = mkdtempSync(join(tmpdir(), 'dd-lsp-bom-'));
for (const side of ['plain', 'bom']) mkdirSync(join(folder, side, 'nginx'), { recursive: true });
let session: LspSession;
after(async () => {
  await session?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const DOCUMENTS: readonly { name: string; language: string; text: string }[] = [
  { name: 'nginx/nginx.conf', language: 'nginx', text: 'server {\n  listen 80;\n  server_tokens on;\n}\n' },
  { name: '.env', language: 'dotenv', text: 'FOO=1\nbad line here\nFOO=2\n' },
  { name: 'docker-compose.yml', language: 'dockercompose', text: 'services:\n  app:\n    image: nginx:latest\n' },
  { name: 'config.toml', language: 'plaintext', text: 'title = "x" y\n[server]\nport = 1\n' },
];

const shape = (diagnostics: readonly Diagnostic[], shift: number) =>
  diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character + (d.range.start.line === 0 ? shift : 0), d.range.end.line, d.range.end.character + (d.range.end.line === 0 ? shift : 0)]);

test('documents with a BOM get the same findings as without, at line-1 columns + 1; hover and completion work on line 1', async () => {
  ({ session } = await LspSession.start({ folder, settings: { deployDoctor: { debounceMs: 20 } } }));
  for (const document of DOCUMENTS) {
    const plainUri = pathToFileURL(join(folder, 'plain', document.name)).href;
    const bomUri = pathToFileURL(join(folder, 'bom', document.name)).href;
    const plain = await session.openChecked(plainUri, document.text, document.language);
    const again = await session.openChecked(bomUri, `\ufeff${document.text}`, document.language);
    assert.ok(plain.diagnostics.length > 0, document.name);
    assert.deepEqual(shape(again.diagnostics, 0), shape(plain.diagnostics, 1), document.name);
    assert.ok(!again.diagnostics.some((d) => /\ufeff/.test(typeof d.message === 'string' ? d.message : d.message.value)), document.name);
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: bomUri }, position: { line: 0, character: 2 } });
    if (hover?.range) assert.ok(hover.range.start.character >= 1, `${document.name}: hover range ${JSON.stringify(hover.range)}`);
    await session.request('textDocument/completion', { textDocument: { uri: bomUri }, position: { line: 0, character: 1 } });
    await session.close(plainUri);
    await session.close(bomUri);
  }
});

test('quick fix and fix all keep the BOM', async () => {
  const uri = pathToFileURL(join(folder, 'fix.env')).href;
  const text = '\ufeffA=1\nA=2\nB=1\nB=2\n';
  const opened = await session.openChecked(uri, text, 'dotenv');
  const duplicate = opened.diagnostics.find((d) => d.code === 'env/duplicate-key')!;
  const quick = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: duplicate.range, context: { diagnostics: [duplicate] } });
  for (const action of quick) assert.ok(applyEdits(text, editsOf(action, uri)).startsWith('\ufeff'), action.title);
  const fixAll = await session.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(applyEdits(text, editsOf(fixAll[0]!, uri)), '\ufeffA=2\nB=2\n');
});

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit!;
  if (edit.documentChanges) {
    return edit.documentChanges.filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri).flatMap((change) => change.edits as TextEdit[]);
  }
  return edit.changes?.[uri] ?? [];
}
