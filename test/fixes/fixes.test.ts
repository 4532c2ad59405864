import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Engine, pathToUri, type Diagnostic, type WorkspaceView } from '../../server/src/engine';
import { applyEdits, filesUnder } from '../../server/src/engine/testing';

/**
 * Every quick fix the engine offers, applied to every example, in-editor fixture and corpus file:
 * the finding it fixes disappears, no new error appears, and the file keeps its BOM and line
 * endings. Fixes that edit other files (add a variable to `.env`) are applied to both.
 */
const roots = [join(process.cwd(), 'examples'), join(process.cwd(), 'test', 'vscode', 'fixtures'), join(process.cwd(), '..', 'shared', 'corpus')].filter(existsSync);

const engine = new Engine();
const files = roots.flatMap((root) => filesUnder(root)).filter((path) => engine.kindOf(pathToUri(path), readFileSync(path, 'utf8')) !== undefined);

/** The disk, with some files replaced. */
function workspaceWith(overrides: ReadonlyMap<string, string>): WorkspaceView {
  return {
    readText: (uri) => {
      if (overrides.has(uri)) return overrides.get(uri);
      const path = decodeURIComponent(new URL(uri).pathname);
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    files: () => files.map(pathToUri),
  };
}

/*
 * Switching a development setting to its production value (security/dev-mode), or a placeholder
 * fallback to a required variable (secret/placeholder's `:?` fix), makes requirements apply that
 * the switch was hiding: the errors that then report an absent setting are revealed, not created.
 */
const REVEALING_FIXES = new Set(['security/dev-mode', 'secret/placeholder']);
const ABSENCE_RULES = new Set(['schema/missing-required', 'secret/missing', 'schema/conflict', 'compose/undefined-variable']);

const key = (diagnostic: Diagnostic) => `${diagnostic.rule}|${diagnostic.message}`;
const errorCounts = (diagnostics: readonly Diagnostic[]) => {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error') counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return counts;
};
const lineEndings = (text: string) => ({ crlf: /\r\n/.test(text), bareLf: /(^|[^\r])\n/.test(text), bom: text.startsWith('\uFEFF') });

test(`every offered fix removes its finding and adds no error (${files.length} files)`, (t) => {
  if (files.length === 0) return t.skip('no files');
  let applied = 0;
  const problems: string[] = [];
  for (const path of files) {
    const uri = pathToUri(path);
    const text = readFileSync(path, 'utf8');
    const before = engine.check({ uri, text }, workspaceWith(new Map()));
    for (const diagnostic of before.diagnostics) {
      for (const fix of diagnostic.fixes) {
        if (fix.title.startsWith('Disable')) continue;
        const overrides = new Map<string, string>();
        for (const change of fix.changes) {
          const original = change.uri === uri ? text : (workspaceWith(new Map()).readText(change.uri) ?? '');
          overrides.set(change.uri, applyEdits(overrides.get(change.uri) ?? original, change.edits));
        }
        const fixed = overrides.get(uri) ?? text;
        const after = engine.check({ uri, text: fixed }, workspaceWith(overrides));
        applied++;
        const where = `${relative(process.cwd(), path)}: ${diagnostic.rule} "${fix.title}"`;
        const sameBefore = before.diagnostics.filter((d) => key(d) === key(diagnostic)).length;
        const sameAfter = after.diagnostics.filter((d) => key(d) === key(diagnostic)).length;
        if (sameAfter >= sameBefore) problems.push(`${where}: the finding is still there`);
        const errorsBefore = errorCounts(before.diagnostics);
        for (const [rule, count] of errorCounts(after.diagnostics)) {
          if (count <= (errorsBefore.get(rule) ?? 0)) continue;
          if (REVEALING_FIXES.has(diagnostic.rule) && ABSENCE_RULES.has(rule)) continue;
          problems.push(`${where}: adds a ${rule} error`);
        }
        const endingsBefore = lineEndings(text);
        const endingsAfter = lineEndings(fixed);
        if (endingsBefore.bom !== endingsAfter.bom) problems.push(`${where}: changes the BOM`);
        if (endingsBefore.crlf && !endingsBefore.bareLf && endingsAfter.bareLf) problems.push(`${where}: writes a bare LF into a CRLF file`);
      }
    }
  }
  t.diagnostic(`${applied} fixes applied`);
  assert.ok(applied > 0, 'some fixes were applied');
  assert.deepEqual(problems, []);
});
