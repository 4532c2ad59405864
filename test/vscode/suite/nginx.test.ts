import * as assert from 'node:assert/strict';
import { activateExtension, applyCodeAction, closeAllEditors, expectDiagnostics, expectRule, openFixture, quickFix } from './helpers';

describe('nginx configuration', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('reports a directive in the wrong block, an invalid argument, a missing semicolon and an unknown directive', async () => {
    const editor = await openFixture('nginx/nginx.conf');
    await expectDiagnostics(editor.document.uri, [
      { code: 'nginx/directive-context', severity: 'error', range: '10:8-10:22' },
      { code: 'nginx/invalid-args', severity: 'error', range: '14:28-14:33' },
      { code: 'nginx/syntax', severity: 'error', range: '15:34-15:39' },
      { code: 'nginx/unknown-directive', severity: 'error', range: '19:8-19:16' },
    ]);
  });

  it('inserts the missing semicolon with the nginx/syntax quick fix', async () => {
    const editor = await openFixture('nginx-fix/nginx.conf');
    const [syntax] = await expectDiagnostics(editor.document.uri, [{ code: 'nginx/syntax', severity: 'error', range: '11:18-11:28' }]);
    await applyCodeAction(await quickFix(editor.document.uri, syntax!, /;/));
    assert.equal(editor.document.lineAt(11).text, '            index index.html;');
    await expectDiagnostics(editor.document.uri, []);
  });

  it('asks for proxy_buffering off in a Firefly Desk SSE location, and inserts it', async () => {
    const editor = await openFixture('nginx-sse/nginx.conf');
    const [buffering] = await expectRule(editor.document.uri, 'nginx/sse-buffering', true);
    await applyCodeAction(await quickFix(editor.document.uri, buffering!, /proxy_buffering/));
    assert.match(editor.document.getText(), /location \/api\/ \{[^}]*proxy_buffering off;[^}]*\}/);
    await expectRule(editor.document.uri, 'nginx/sse-buffering', false);
  });
});
