import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

/** Printed for `npm run bench` (scripts/bench/activation.ts reads this line from the suite's output). */
export const ACTIVATION_MARKER = 'DEPLOY_DOCTOR_ACTIVATION';

describe('activation', () => {
  it('activates on a workspace with configuration files, and reports how long it and the server start took', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    // The fixture workspace has a .env: `workspaceContains` activated the extension with the window.
    const api: unknown = extension.isActive ? extension.exports : await extension.activate();
    assert.ok(typeof api === 'object' && api !== null && 'activationTimes' in api, 'the API reports activation times');
    const times = (await api.activationTimes) as { activateMs: number; serverReadyMs: number };
    assert.ok(Number.isFinite(times.activateMs) && times.activateMs >= 0, `activateMs ${times.activateMs}`);
    assert.ok(Number.isFinite(times.serverReadyMs) && times.serverReadyMs >= times.activateMs, `serverReadyMs ${times.serverReadyMs}`);
    console.log(`[deploy-doctor-suite] ${ACTIVATION_MARKER} ${JSON.stringify(times)}`);
  });
});
