import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'deploy-doctor.deploy-doctor';

/** How long the language server may take to (re)publish after an edit, start-up included. */
const SETTLE_MS = 20_000;

/**
 * Activates the extension and waits for its language server. The extension's API exposes a
 * `ready` promise; only that member is relied on.
 */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const api: unknown = await extension.activate();
  if (typeof api === 'object' && api !== null && 'ready' in api && api.ready instanceof Promise) await api.ready;
}

/** A file of the test workspace (a fresh copy of test/vscode/fixtures/workspace per run). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** A diagnostic as the user sees it: rule id, severity and `line:character-line:character` (0-based). */
export interface SeenDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly range: string;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, SeenDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function seen(diagnostics: readonly vscode.Diagnostic[]): SeenDiagnostic[] {
  return diagnostics
    .map((diagnostic) => ({ code: codeOf(diagnostic), severity: SEVERITIES[diagnostic.severity], range: rangeText(diagnostic.range) }))
    .sort((a, b) => compareRanges(a.range, b.range) || a.code.localeCompare(b.code));
}

function compareRanges(a: string, b: string): number {
  const numbers = (text: string) => text.split(/[:-]/).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** The `source` the Problems panel shows for Deploy Doctor's diagnostics. */
export const SOURCE = 'deploy-doctor';

/** Deploy Doctor's diagnostics of `uri` (other extensions' are left out). */
export function deployDoctorDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/**
 * Waits until `uri`'s diagnostics are exactly `expected` (in `seen` order), then returns them;
 * fails with the last list seen when they do not settle there in time.
 */
export async function expectDiagnostics(uri: vscode.Uri, expected: readonly SeenDiagnostic[], timeoutMs = SETTLE_MS): Promise<vscode.Diagnostic[]> {
  const ordered = [...expected].sort((a, b) => compareRanges(a.range, b.range) || a.code.localeCompare(b.code));
  const last = await waitFor(
    () => deployDoctorDiagnostics(uri),
    (diagnostics) => isDeepStrictEqual(seen(diagnostics), ordered),
    timeoutMs,
  );
  assert.deepStrictEqual(seen(last), ordered, `diagnostics of ${vscode.workspace.asRelativePath(uri)}`);
  return last;
}

/** Waits until `uri` has a diagnostic of rule `code` (or, with `present` false, has none). */
export async function expectRule(uri: vscode.Uri, code: string, present: boolean, timeoutMs = SETTLE_MS): Promise<vscode.Diagnostic[]> {
  const last = await waitFor(
    () => deployDoctorDiagnostics(uri),
    (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === code) === present,
    timeoutMs,
  );
  assert.equal(
    last.some((diagnostic) => codeOf(diagnostic) === code),
    present,
    `${vscode.workspace.asRelativePath(uri)} should ${present ? '' : 'no longer '}have ${code}; it has ${JSON.stringify(seen(last))}`,
  );
  return last.filter((diagnostic) => codeOf(diagnostic) === code);
}

/** Polls `read` until `done` holds or time runs out; returns the last value read. */
export async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = SETTLE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** Replaces the whole text of `editor`'s document. */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const edited = await editor.edit((builder) => builder.replace(whole, text));
  assert.ok(edited, 'the editor refused the edit');
}

/**
 * The quick fixes offered for the diagnostic of rule `code` at `range`, resolved, as
 * the light bulb would list them.
 */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 50);
  return (actions ?? []).filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action || 'diagnostics' in action);
}

/** Applies a code action the way choosing it in the light bulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Closes every editor without saving, so each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
