/**
 * Runs the in-editor suite (test/vscode/suite) with @vscode/test-electron: in a VS Code desktop
 * build that it downloads, or the one at VSCODE_EXECUTABLE_PATH. Started by
 * `npm run test:vscode -- --electron`, which builds the suite and copies the fixture workspace
 * (DEPLOY_DOCTOR_SUITE, DEPLOY_DOCTOR_WORKSPACE). Where no desktop build can be had, the default
 * `npm run test:vscode` runs the same suite in code-server instead.
 */
import { runTests } from '@vscode/test-electron';
import { resolve } from 'node:path';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const suite = process.env.DEPLOY_DOCTOR_SUITE ?? resolve(root, 'out/vscode-suite/index.js');
  const workspace = process.env.DEPLOY_DOCTOR_WORKSPACE ?? resolve(root, 'test/vscode/fixtures/workspace');
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  await runTests({
    ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
    extensionDevelopmentPath: process.env.DEPLOY_DOCTOR_EXTENSION ?? root,
    extensionTestsPath: suite,
    // Other installed extensions stay out of the way; the one under development still loads.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
