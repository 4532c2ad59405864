import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { ResolvedTextEdit } from '../types';
import { applyTextEdits, placeEdits } from './applyEdits';

const edit = (line: number, character: number, endLine: number, endCharacter: number, newText: string): ResolvedTextEdit => ({
  range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
  newText,
});

test('edits apply against the original text, whatever order they are given in', () => {
  const text = 'A=1\r\nB=2\r\nC=3\r\n';
  const edits = [edit(2, 2, 2, 3, '30'), edit(0, 2, 0, 3, '10'), edit(1, 0, 1, 0, '# b\r\n')];
  assert.equal(applyTextEdits(text, edits), 'A=10\r\n# b\r\nB=2\r\nC=30\r\n');
});

test('insertions at one point keep their order, before a replacement starting there', () => {
  const text = 'KEY=old\n';
  const edits = [edit(0, 4, 0, 7, 'new'), edit(0, 4, 0, 4, '"'), edit(0, 4, 0, 4, '<')];
  assert.equal(applyTextEdits(text, edits), 'KEY="<new\n');
  assert.deepEqual(placeEdits(text, edits).map((placed) => [placed.start, placed.end, placed.edit.newText]), [[4, 4, '"'], [4, 4, '<'], [4, 7, 'new']]);
});

test('no edits: the text unchanged', () => {
  assert.equal(applyTextEdits('A=1\n', []), 'A=1\n');
});
