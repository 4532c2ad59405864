import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { stripSnippet, toLspCompletion, toLspDiagnostic } from '../../server/src/lsp/convert';
import { checkText } from '../../server/src/engine/testing';

test('a snippet becomes plain text for clients without snippet support: placeholders keep their defaults', () => {
  assert.equal(stripSnippet('FLYDESK_CORS_ORIGINS=${1:["https://a.example"]}'), 'FLYDESK_CORS_ORIGINS=["https://a.example"]');
  assert.equal(stripSnippet('MODE=${1|production,development|}$0'), 'MODE=production');
  assert.equal(stripSnippet('A=${2}\\$HOME'), 'A=$HOME');
  const document = TextDocument.create('file:///p/.env', 'dotenv', 1, 'A\n');
  const item = toLspCompletion(document, { label: 'A', kind: 'key', insertText: 'A=${1:x}', isSnippet: true, replace: { start: 0, end: 1 } }, false);
  assert.equal(item.insertTextFormat, 1);
  assert.deepEqual(item.textEdit, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'A=x' });
});

test('a published diagnostic carries the rule as code, its docs link, and no fix in its data', () => {
  const result = checkText('A=1\nA=2\n', { kind: 'env' });
  const diagnostic = result.diagnostics.find((item) => item.rule === 'env/duplicate-key')!;
  const lsp = toLspDiagnostic(diagnostic, { version: 3, index: 0 }, false);
  assert.equal(lsp.code, 'env/duplicate-key');
  assert.equal(lsp.source, 'deploy-doctor');
  assert.equal(lsp.codeDescription?.href, diagnostic.docsUrl);
  assert.deepEqual(lsp.data, { version: 3, index: 0 });
  assert.equal(lsp.relatedInformation, undefined, 'left out when the client does not support it');
});
