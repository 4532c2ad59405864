import { lstatSync } from 'node:fs';
import {
  applyTextEdits,
  fixAllEdits,
  MAX_FILE_CHARS,
  placeEdits,
  type CheckOptions,
  type CheckResult,
  type Diagnostic,
  type Engine,
  type ResolvedFix,
  type ResolvedTextEdit,
  type Span,
} from '../engine';
import { readRegularFile } from '../shared/regularFile';
import { replaceFileAtomically, type ReplaceHooks } from './atomicWrite';
import type { Report } from './check';
import type { JsonFixedFile } from './format/json';
import { unifiedDiff } from './diff';
import { describeFsError } from './errors';
import type { FixRequest } from './fixOptions';
import { carrySecretSpans, maskSecretSettings, maskSpans } from './maskSecrets';
import { decodeRewritable } from './rewritableText';
import { FileSystemWorkspace } from './workspace';

/** A fix can make another applicable (or undo one); the passes stop here whatever happens. */
const MAX_PASSES = 10;

export interface FixedFile {
  readonly path: string;
  readonly display: string;
  readonly fixes: number;
  /** Fixes applied per rule id, in the order first applied. */
  readonly byRule: ReadonlyMap<string, number>;
}

export interface NotFixedFile {
  readonly display: string;
  readonly reason: string;
}

export interface FixOutcome {
  /** Files written (a dry run: files that would be). */
  readonly fixed: readonly FixedFile[];
  /** Files with fixes that were left alone, and why: exit code 2. */
  readonly notFixed: readonly NotFixedFile[];
  /** A dry run's diff of every file it would change, generated secrets masked. */
  readonly diff: string;
  /** A dry run's findings left in each file it would change, by path. */
  readonly remaining: ReadonlyMap<string, CheckResult>;
}

/** What checking one file takes: its engine and options (from its project config). */
export type SetupFor = (path: string) => { readonly engine: Engine; readonly options: CheckOptions };

/**
 * Applies to each checked file the fixes "Fix all" takes in the editor, of the kinds the request
 * lets run, re-checking the fixed text until no more apply, and writes it (a dry run: diffs it).
 * Fixes that edit other files are left out, as in the editor's "Fix all".
 */
export function applyFixes(request: FixRequest, report: Report, setupFor: SetupFor, hooks?: ReplaceHooks): FixOutcome {
  const accepts = (fix: ResolvedFix) => request.safeties.has(fix.safety);
  const workspace = new FileSystemWorkspace();
  workspace.setFiles(report.checked.map((file) => file.result.uri));
  const fixed: FixedFile[] = [];
  const notFixed: NotFixedFile[] = [];
  const diffs: string[] = [];
  const remaining = new Map<string, CheckResult>();

  for (const file of report.checked) {
    const { kind, uri, diagnostics } = file.result;
    if (kind === undefined || fixAllEdits(uri, diagnostics, accepts).length === 0) continue;
    const refused = (reason: string) => notFixed.push({ display: file.display, reason });
    const read = readForFix(file.path);
    if ('error' in read) {
      refused(read.error);
      continue;
    }
    const { engine, options } = setupFor(file.path);
    const check = (text: string) => engine.check({ uri, text, kind }, workspace, options);
    const result = fixText(read.text, uri, check, accepts);
    if (result.text === read.text) continue;
    const summary: FixedFile = { path: file.path, display: file.display, fixes: result.fixes, byRule: result.byRule };
    if (request.dryRun) {
      diffs.push(unifiedDiff(maskSecretSettings(read.text), maskSecretSettings(maskSpans(result.text, result.secretSpans)), file.display));
      remaining.set(file.path, result.last);
      fixed.push(summary);
      continue;
    }
    const written = replaceFileAtomically(file.path, read.bytes, read.encode(result.text), hooks);
    if (written.written) fixed.push(summary);
    else refused(written.reason);
  }
  return { fixed, notFixed, diff: diffs.join(''), remaining };
}

type ReadForFix = { readonly bytes: Buffer; readonly text: string; encode(text: string): Buffer } | { readonly error: string };

function readForFix(path: string): ReadForFix {
  try {
    if (lstatSync(path).isSymbolicLink()) return { error: 'not fixed: is a symbolic link' };
    const bytes = readRegularFile(path, (MAX_FILE_CHARS + 1) * 4);
    const decoded = decodeRewritable(bytes);
    if (!decoded) return { error: 'not fixed: not valid UTF-8, so it could not be written back as it was' };
    return { bytes, text: decoded.text, encode: decoded.encode };
  } catch (error) {
    return { error: `not fixed: ${describeFsError(error)}` };
  }
}

interface FixedText {
  readonly text: string;
  readonly fixes: number;
  readonly byRule: Map<string, number>;
  /** Where the generated secrets are in `text`. */
  readonly secretSpans: readonly Span[];
  /** The check of `text`. */
  readonly last: CheckResult;
}

/** Pass after pass: check, take "Fix all"'s edits, apply them, until none are left or MAX_PASSES. */
function fixText(original: string, uri: string, check: (text: string) => CheckResult, accepts: (fix: ResolvedFix) => boolean): FixedText {
  let text = original;
  let fixes = 0;
  const byRule = new Map<string, number>();
  let secretSpans: Span[] = [];
  for (let pass = 0; ; pass++) {
    const last = check(text);
    const edits = fixAllEdits(uri, last.diagnostics, accepts);
    if (edits.length === 0 || pass === MAX_PASSES) return { text, fixes, byRule, secretSpans, last };
    const fixOf = fixesByEdit(uri, last.diagnostics);
    const applied = new Set<ResolvedFix>();
    for (const edit of edits) {
      const fix = fixOf.get(edit);
      if (fix) applied.add(fix);
    }
    const next = applyTextEdits(text, edits);
    if (next === text) return { text, fixes, byRule, secretSpans, last };
    for (const fix of applied) byRule.set(fix.rule, (byRule.get(fix.rule) ?? 0) + 1);
    fixes += applied.size;
    secretSpans = carrySecretSpans(secretSpans, placeEdits(text, edits), (placed) => fixOf.get(placed.edit)?.safety === 'secret');
    text = next;
  }
}

/** fixAllEdits returns the fixes' own edit objects: each maps back to its fix (rule, safety). */
function fixesByEdit(uri: string, diagnostics: readonly Diagnostic[]): Map<ResolvedTextEdit, ResolvedFix> {
  const byEdit = new Map<ResolvedTextEdit, ResolvedFix>();
  for (const diagnostic of diagnostics) {
    for (const fix of diagnostic.fixes) {
      if (!fix.isPreferred) continue;
      for (const change of fix.changes) if (change.uri === uri) for (const edit of change.edits) byEdit.set(edit, fix);
    }
  }
  return byEdit;
}

/** `.env: 3 fixes (env/quote 2, secret/missing 1)` */
export function describeFixed(file: FixedFile): string {
  const rules = [...file.byRule].map(([rule, count]) => `${rule} ${count}`).join(', ');
  return `${file.display}: ${file.fixes} ${file.fixes === 1 ? 'fix' : 'fixes'} (${rules})`;
}

/**
 * The report to print and exit on after fixing: a fresh check of the tree when files were
 * written (a fix in one file changes what another's cross-file rules see), the findings a dry
 * run would leave otherwise.
 */
export function reportAfterFixes(request: FixRequest, report: Report, outcome: FixOutcome, recheck: () => Report): Report {
  if (!request.dryRun) return outcome.fixed.length > 0 ? recheck() : report;
  return { ...report, checked: report.checked.map((file) => ({ ...file, result: outcome.remaining.get(file.path) ?? file.result })) };
}

/** stderr lines: what was fixed (text output only, as ESLint keeps machine output clean) and what was not. */
export function fixMessages(request: FixRequest, outcome: FixOutcome, textOutput: boolean): string[] {
  const lines: string[] = [];
  if (textOutput) for (const file of outcome.fixed) lines.push(`deploy-doctor: ${request.dryRun ? 'would fix' : 'fixed'} ${describeFixed(file)}\n`);
  for (const file of outcome.notFixed) lines.push(`deploy-doctor: ${file.display}: ${file.reason}\n`);
  return lines;
}

export function jsonFixed(file: FixedFile): JsonFixedFile {
  return { file: file.display, fixes: file.fixes, rules: Object.fromEntries(file.byRule) };
}
