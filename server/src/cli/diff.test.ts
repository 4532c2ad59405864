import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { unifiedDiff } from './diff';

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `L${i + 1}\n`).join('');

test('equal texts give no diff', () => {
  assert.equal(unifiedDiff('A=1\n', 'A=1\n', '.env'), '');
});

test('one changed line, three lines of context each side', () => {
  const before = numbered(10);
  const after = before.replace('L5\n', 'L5 changed\n');
  assert.equal(unifiedDiff(before, after, 'x/.env'), '--- a/x/.env\n+++ b/x/.env\n@@ -2,7 +2,7 @@\n L2\n L3\n L4\n-L5\n+L5 changed\n L6\n L7\n L8\n');
});

test('changes far apart make two hunks; close ones one', () => {
  const before = numbered(20);
  const far = before.replace('L2\n', 'two\n').replace('L18\n', '');
  assert.equal(
    unifiedDiff(before, far, 'f'),
    '--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n L1\n-L2\n+two\n L3\n L4\n L5\n@@ -15,6 +15,5 @@\n L15\n L16\n L17\n-L18\n L19\n L20\n',
  );
  const close = before.replace('L2\n', 'two\n').replace('L9\n', 'nine\n');
  assert.equal((unifiedDiff(before, close, 'f').match(/^@@/gm) ?? []).length, 1);
});

test('an insertion at the start and a line added at the end without a newline', () => {
  assert.equal(unifiedDiff('A=1\n', '# top\nA=1\n', 'f'), '--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+# top\n A=1\n');
  assert.equal(unifiedDiff('A=1\n', 'A=1\nB=2', 'f'), '--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n A=1\n+B=2\n\\ No newline at end of file\n');
});

test('CRLF lines keep their line breaks in the diff', () => {
  assert.equal(unifiedDiff('A=1\r\nB=2\r\n', 'A=1\r\nB=3\r\n', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n A=1\r\n-B=2\r\n+B=3\r\n');
});

test('a shortest script: moved blocks and repeated lines', () => {
  const before = 'a\nb\nc\na\nb\nb\na\n';
  const after = 'c\nb\na\nb\na\nc\n';
  const diff = unifiedDiff(before, after, 'f');
  const changes = diff.split('\n').filter((line) => /^[-+][^-+]/.test(line) || line === '-' || line === '+');
  assert.equal(changes.length, 5, diff);
});
