import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, expectRule, openFixture } from './helpers';

describe('hover and completion', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('hovering a setting shows what the product does with it', async () => {
    const editor = await openFixture('secrets/.env');
    await expectRule(editor.document.uri, 'secret/weak', true);
    const text = await hoverText(editor.document.uri, new vscode.Position(3, 4));
    assert.match(text, /JWT_SECRET/);
    assert.match(text, /Signs access and refresh tokens/, 'the hover gives the setting\'s documentation');
  });

  it('hovering a secret never shows its value', async () => {
    const editor = await openFixture('secrets/.env');
    await expectRule(editor.document.uri, 'secret/weak', true);
    for (const character of [3, 18]) {
      const text = await hoverText(editor.document.uri, new vscode.Position(5, character));
      assert.ok(!text.includes('k3yT00sm4ll'), 'the hover quotes the secret');
    }
  });

  it('hovering an nginx directive shows its documentation', async () => {
    const editor = await openFixture('nginx/nginx.conf');
    const text = await hoverText(editor.document.uri, new vscode.Position(14, 16));
    assert.match(text, /proxy_buffering/);
    assert.match(text, /buffering of responses/i, 'the hover quotes nginx\'s documentation of the directive');
  });

  it('completes the keys the product reads in its .env', async () => {
    const editor = await openFixture('completion/.env');
    const labels = await completionLabels(editor.document.uri, new vscode.Position(2, 5));
    assert.ok(labels.includes('ENCRYPTION_KEY'), `ENCRYPTION_KEY is not offered after "ENCRY"; offered: ${labels.slice(0, 20).join(', ')}`);
  });

  it('completes nginx directives valid in the block', async () => {
    const editor = await openFixture('completion-nginx/nginx.conf');
    const line = editor.document.lineAt(10);
    assert.equal(line.text.trim(), 'proxy_pass http://127.0.0.1:8000;');
    assert.ok(await editor.edit((builder) => builder.insert(line.range.end, '\n            proxy_buff')));
    const labels = await completionLabels(editor.document.uri, new vscode.Position(11, 22));
    assert.ok(labels.includes('proxy_buffering'), `proxy_buffering is not offered after "proxy_buff"; offered: ${labels.slice(0, 20).join(', ')}`);
  });
});

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * The labels of the completion items offered at `position`, without VS Code's word-based
 * suggestions (kind Text: words of open files, which would offer keys the file's neighbours use).
 */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).filter((item) => item.kind !== vscode.CompletionItemKind.Text).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}
