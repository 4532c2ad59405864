import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'deploy-doctor.deploy-doctor';

/**
 * How long the language server may take to (re)publish after an edit, start-up included; generous
 * because a busy 2-core machine is slow, and a wait ends as soon as the expected state is seen.
 */
const SETTLE_MS = 30_000;

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
 * The quick fixes the light bulb lists at `diagnostic`'s range, resolved so each carries its edit.
 * (The command's results do not say which diagnostics they fix: callers pick by title.)
 */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 50);
  const isCodeAction = (action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction => typeof action.command !== 'string';
  return (actions ?? []).filter(isCodeAction);
}

/** Applies a code action the way choosing it in the light bulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/**
 * Saves what a test changed (each test has its own fixture files, in a throw-away copy of the
 * workspace) and closes every editor: closing a modified editor would wait on a "Save?" dialog.
 */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Puts the cursor at `line`:`character` of `editor`. */
export function moveCursor(editor: vscode.TextEditor, line: number, character: number): void {
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
}

/**
 * Runs a command that shows a quick pick and accepts the item it preselects, as a user pressing
 * Enter would; resolves with the command's result.
 */
export async function runAcceptingQuickPick<T>(command: string, timeoutMs = SETTLE_MS): Promise<T | undefined> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    await sleep(250);
    // A no-op while no quick pick is open (the command may still be asking the server).
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  assert.ok(settled, `${command} did not finish within ${timeoutMs / 1000} s`);
  return result;
}

/** The value after `KEY=` on `line` of `document`. */
export function envValueAt(document: vscode.TextDocument, line: number): string {
  const text = document.lineAt(line).text;
  return text.slice(text.indexOf('=') + 1);
}

/** The quick fix titled like `title` among those offered for `diagnostic`. */
export async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const fixes = await quickFixesFor(uri, diagnostic);
  const fix = fixes.find((action) => title.test(action.title));
  assert.ok(fix, `no quick fix like ${title} for ${codeOf(diagnostic)}; offered: ${JSON.stringify(fixes.map((action) => action.title))}`);
  return fix;
}

/** Waits until `document`'s text is `expected`. */
export async function expectText(document: vscode.TextDocument, expected: string): Promise<void> {
  const text = await waitFor(() => document.getText(), (value) => value === expected, 5_000);
  assert.equal(text, expected, `text of ${vscode.workspace.asRelativePath(document.uri)}`);
}
