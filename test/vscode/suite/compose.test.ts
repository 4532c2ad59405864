import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, applyCodeAction, closeAllEditors, expectDiagnostics, expectRule, expectText, fixtureUri, openFixture, quickFix } from './helpers';

describe('docker-compose files', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('reports the obsolete version, an undefined variable, a missing healthcheck, an undeclared volume and an exposed database', async () => {
    const editor = await openFixture('compose/docker-compose.yml');
    await expectDiagnostics(editor.document.uri, [
      { code: 'compose/version-obsolete', severity: 'warning', range: '0:0-0:14' },
      { code: 'compose/undefined-variable', severity: 'warning', range: '5:37-5:51' },
      { code: 'compose/healthcheck-missing', severity: 'error', range: '7:6-7:8' },
      { code: 'compose/undefined-reference', severity: 'warning', range: '10:8-10:15' },
      { code: 'compose/exposed-datastore', severity: 'warning', range: '14:8-14:19' },
    ]);
  });

  it('deletes the top-level version with its quick fix', async () => {
    const editor = await openFixture('compose/docker-compose.yml');
    const [version] = await expectRule(editor.document.uri, 'compose/version-obsolete', true);
    const rest = editor.document.getText().split('\n').slice(1).join('\n');
    await applyCodeAction(await quickFix(editor.document.uri, version!, /version/i));
    await expectText(editor.document, rest);
    await expectRule(editor.document.uri, 'compose/version-obsolete', false);
  });

  it('follows the sibling .env: compose/undefined-variable goes when the .env defines the variable and comes back when it does not', async () => {
    const compose = await openFixture('compose-vars/docker-compose.yml');
    await expectDiagnostics(compose.document.uri, [{ code: 'compose/undefined-variable', severity: 'warning', range: '4:17-4:29' }]);

    const env = await vscode.workspace.openTextDocument(fixtureUri('compose-vars/.env'));
    const original = env.getText();
    await replaceAndSave(env, `${original}API_TOKEN=from-the-env-file\n`);
    await expectDiagnostics(compose.document.uri, []);

    await replaceAndSave(env, original);
    await expectDiagnostics(compose.document.uri, [{ code: 'compose/undefined-variable', severity: 'warning', range: '4:17-4:29' }]);
  });

  it('adds the variable to the sibling .env with the compose/undefined-variable quick fix', async () => {
    const compose = await openFixture('compose-add-var/docker-compose.yml');
    const [undefinedVariable] = await expectRule(compose.document.uri, 'compose/undefined-variable', true);
    await applyCodeAction(await quickFix(compose.document.uri, undefinedVariable!, /QUEUE_URL/));
    const env = await vscode.workspace.openTextDocument(fixtureUri('compose-add-var/.env'));
    await expectText(env, 'APP_PORT=8080\nQUEUE_URL=\n');
    await expectRule(compose.document.uri, 'compose/undefined-variable', false);
    assert.equal(compose.document.getText().includes('${QUEUE_URL}'), true, 'the compose file is left as it was');
  });
});

/** Edits a document the way a user does in its editor, then saves it. */
async function replaceAndSave(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was refused');
  assert.ok(await document.save(), `${vscode.workspace.asRelativePath(document.uri)} was not saved`);
}
