import type { CodeAction as LspCodeAction, CodeActionParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { codeActionsFor, type CheckResult, type Diagnostic, type Engine, type FileKind, type Range, type WorkspaceView } from '../engine';
import type { CheckOptions } from '../engine';
import { isDiagnosticData, SOURCE, toLspDiagnostic } from './convert';
import { toWorkspaceEdit, type EditSupport } from './edits';

export interface CodeActionInput {
  readonly params: CodeActionParams;
  readonly document: { readonly uri: string; readonly text: string; readonly kind: FileKind };
  readonly checked: { readonly version: number; readonly result: CheckResult };
  readonly engine: Engine;
  readonly workspace: WorkspaceView;
  readonly options: CheckOptions;
  readonly editSupport: EditSupport;
  readonly relatedInformation: boolean;
  versionOf(uri: string): number | null;
  exists(uri: string): boolean;
}

/** LSP code actions for a request: the engine's actions, with workspace edits the client can apply. */
export function provideCodeActions(input: CodeActionInput): LspCodeAction[] {
  const { params, checked } = input;
  const all = checked.result.diagnostics;
  const selected = selectDiagnostics(params, checked.version, all);
  const actions = codeActionsFor(input.document, selected, all, { engine: input.engine, workspace: input.workspace, options: input.options }, params.context.only);
  const lspDiagnostic = (diagnostic: Diagnostic) => toLspDiagnostic(diagnostic, { version: checked.version, index: all.indexOf(diagnostic) }, input.relatedInformation);
  const result: LspCodeAction[] = [];
  for (const action of actions) {
    const edit = toWorkspaceEdit(action.changes, input.editSupport, input.versionOf, input.exists);
    if (!edit) continue;
    result.push({
      title: action.title,
      kind: action.kind,
      ...(action.isPreferred ? { isPreferred: true } : {}),
      diagnostics: action.diagnostics.map(lspDiagnostic),
      edit,
    });
  }
  return result;
}

/**
 * The engine diagnostics the request is about: those the client sends back (found by the data
 * we published, or by rule and range when the data is from an older check), else those under the
 * requested range.
 */
function selectDiagnostics(params: CodeActionParams, version: number, all: readonly Diagnostic[]): Diagnostic[] {
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
  if (ours.length === 0) return all.filter((diagnostic) => intersects(diagnostic.range, params.range));
  const selected = new Set<Diagnostic>();
  for (const sent of ours) {
    const match = byData(sent, version, all) ?? all.find((diagnostic) => diagnostic.rule === sent.code && sameRange(diagnostic.range, sent.range));
    if (match) selected.add(match);
  }
  return [...selected];
}

function byData(sent: LspDiagnostic, version: number, all: readonly Diagnostic[]): Diagnostic | undefined {
  if (!isDiagnosticData(sent.data) || sent.data.version !== version) return undefined;
  const diagnostic = all[sent.data.index];
  return diagnostic && diagnostic.rule === sent.code ? diagnostic : undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function intersects(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
