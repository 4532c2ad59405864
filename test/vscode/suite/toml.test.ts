import * as assert from 'node:assert/strict';
import { activateExtension, applyCodeAction, closeAllEditors, expectDiagnostics, expectRule, openFixture, quickFix } from './helpers';

describe('config.toml files', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('reports an unquoted value in a Flovyn config.toml at the value', async () => {
    const editor = await openFixture('toml/config.toml');
    await expectDiagnostics(editor.document.uri, [{ code: 'toml/syntax', severity: 'error', range: '13:15-13:17' }]);
  });

  it('turns authentication back on with the security/dev-mode quick fix', async () => {
    const editor = await openFixture('toml-schema/config.toml');
    const [devMode] = await expectRule(editor.document.uri, 'security/dev-mode', true);
    assert.equal(devMode!.range.start.line, 9);
    await applyCodeAction(await quickFix(editor.document.uri, devMode!, /true|production|enable/i));
    assert.equal(editor.document.lineAt(9).text, 'enabled = true');
    await expectRule(editor.document.uri, 'security/dev-mode', false);
  });

  it('renames a misspelt key to the one Flovyn reads with the schema/unknown-key quick fix', async () => {
    const editor = await openFixture('toml-schema/config.toml');
    const [unknown] = await expectRule(editor.document.uri, 'schema/unknown-key', true);
    assert.equal(unknown!.range.start.line, 5);
    await applyCodeAction(await quickFix(editor.document.uri, unknown!, /http_port/));
    assert.equal(editor.document.lineAt(5).text, 'http_port = 8000');
    await expectRule(editor.document.uri, 'schema/unknown-key', false);
  });
});
