import * as assert from 'node:assert/strict';
import { activateExtension, applyCodeAction, closeAllEditors, envValueAt, expectDiagnostics, expectRule, moveCursor, openFixture, quickFix, runAcceptingQuickPick } from './helpers';

/** `openssl rand -base64 32`: standard base64 of 32 bytes. */
const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;
/** Fernet.generate_key(): URL-safe base64 of 32 bytes, padded (44 characters). */
const FERNET = /^[A-Za-z0-9_-]{43}=$/;

describe('secrets', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('flags placeholder and weak secrets and a CORS wildcard in an AgentIM production .env, without quoting the secrets', async () => {
    const editor = await openFixture('secrets/.env');
    const diagnostics = await expectDiagnostics(editor.document.uri, [
      { code: 'secret/placeholder', severity: 'error', range: '3:11-3:31' },
      { code: 'secret/placeholder', severity: 'error', range: '4:15-4:23' },
      { code: 'secret/weak', severity: 'error', range: '5:15-5:26' },
      { code: 'cors/wildcard', severity: 'error', range: '6:12-6:13' },
    ]);
    for (const diagnostic of diagnostics) assert.ok(!diagnostic.message.includes('k3yT00sm4ll'), 'a message quotes the weak secret');
  });

  it('replaces a placeholder secret with a generated one through the quick fix', async () => {
    const editor = await openFixture('secrets-fix/.env');
    const [placeholder] = await expectRule(editor.document.uri, 'secret/placeholder', true);
    assert.equal(placeholder!.range.start.line, 2);
    await applyCodeAction(await quickFix(editor.document.uri, placeholder!, /generat|replace/i));
    const value = envValueAt(editor.document, 2);
    assert.ok(editor.document.lineAt(2).text.startsWith('JWT_SECRET='), 'the key is kept');
    assert.ok(BASE64_32.test(value), 'JWT_SECRET is now base64 of 32 bytes (openssl rand -base64 32)');
    await expectRule(editor.document.uri, 'secret/placeholder', false);
  });

  it('Generate Key… on a secret preselects its format and replaces the value (AgentIM ENCRYPTION_KEY: base64, 32 bytes)', async () => {
    const editor = await openFixture('keys/agentim/.env');
    await expectRule(editor.document.uri, 'secret/weak', true);
    const before = editor.document.getText().split('\n');
    moveCursor(editor, 3, 2);
    assert.equal(await runAcceptingQuickPick<boolean>('deployDoctor.generateKey'), true, 'the command reports that it edited the file');
    const after = editor.document.getText().split('\n');
    assert.ok(after[3]!.startsWith('ENCRYPTION_KEY='), 'the key is kept');
    assert.ok(BASE64_32.test(envValueAt(editor.document, 3)), 'ENCRYPTION_KEY is now base64 of 32 bytes');
    assert.deepEqual([...after.slice(0, 3), ...after.slice(4)], [...before.slice(0, 3), ...before.slice(4)], 'only the secret line changed');
    await expectRule(editor.document.uri, 'secret/weak', false);
  });

  it('Generate Key… writes a Fernet key for Firefly Desk FLYDESK_CREDENTIAL_ENCRYPTION_KEY, and a new one each time', async () => {
    const editor = await openFixture('keys/firefly-desk/.env');
    moveCursor(editor, 1, 5);
    await runAcceptingQuickPick('deployDoctor.generateKey');
    const first = envValueAt(editor.document, 1);
    assert.ok(FERNET.test(first), 'the value is a Fernet key (URL-safe base64 of 32 bytes)');
    assert.equal(Buffer.from(first, 'base64url').length, 32);
    await runAcceptingQuickPick('deployDoctor.generateKey');
    const second = envValueAt(editor.document, 1);
    assert.ok(FERNET.test(second), 'the second value is a Fernet key too');
    assert.ok(second !== first, 'each run generates a new key');
    await expectRule(editor.document.uri, 'secret/placeholder', false);
  });

  it('switches development mode off with the security/dev-mode quick fix', async () => {
    const editor = await openFixture('dev-mode/.env');
    const [devMode] = await expectRule(editor.document.uri, 'security/dev-mode', true);
    await applyCodeAction(await quickFix(editor.document.uri, devMode!, /false|production/i));
    assert.equal(editor.document.lineAt(0).text, 'FLYDESK_DEV_MODE=false');
    await expectRule(editor.document.uri, 'security/dev-mode', false);
  });
});
