import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Engine, LineIndex, pathToUri, type CheckResult, type Diagnostic, type ResolvedFix, type Span, type WorkspaceView } from '../../server/src/engine';
import { allRules } from '../../server/src/engine/rules';
import { applyEdits, filesUnder } from '../../server/src/engine/testing';
import { genericFiles, generatedFiles } from './variants';

/**
 * Every fix the engine offers (preferred or not, of every safety), applied alone to every example,
 * fixture and corpus file and to files generated from every product's schema with wrong values:
 * the file still parses, the finding it fixed is gone from its place, no error appears anywhere
 * (nor any schema finding on what the fix wrote), and BOM, line endings and comments are kept.
 */
const roots = [
  join(process.cwd(), 'examples'),
  join(process.cwd(), 'test', 'vscode', 'fixtures'),
  join(process.cwd(), '..', 'shared', 'corpus'),
].filter(existsSync);

const engine = new Engine();

interface Input {
  readonly label: string;
  readonly path: string;
  readonly text: string;
  readonly workspace: (overrides: ReadonlyMap<string, string>) => WorkspaceView;
}

const diskFiles = roots.flatMap((root) => filesUnder(root)).filter((path) => engine.kindOf(pathToUri(path), readFileSync(path, 'utf8')) !== undefined);

function diskWorkspace(overrides: ReadonlyMap<string, string>): WorkspaceView {
  return {
    readText: (uri) => {
      if (overrides.has(uri)) return overrides.get(uri);
      try {
        return readFileSync(decodeURIComponent(new URL(uri).pathname), 'utf8');
      } catch {
        return undefined;
      }
    },
    files: () => diskFiles.map(pathToUri),
  };
}

function memoryWorkspace(files: Readonly<Record<string, string>>): (overrides: ReadonlyMap<string, string>) => WorkspaceView {
  const base = new Map(Object.entries(files).map(([path, text]) => [pathToUri(path), text]));
  return (overrides) => ({
    readText: (uri) => (overrides.has(uri) ? overrides.get(uri) : base.get(uri)),
    files: () => [...new Set([...base.keys(), ...overrides.keys()])],
  });
}

const inputs: Input[] = [
  ...diskFiles.map((path) => ({ label: relative(process.cwd(), path), path, text: readFileSync(path, 'utf8'), workspace: diskWorkspace })),
  ...[...generatedFiles(), ...genericFiles()].map((file) => ({
    label: file.label,
    path: file.path,
    text: file.text,
    workspace: memoryWorkspace({ ...file.files, [file.path]: file.text }),
  })),
];

/*
 * Fixes that legitimately leave something behind, by rule id, with the reason.
 *
 * Revealing fixes: the errors of ABSENCE_RULES they bring are revealed, not created. Switching a
 * development setting to production (security/dev-mode), or a placeholder fallback to a required
 * variable (secret/placeholder's `:?`), makes requirements apply that the switch was hiding; a
 * value made readable (schema/invalid-value: `PGVECTOR` to `pgvector`) lets the cross-setting
 * checks see what the user meant.
 */
const REVEALING_FIXES = new Set(['security/dev-mode', 'secret/placeholder', 'schema/invalid-value']);
const ABSENCE_RULES = new Set(['schema/missing-required', 'secret/missing', 'schema/conflict', 'compose/undefined-variable']);
/*
 * Follow-ups: a setting with no example value is added empty for the user to fill in (a `choice`
 * fix titled "then fill in its value"); its finding then says the setting is empty.
 */
const FOLLOW_UP_FIXES = new Set(['schema/missing-required']);

/** True when `a` and `b` share a character, or an empty one lies strictly inside the other (or both are one point). */
function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return overlaps(b, a);
  return a.start < b.end && b.start < a.end;
}
const countBy = (diagnostics: readonly Diagnostic[], keep: (d: Diagnostic) => boolean) => {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (keep(d)) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return counts;
};
const isSyntax = (d: Diagnostic) => d.rule.endsWith('/syntax');
const isError = (d: Diagnostic) => d.severity === 'error';
const COMMENT_LINE = /^[ \t]*#.*$/gm;
const commentLines = (text: string): string[] => [...(text.match(COMMENT_LINE) ?? [])];

interface Applied {
  readonly fixed: string;
  /** Where the fix's new text lies in the fixed document. */
  readonly written: Span[];
  /** Maps an offset of the original text to the fixed text (an offset inside an edit goes to its start). */
  readonly map: (offset: number) => number;
  readonly overrides: Map<string, string>;
}

function apply(input: Input, uri: string, fix: ResolvedFix): Applied {
  const overrides = new Map<string, string>();
  const base = input.workspace(new Map());
  for (const change of fix.changes) {
    const original = change.uri === uri ? input.text : (base.readText(change.uri) ?? '');
    overrides.set(change.uri, applyEdits(overrides.get(change.uri) ?? original, change.edits));
  }
  const lines = new LineIndex(input.text);
  const placed = fix.changes
    .filter((change) => change.uri === uri)
    .flatMap((change) => change.edits)
    .map((edit) => ({ ...lines.spanOf(edit.range), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  const written: Span[] = [];
  let delta = 0;
  for (const edit of placed) {
    written.push({ start: edit.start + delta, end: edit.start + delta + edit.newText.length });
    delta += edit.newText.length - (edit.end - edit.start);
  }
  const map = (offset: number) => {
    let shift = 0;
    for (const edit of placed) {
      if (offset < edit.start) break;
      if (offset < edit.end) return edit.start + shift;
      shift += edit.newText.length - (edit.end - edit.start);
    }
    return offset + shift;
  };
  return { fixed: overrides.get(uri) ?? input.text, written, map, overrides };
}

function problemsOfFix(input: Input, before: CheckResult, diagnostic: Diagnostic, fix: ResolvedFix): string[] {
  const uri = before.uri;
  const { fixed, written, map, overrides } = apply(input, uri, fix);
  const after = engine.check({ uri, text: fixed }, input.workspace(overrides));
  const problems: string[] = [];
  // (a) the file still parses.
  const syntaxBefore = countBy(before.diagnostics, isSyntax);
  for (const [rule, count] of countBy(after.diagnostics, isSyntax)) if (count > (syntaxBefore.get(rule) ?? 0)) problems.push(`adds a ${rule} finding`);
  // (b) the finding is gone from its place: fewer findings of its rule there than before.
  const place = diagnostic.span;
  const mapped = { start: map(place.start), end: Math.max(map(place.start), map(place.end)) };
  const here = (d: Diagnostic, span: Span) => d.rule === diagnostic.rule && overlaps(d.span, span);
  const hereBefore = before.diagnostics.filter((d) => here(d, place)).length;
  const hereAfter = after.diagnostics.filter((d) => here(d, mapped) || (written.some((w) => here(d, w)))).length;
  const followUp = FOLLOW_UP_FIXES.has(diagnostic.rule) && fix.safety === 'choice';
  if (hereAfter >= hereBefore && !followUp) problems.push('the finding is still there');
  // (c) no new error anywhere, and no schema finding on what the fix wrote.
  const errorsBefore = countBy(before.diagnostics, isError);
  for (const [rule, count] of countBy(after.diagnostics, isError)) {
    if (count <= (errorsBefore.get(rule) ?? 0)) continue;
    if (REVEALING_FIXES.has(diagnostic.rule) && ABSENCE_RULES.has(rule)) continue;
    problems.push(`adds a ${rule} error`);
  }
  const schemaOnWritten = (d: Diagnostic) => d.rule.startsWith('schema/') && written.some((w) => overlaps(d.span, w));
  for (const d of after.diagnostics.filter(schemaOnWritten)) {
    if (d.rule === diagnostic.rule && (followUp || d.message === diagnostic.message)) continue;
    if (REVEALING_FIXES.has(diagnostic.rule) && ABSENCE_RULES.has(d.rule)) continue;
    const existed = before.diagnostics.some((old) => old.rule === d.rule && old.message === d.message);
    if (!existed) problems.push(`writes a value that gets ${d.rule}: ${d.message}`);
  }
  // Edits to other files (a variable added to `.env`) must leave those parsing too.
  for (const [otherUri, otherText] of overrides) {
    if (otherUri === uri) continue;
    const original = input.workspace(new Map()).readText(otherUri) ?? '';
    const kind = engine.kindOf(otherUri, otherText);
    if (!kind) continue;
    const otherBefore = engine.check({ uri: otherUri, text: original, kind }, input.workspace(new Map())).diagnostics.filter(isSyntax).length;
    const otherAfter = engine.check({ uri: otherUri, text: otherText, kind }, input.workspace(overrides)).diagnostics.filter(isSyntax).length;
    if (otherAfter > otherBefore) problems.push(`breaks the syntax of ${otherUri}`);
  }
  // (d) BOM, line endings and comments outside the fix's edits are kept.
  if (input.text.startsWith('\uFEFF') !== fixed.startsWith('\uFEFF')) problems.push('changes the BOM');
  const crlf = /\r\n/.test(input.text);
  const bareLf = /(^|[^\r])\n/.test(input.text);
  if (crlf && !bareLf && /(^|[^\r])\n/.test(fixed)) problems.push('writes a bare LF into a CRLF file');
  if (!crlf && bareLf && /\r\n/.test(fixed)) problems.push('writes CRLF into an LF file');
  const lines = new LineIndex(input.text);
  const edited = fix.changes.filter((change) => change.uri === uri).flatMap((change) => change.edits.map((edit) => lines.spanOf(edit.range)));
  const keptComments = commentLines(fixed);
  for (const match of input.text.matchAll(COMMENT_LINE)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (edited.some((edit) => overlaps(edit, span))) continue;
    if (!keptComments.includes(match[0])) problems.push(`loses the comment ${JSON.stringify(match[0].slice(0, 40))}`);
  }
  return problems;
}

test(`every fix, applied alone, leaves a valid file (${inputs.length} inputs)`, (t) => {
  let applied = 0;
  const perRule = new Map<string, number>();
  const problems: string[] = [];
  for (const input of inputs) {
    const uri = pathToUri(input.path);
    const before = engine.check({ uri, text: input.text }, input.workspace(new Map()));
    for (const diagnostic of before.diagnostics) {
      for (const fix of diagnostic.fixes) {
        applied++;
        perRule.set(diagnostic.rule, (perRule.get(diagnostic.rule) ?? 0) + 1);
        for (const problem of problemsOfFix(input, before, diagnostic, fix)) problems.push(`${input.label}: ${diagnostic.rule} "${fix.title}" (${fix.safety}): ${problem}`);
      }
    }
  }
  t.diagnostic(`${applied} fixes applied: ${[...perRule].sort().map(([rule, count]) => `${rule} ${count}`).join(', ')}`);
  assert.ok(applied > 1000, `only ${applied} fixes applied`);
  const neverApplied = allRules.filter((rule) => rule.meta.fixable && !perRule.has(rule.meta.id)).map((rule) => rule.meta.id);
  assert.deepEqual(neverApplied, [], 'every rule whose meta says fixable has a fix applied here: add an input that gets one');
  assert.deepEqual([...new Set(problems)], []);
});
