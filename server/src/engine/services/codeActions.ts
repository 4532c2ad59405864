import type { CheckOptions, Engine } from '../engine';
import { LineIndex } from '../text';
import type { Diagnostic, FileKind, ResolvedFileEdit, ResolvedTextEdit, WorkspaceView } from '../types';
import { fixAllEdits } from './fixAll';

/**
 * Code actions for diagnostics, as plain data: the rules' own quick fixes, "Disable <rule> for
 * this line" (SPEC §4's directive comment) and "fix all". Hosts turn them into LSP code actions.
 */
export const FIX_ALL_KIND = 'source.fixAll.deployDoctor';
export type CodeActionKind = 'quickfix' | typeof FIX_ALL_KIND;

export interface CodeAction {
  readonly title: string;
  readonly kind: CodeActionKind;
  readonly isPreferred: boolean;
  /** The diagnostics the action resolves. */
  readonly diagnostics: readonly Diagnostic[];
  /** Edits per file; the checked document's own edits included. */
  readonly changes: readonly ResolvedFileEdit[];
}

/** The document the diagnostics belong to, and how to re-check it (to prove a disable comment works). */
export interface CodeActionDocument {
  readonly uri: string;
  readonly text: string;
  readonly kind: FileKind;
}

export interface CodeActionContext {
  readonly engine: Engine;
  readonly workspace: WorkspaceView;
  readonly options?: CheckOptions;
}

/**
 * Each disable action is proven by a re-check: a request for a whole file's diagnostics offers it
 * for the first ones only, so a file with hundreds of findings still answers at once.
 */
const MAX_DISABLE_ACTIONS = 20;

/** Rules a directive comment cannot silence (the engine always reports them) or should not. */
const NOT_DISABLABLE = new Set(['deploy-doctor/internal-error', 'deploy-doctor/unused-disable']);

/** Every fix the rule offers for this diagnostic, as quick fixes. */
export function quickFixes(diagnostic: Diagnostic): CodeAction[] {
  return diagnostic.fixes.map((fix) => ({
    title: fix.title,
    kind: 'quickfix',
    isPreferred: fix.isPreferred,
    diagnostics: [diagnostic],
    changes: fix.changes,
  }));
}

/**
 * "Disable <rule> for this line": a `# deploy-doctor disable-next-line <rule>` comment above the
 * diagnostic's first line, with that line's indentation and the file's line break, or the rule
 * added to such a comment already there. Some places cannot take a comment (inside a multi-line
 * value, a finding anchored at the top of the file): the edit is re-checked, and when it does not
 * silence the finding the action disables the rule for the file instead.
 */
export function disableAction(
  document: CodeActionDocument,
  diagnostic: Diagnostic,
  context: CodeActionContext,
  current: readonly Diagnostic[] = context.engine.check(document, context.workspace, context.options).diagnostics,
): CodeAction | undefined {
  if (NOT_DISABLABLE.has(diagnostic.rule)) return undefined;
  const lines = new LineIndex(document.text);
  const forLine = disableNextLineEdit(document.text, lines, diagnostic);
  if (silences(document, lines, diagnostic, forLine, context, current)) {
    return action(`Disable ${diagnostic.rule} for this line`, document.uri, diagnostic, forLine);
  }
  const forFile = disableFileEdit(document.text, lines, diagnostic.rule);
  if (silences(document, lines, diagnostic, forFile, context, current)) {
    return action(`Disable ${diagnostic.rule} for this file`, document.uri, diagnostic, forFile);
  }
  return undefined;
}

/** "Fix all Deploy Doctor problems in this file": every preferred, non-overlapping, single-file fix. */
export function fixAllAction(uri: string, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const edits = fixAllEdits(uri, diagnostics);
  if (edits.length === 0) return undefined;
  const fixed = diagnostics.filter((diagnostic) => diagnostic.fixes.some((fix) => fix.isPreferred));
  return { title: 'Fix all Deploy Doctor problems in this file', kind: FIX_ALL_KIND, isPreferred: false, diagnostics: fixed, changes: [{ uri, edits }] };
}

/**
 * The actions for `selected` (the diagnostics under the cursor) of a document whose current
 * diagnostics are `all`. `only` filters by kind prefix, as LSP's `CodeActionContext.only` does.
 */
export function codeActionsFor(
  document: CodeActionDocument,
  selected: readonly Diagnostic[],
  all: readonly Diagnostic[],
  context: CodeActionContext,
  only?: readonly string[],
): CodeAction[] {
  const wants = (kind: CodeActionKind) => !only || only.length === 0 || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const actions: CodeAction[] = [];
  if (wants('quickfix')) {
    for (const diagnostic of selected) actions.push(...quickFixes(diagnostic));
    const disabled = new Set<string>();
    for (const diagnostic of selected) {
      const key = `${diagnostic.rule}@${diagnostic.range.start.line}`;
      if (disabled.has(key) || disabled.size >= MAX_DISABLE_ACTIONS) continue;
      disabled.add(key);
      const disable = disableAction(document, diagnostic, context, all);
      if (disable) actions.push(disable);
    }
  }
  // Editors show source actions only where asked for by kind (Source Action…, codeActionsOnSave).
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document.uri, all);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** The edit that writes or extends `# deploy-doctor disable-next-line` above the diagnostic's line. */
export function disableNextLineEdit(text: string, lines: LineIndex, diagnostic: Diagnostic): ResolvedTextEdit {
  const line = diagnostic.range.start.line;
  if (line > 0) {
    const above = text.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1));
    const existing = /^(\s*#\s*deploy-doctor\s+disable-next-line\s+)(\S.*?)(\s+--.*)?\s*$/.exec(above);
    if (existing && existing[2]!.split(/[\s,]+/).filter(Boolean).length > 0) {
      const character = existing[1]!.length + existing[2]!.length;
      const position = { line: line - 1, character };
      return { range: { start: position, end: position }, newText: `, ${diagnostic.rule}` };
    }
  }
  const start = lines.lineStart(line);
  const bom = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineText = text.slice(start + bom, lines.lineEnd(line));
  const indentation = /^[ \t]*/.exec(lineText)![0];
  const position = { line, character: bom };
  return { range: { start: position, end: position }, newText: `${indentation}# deploy-doctor disable-next-line ${diagnostic.rule}${lines.eol}` };
}

/** The edit that writes `# deploy-doctor disable <rule>` as the file's first line. */
export function disableFileEdit(text: string, lines: LineIndex, rule: string): ResolvedTextEdit {
  const position = { line: 0, character: text.charCodeAt(0) === 0xfeff ? 1 : 0 };
  return { range: { start: position, end: position }, newText: `# deploy-doctor disable ${rule}${lines.eol}` };
}

/** True when the text with `edit` applied reports the rule less often and no new unused comment. */
function silences(
  document: CodeActionDocument,
  lines: LineIndex,
  diagnostic: Diagnostic,
  edit: ResolvedTextEdit,
  context: CodeActionContext,
  before: readonly Diagnostic[],
): boolean {
  const text = document.text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + document.text.slice(lines.offsetAt(edit.range.end));
  const after = context.engine.check({ ...document, text }, context.workspace, context.options).diagnostics;
  const count = (list: readonly Diagnostic[], rule: string) => list.filter((item) => item.rule === rule).length;
  return count(after, diagnostic.rule) < count(before, diagnostic.rule) && count(after, 'deploy-doctor/unused-disable') <= count(before, 'deploy-doctor/unused-disable');
}

function action(title: string, uri: string, diagnostic: Diagnostic, edit: ResolvedTextEdit): CodeAction {
  return { title, kind: 'quickfix', isPreferred: false, diagnostics: [diagnostic], changes: [{ uri, edits: [edit] }] };
}
