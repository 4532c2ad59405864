import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToUri } from '../engine';
import { FileSystemWorkspace } from './workspace';

test('side files that are not there are the rules\' business; one that is there but unreadable is listed', { skip: process.platform === 'win32' }, () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-workspace-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'file'), 'A=1\n');
  execFileSync('mkfifo', [join(root, 'fifo.env')]);
  const workspace = new FileSystemWorkspace();
  const missing = pathToUri(join(root, 'missing.env'));
  const underAFile = pathToUri(join(root, 'file', '.env'));
  const fifo = pathToUri(join(root, 'fifo.env'));
  for (const uri of [missing, underAFile, fifo, 'untitled:Untitled-1']) assert.equal(workspace.readText(uri), undefined);
  assert.deepEqual(workspace.load(missing), { error: 'no such file or directory', absent: true });
  assert.deepEqual(workspace.load(underAFile), { error: 'not a directory', absent: true });
  assert.deepEqual(workspace.sideFilesNotRead(), [{ uri: fifo, reason: 'not a regular file; not read' }]);
});
