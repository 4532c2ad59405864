import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from './text';

test('positions count LF, CRLF and lone CR line breaks', () => {
  const index = new LineIndex('a\nbc\r\nd\re');
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 1 });
  assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(8), { line: 3, character: 0 });
  assert.equal(index.lineCount, 4);
});

test('offsetAt is the inverse of positionAt and clamps past the line end', () => {
  const text = 'KEY=1\r\nOTHER=2\n';
  const index = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n is not a position
    assert.equal(index.offsetAt(index.positionAt(offset)), offset);
  }
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 5);
  assert.equal(index.lineEnd(1), 14);
});

test('eol is the first line break the file uses', () => {
  assert.equal(new LineIndex('a\r\nb\n').eol, '\r\n');
  assert.equal(new LineIndex('a\nb\r\n').eol, '\n');
  assert.equal(new LineIndex('one line').eol, '\n');
});

test('an offset inside a CRLF maps to the end of its line, never past it', () => {
  const index = new LineIndex('ab\r\ncd');
  assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(index.rangeOf({ start: 1, end: 3 }), { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
});

test('every line starts where a reading character by character says, with or without carriage returns', () => {
  const expectedStarts = (text: string) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
    }
    return starts;
  };
  const pieces = fc.constantFrom('\n', '\r', '\r\n', 'a', 'bc', ' ');
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const index = new LineIndex(text);
      const starts = expectedStarts(text);
      assert.equal(index.lineCount, starts.length, JSON.stringify(text));
      starts.forEach((start, line) => assert.equal(index.lineStart(line), start, JSON.stringify(text)));
    }),
    { numRuns: 2000 },
  );
});
