import * as assert from 'node:assert/strict';
import { activateExtension, applyCodeAction, closeAllEditors, codeOf, expectDiagnostics, expectRule, expectText, openFixture, quickFix, setText } from './helpers';

describe('.env files', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('reports a syntax error, an overridden key and a stale disable comment, each where it is', async () => {
    const editor = await openFixture('env-syntax/.env');
    const diagnostics = await expectDiagnostics(editor.document.uri, [
      { code: 'deploy-doctor/unused-disable', severity: 'hint', range: '0:0-0:51' },
      { code: 'env/syntax', severity: 'error', range: '2:0-2:22' },
      { code: 'env/duplicate-key', severity: 'warning', range: '3:0-3:4' },
    ]);
    const duplicate = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'env/duplicate-key');
    assert.match(duplicate?.message ?? '', /line 5/, 'the message says which line wins');
    const docs = typeof duplicate?.code === 'object' ? duplicate.code.target.toString() : '';
    assert.equal(docs, 'https://github.com/deploy-doctor/deploy-doctor/blob/main/docs/rules/env/duplicate-key.md', 'the rule id links to its docs page');
  });

  it('deletes the overridden line with the duplicate-key quick fix', async () => {
    const editor = await openFixture('env-fix/.env');
    const [duplicate] = await expectDiagnostics(editor.document.uri, [{ code: 'env/duplicate-key', severity: 'warning', range: '0:0-0:9' }]);
    await applyCodeAction(await quickFix(editor.document.uri, duplicate!, /delete/i));
    await expectText(editor.document, 'APP_NAME=demo\nLOG_LEVEL=info\n');
    await expectDiagnostics(editor.document.uri, []);
  });

  it('re-checks as the user types', async () => {
    const editor = await openFixture('env-live/.env');
    await setText(editor, 'APP_NAME=demo\nnot a setting\n');
    await expectDiagnostics(editor.document.uri, [{ code: 'env/syntax', severity: 'error', range: '1:0-1:13' }]);
    await setText(editor, 'APP_NAME=demo\nNOT_A_PROBLEM=1\n');
    await expectRule(editor.document.uri, 'env/syntax', false);
  });
});
