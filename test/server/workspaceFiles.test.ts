import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToUri } from '../../server/src/engine';
import { WorkspaceFiles } from '../../server/src/lsp/workspaceFiles';

const folder = mkdtempSync(join(tmpdir(), 'dd-workspace-files-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return pathToUri(path);
}

test('disk text is cached up to a bound, least recently read dropped first, and every read stays right', async () => {
  const workspace = new WorkspaceFiles(new TextDocuments(TextDocument), 100);
  await workspace.index([folder], [], () => false);
  const uris = Array.from({ length: 10 }, (_, index) => file(`${index}.env`, `KEY_${index}=${'x'.repeat(30)}\n`));
  for (const [index, uri] of uris.entries()) {
    assert.equal(workspace.readText(uri), `KEY_${index}=${'x'.repeat(30)}\n`);
    assert.ok(workspace.cachedChars <= 100, `${workspace.cachedChars} characters cached after ${index + 1} files`);
  }
  // The first files were dropped from the cache, not lost: they are read again.
  assert.equal(workspace.readText(uris[0]!), `KEY_0=${'x'.repeat(30)}\n`);
  // A file larger than the whole bound is still served (and is all the cache holds).
  const large = file('large.env', `BIG=${'y'.repeat(500)}\n`);
  assert.equal(workspace.readText(large)?.length, 505);
  assert.equal(workspace.cachedChars, 505);
});

test('a file changed on disk is read again, never served from the cache', async () => {
  const workspace = new WorkspaceFiles(new TextDocuments(TextDocument));
  await workspace.index([folder], [], () => false);
  const uri = file('changed.env', 'A=1\n');
  assert.equal(workspace.readText(uri), 'A=1\n');
  const path = join(folder, 'changed.env');
  writeFileSync(path, 'A=2\n');
  // Same size: only the modification time tells the two apart.
  utimesSync(path, new Date(), new Date(Date.now() + 5_000));
  assert.equal(workspace.readText(uri), 'A=2\n');
  workspace.changed(uri);
  assert.equal(workspace.cachedChars, 0);
});
