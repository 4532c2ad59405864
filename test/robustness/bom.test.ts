import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine, pathToUri, type FileKind } from '../../server/src/engine';
import { pathFor } from './inputs';
import { workspaceOf } from './invariants';

/*
 * A leading byte-order mark, as some editors send it: the same findings as without it, one
 * character to the right on the first line (the host counts the mark), and no edit touches it.
 */
const engine = new Engine();
const texts: Record<FileKind, string> = {
  nginx: 'server {\n  listen 80;\n  server_tokens on;\n}\n',
  env: 'JWT_SECRET=changeme\nDEBUG=true\n',
  compose: 'services:\n  app:\n    image: nginx:latest\n',
  toml: 'title = "x" y\n[server]\nport = 1\n',
};

for (const kind of Object.keys(texts) as FileKind[]) {
  test(`${kind}: a leading BOM gives the same findings, shifted one character on line 1, and fixes keep it`, () => {
    const text = texts[kind];
    const uri = pathToUri(pathFor(kind));
    const plain = engine.check({ uri, text, kind }, workspaceOf({}));
    const withBom = engine.check({ uri, text: `\ufeff${text}`, kind }, workspaceOf({}));
    assert.ok(plain.diagnostics.length > 0);
    assert.deepEqual(
      withBom.diagnostics.map((d) => [d.rule, d.message, d.range.start.line, d.range.start.character, d.span.start]),
      plain.diagnostics.map((d) => [d.rule, d.message, d.range.start.line, d.range.start.character + (d.range.start.line === 0 ? 1 : 0), d.span.start + 1]),
    );
    for (const diagnostic of withBom.diagnostics) {
      for (const fix of diagnostic.fixes) for (const change of fix.changes) for (const edit of change.edits) {
        if (change.uri === uri && edit.range.start.line === 0) assert.ok(edit.range.start.character >= 1, `${fix.title} edits the BOM`);
      }
    }
    const hoverPlain = engine.hover({ uri, text, kind }, workspaceOf({}), 2);
    const hoverBom = engine.hover({ uri, text: `\ufeff${text}`, kind }, workspaceOf({}), 3);
    assert.deepEqual(hoverBom && { ...hoverBom, span: { start: hoverBom.span.start - 1, end: hoverBom.span.end - 1 } }, hoverPlain);
    assert.deepEqual(engine.complete({ uri, text: `\ufeff${text}`, kind }, workspaceOf({}), 1).map((item) => item.label), engine.complete({ uri, text, kind }, workspaceOf({}), 0).map((item) => item.label));
  });
}
