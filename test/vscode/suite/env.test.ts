import * as assert from 'node:assert/strict';
import { activateExtension, closeAllEditors, codeOf, expectDiagnostics, openFixture } from './helpers';

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
    assert.equal(typeof duplicate?.code === 'object' ? duplicate.code.target.toString() : '', 'https://github.com/deploy-doctor/deploy-doctor/blob/main/docs/rules/env/duplicate-key.md');
  });
});
