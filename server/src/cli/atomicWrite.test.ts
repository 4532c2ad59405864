import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { replaceFileAtomically, temporaryPathFor } from './atomicWrite';

function folder(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-write-')));
  after(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  });
  return root;
}

const OLD = Buffer.from('A=1\n');
const NEW = Buffer.from('A=2\n');

test('replaces the file, keeps its mode, leaves no temporary file', { skip: process.platform === 'win32' }, () => {
  const root = folder();
  const path = join(root, '.env');
  writeFileSync(path, OLD);
  chmodSync(path, 0o640);
  assert.deepEqual(replaceFileAtomically(path, OLD, NEW), { written: true });
  assert.equal(readFileSync(path, 'utf8'), 'A=2\n');
  assert.equal(statSync(path).mode & 0o7777, 0o640);
  assert.deepEqual(readdirSync(root), ['.env']);
});

test('a symbolic link is not written through', { skip: process.platform === 'win32' }, () => {
  const root = folder();
  writeFileSync(join(root, 'target.env'), OLD);
  symlinkSync('target.env', join(root, '.env'));
  assert.deepEqual(replaceFileAtomically(join(root, '.env'), OLD, NEW), { written: false, reason: 'not fixed: is a symbolic link' });
  assert.equal(readFileSync(join(root, 'target.env'), 'utf8'), 'A=1\n');
});

test('a file changed after it was read is left alone, the temporary file removed', () => {
  const root = folder();
  const path = join(root, '.env');
  writeFileSync(path, OLD);
  const result = replaceFileAtomically(path, OLD, NEW, { beforeReplace: () => writeFileSync(path, 'A=edited\n') });
  assert.deepEqual(result, { written: false, reason: 'changed on disk during the run, not fixed' });
  assert.equal(readFileSync(path, 'utf8'), 'A=edited\n');
  assert.deepEqual(readdirSync(root), ['.env']);
});

test('a file replaced by a folder between read and write: a message, no temporary file left', () => {
  const root = folder();
  const path = join(root, '.env');
  writeFileSync(path, OLD);
  const result = replaceFileAtomically(path, OLD, NEW, {
    beforeReplace: () => {
      unlinkSync(path);
      mkdirSync(path);
    },
  });
  assert.deepEqual(result, { written: false, reason: 'changed on disk during the run (now a directory), not fixed' });
  assert.ok(statSync(path).isDirectory());
  assert.deepEqual(readdirSync(root), ['.env']);
});

test('a deleted file or folder is not recreated', () => {
  const root = folder();
  const sub = join(root, 'deploy');
  mkdirSync(sub);
  const path = join(sub, '.env');
  writeFileSync(path, OLD);
  const deleted = replaceFileAtomically(path, OLD, NEW, { beforeReplace: () => unlinkSync(path) });
  assert.deepEqual(deleted, { written: false, reason: 'changed on disk during the run (no such file or directory), not fixed' });
  assert.deepEqual(readdirSync(sub), []);

  writeFileSync(path, OLD);
  const folderGone = replaceFileAtomically(path, OLD, NEW, { beforeReplace: () => rmSync(sub, { recursive: true }) });
  assert.equal(folderGone.written, false);
  assert.deepEqual(readdirSync(root), []);
});

test('a target that is a folder is refused by name of the problem', () => {
  const root = folder();
  mkdirSync(join(root, '.env'));
  assert.deepEqual(replaceFileAtomically(join(root, '.env'), OLD, NEW), { written: false, reason: 'not fixed: not a regular file' });
  assert.deepEqual(readdirSync(join(root, '.env')), []);
});

test('a temporary file in the way is not overwritten', () => {
  const root = folder();
  const path = join(root, '.env');
  writeFileSync(path, OLD);
  writeFileSync(temporaryPathFor(path), 'someone else\n');
  const result = replaceFileAtomically(path, OLD, NEW);
  assert.equal(result.written, false);
  assert.match(result.written ? '' : result.reason, /^not fixed: \.\.env\.deploy-doctor-\d+\.tmp already exists$/);
  assert.equal(readFileSync(temporaryPathFor(path), 'utf8'), 'someone else\n');
  assert.equal(readFileSync(path, 'utf8'), 'A=1\n');
});

const asRoot = process.getuid?.() === 0;

test('a read-only folder: a message, the file untouched', { skip: process.platform === 'win32' || (asRoot && 'root writes into a read-only folder') }, () => {
  const root = folder();
  const path = join(root, '.env');
  writeFileSync(path, OLD);
  chmodSync(root, 0o555);
  assert.deepEqual(replaceFileAtomically(path, OLD, NEW), { written: false, reason: 'not fixed: permission denied' });
  assert.equal(readFileSync(path, 'utf8'), 'A=1\n');
});

test('a read-only file: a message, the file untouched', { skip: process.platform === 'win32' || (asRoot && 'root writes a read-only file') }, () => {
  const root = folder();
  const path = join(root, '.env');
  writeFileSync(path, OLD);
  chmodSync(path, 0o444);
  assert.deepEqual(replaceFileAtomically(path, OLD, NEW), { written: false, reason: 'not fixed: permission denied' });
  assert.equal(readFileSync(path, 'utf8'), 'A=1\n');
});
