import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, deployDoctorDiagnostics, expectDiagnostics, openFixture, waitFor } from './helpers';

/** Inserts one of the extension's snippets by name, as choosing it from the suggestions does. */
async function insertSnippet(editor: vscode.TextEditor, langId: string, name: string): Promise<void> {
  const before = editor.document.version;
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId, name });
  await vscode.commands.executeCommand('leaveSnippet');
  assert.ok(editor.document.version > before, `the snippet "${name}" was not inserted (is it contributed for ${langId}?)`);
}

describe('snippets', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('the Postgres healthcheck snippet under a database service clears compose/healthcheck-missing', async () => {
    const editor = await openFixture('snippet-compose/docker-compose.yml');
    await expectDiagnostics(editor.document.uri, [{ code: 'compose/healthcheck-missing', severity: 'error', range: '4:6-4:8' }]);
    editor.selection = new vscode.Selection(8, 4, 8, 4);
    await insertSnippet(editor, 'dockercompose', 'Postgres healthcheck');
    assert.match(editor.document.getText(), /\n {4}healthcheck:\n {6}test: \["CMD-SHELL", "pg_isready -U postgres -d postgres"\]\n/);
    await expectDiagnostics(editor.document.uri, []);
  });

  it('the SSE location snippet in place of a bare proxy location leaves no finding', async () => {
    const editor = await openFixture('snippet-nginx/nginx.conf');
    await expectDiagnostics(editor.document.uri, [
      { code: 'nginx/sse-buffering', severity: 'warning', range: '13:8-13:25' },
      { code: 'nginx/sse-connection', severity: 'warning', range: '13:8-13:25' },
      { code: 'nginx/sse-connection', severity: 'warning', range: '13:8-13:25' },
    ]);
    editor.selection = new vscode.Selection(13, 8, 15, 9);
    await insertSnippet(editor, 'nginx', 'SSE location');
    assert.match(editor.document.getText(), /location \/events\/ \{[^}]*proxy_buffering off;[^}]*\}/);
    await expectDiagnostics(editor.document.uri, []);
  });

  it('the AgentIM production .env snippet sets every required key: only the values to generate are flagged', async () => {
    const editor = await openFixture('snippet-env/.env');
    await insertSnippet(editor, 'dotenv', 'AgentIM production .env');
    const diagnostics = await waitFor(
      () => deployDoctorDiagnostics(editor.document.uri),
      (found) => found.some((diagnostic) => codeOf(diagnostic) === 'secret/placeholder'),
    );
    assert.ok(diagnostics.length > 0, 'the placeholders left for Generate Key are flagged');
    for (const diagnostic of diagnostics) {
      const line = editor.document.lineAt(diagnostic.range.start.line).text;
      assert.ok(['secret/placeholder', 'schema/conflict'].includes(codeOf(diagnostic)), `${codeOf(diagnostic)} on line ${diagnostic.range.start.line + 1}: the snippet should only leave values to generate`);
      assert.ok(line.includes('<generate-key>'), `${codeOf(diagnostic)} on line ${diagnostic.range.start.line + 1}, which has nothing to generate`);
    }
  });
});
