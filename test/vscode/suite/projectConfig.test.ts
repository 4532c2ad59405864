import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, deployDoctorDiagnostics, EXTENSION_ID, expectDiagnostics, fixtureUri, openFixture, seen, type SeenDiagnostic } from './helpers';

/* `.deploy-doctor.yaml` in VS Code: project-config/ has its own (root: true), so no other fixture folder changes. */

const BILLING = 'project-config/billing/.env';
const COMPOSE = 'project-config/docker-compose.yml';
const CONFIG = 'project-config/.deploy-doctor.yaml';

const BILLING_UNDER_CONFIG: SeenDiagnostic[] = [
  { code: 'secret/missing', severity: 'error', range: '0:0-0:18' },
  { code: 'schema/invalid-value', severity: 'error', range: '0:13-0:18' },
];

interface CliJson {
  diagnostics: { file: string; rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[];
}

const CLI_SEVERITIES: Record<string, SeenDiagnostic['severity']> = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' };

/** The CLI the extension ships (dist/cli.js in the VSIX) run on the folder, its findings in `seen`'s shape per file. */
function cliFindings(folder: vscode.Uri): Map<string, SeenDiagnostic[]> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const cli = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'cli.js').fsPath;
  // Under Electron the extension host's executable runs as Node only when told to.
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '.'], { cwd: folder.fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000 });
  assert.equal(result.status, 1, `the CLI failed: ${result.stderr}`);
  const byFile = new Map<string, SeenDiagnostic[]>();
  for (const d of (JSON.parse(result.stdout) as CliJson).diagnostics) {
    // 1-based, end column one past the last character: the editor's 0-based range plus one.
    const list = byFile.get(d.file) ?? [];
    list.push({ code: d.rule, severity: CLI_SEVERITIES[d.severity]!, range: `${d.line - 1}:${d.column - 1}-${d.endLine - 1}:${d.endColumn - 1}` });
    byFile.set(d.file, list);
  }
  return byFile;
}

describe('.deploy-doctor.yaml', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it("applies the folder's config, re-checks an open document when the config is edited and saved, and agrees with the CLI", async () => {
    const billing = await openFixture(BILLING);
    // env/duplicate-key is off and billing-api is the config's own product.
    await expectDiagnostics(billing.document.uri, BILLING_UNDER_CONFIG);

    const config = await vscode.workspace.openTextDocument(fixtureUri(CONFIG));
    const text = config.getText();
    const at = text.indexOf('env/duplicate-key: off') + 'env/duplicate-key: '.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(config.uri, new vscode.Range(config.positionAt(at), config.positionAt(at + 3)), 'warning');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit of the config was refused');
    assert.ok(await config.save(), 'the config was not saved');
    // The .env was never reopened: the server re-checked it for the config change.
    await expectDiagnostics(billing.document.uri, [...BILLING_UNDER_CONFIG, { code: 'env/duplicate-key', severity: 'warning', range: '1:0-1:3' }]);

    const compose = await openFixture(COMPOSE);
    await expectDiagnostics(compose.document.uri, [{ code: 'compose/image-tag', severity: 'information', range: '2:11-2:23' }]);
    await openFixture(CONFIG);
    await expectDiagnostics(config.uri, []);

    const fromCli = cliFindings(fixtureUri('project-config'));
    const inEditor = new Map<string, SeenDiagnostic[]>();
    for (const path of [BILLING, COMPOSE, CONFIG]) {
      const found = seen(deployDoctorDiagnostics(fixtureUri(path)));
      if (found.length > 0) inEditor.set(path.slice('project-config/'.length), found);
    }
    const shape = (byFile: Map<string, SeenDiagnostic[]>) => Object.fromEntries([...byFile].map(([file, list]) => [file, list.map((d) => JSON.stringify(d)).sort()]).sort());
    assert.deepEqual(shape(inEditor), shape(fromCli));
  });
});
