import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const duplicatesOf = (text: string) => {
  const result = checkText(text, { kind: 'env' });
  return { result, findings: findingsOf(result, 'env/duplicate-key') };
};

test('reports the overridden line, says the last line wins, and links to it', () => {
  const text = 'PORT=3000\nHOST=0.0.0.0\nPORT=8080\n';
  const { findings } = duplicatesOf(text);
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(textOf(text, finding!), 'PORT');
  assert.deepEqual(finding!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  assert.equal(finding!.message, 'PORT is set again on line 3: dotenv uses the value from line 3, so this line (1) has no effect.');
  assert.equal(finding!.related.length, 1);
  assert.deepEqual(finding!.related[0]!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
});

test('the fix deletes the whole overridden line and its line break, nothing else; CRLF is kept', () => {
  const text = '# top\r\nPORT=3000 # old\r\nHOST=0.0.0.0\r\nPORT=8080\r\n';
  const { result, findings } = duplicatesOf(text);
  const [fix] = findings[0]!.fixes;
  assert.equal(fix!.title, 'Delete the overridden line');
  assert.equal(fix!.isPreferred, true);
  assert.equal(applyFix(text, result.uri, fix!), '# top\r\nHOST=0.0.0.0\r\nPORT=8080\r\n');
});

test('a multi-line quoted value is deleted with all its lines', () => {
  const text = 'KEY="line one\nline two"\nKEY=final';
  const { result, findings } = duplicatesOf(text);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'KEY=final');
});

test('three occurrences: both earlier ones point at the last, and never quote a value', () => {
  const text = 'JWT_SECRET=first-secret\nJWT_SECRET=second-secret\nexport JWT_SECRET=third-secret';
  const { findings } = duplicatesOf(text);
  assert.deepEqual(findings.map((finding) => finding.range.start.line), [0, 1]);
  for (const finding of findings) {
    assert.match(finding.message, /line 3/);
    assert.doesNotMatch(finding.message, /first|second|third/);
    assert.equal(finding.related[0]!.range.start.line, 2);
  }
});

test('no fix when deleting the line would change another value (an open quote above would close there)', () => {
  const text = 'NOTE="\nA=""\nA="';
  const { findings } = duplicatesOf(text);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.fixes, []);
  assert.notDeepEqual(dotenvParse('NOTE="\nA="'), dotenvParse(text), 'deleting line 2 would change NOTE');
});

test('different keys, and keys differing only in case, are not duplicates', () => {
  assert.deepEqual(duplicatesOf('A=1\na=2\nB=1\n').findings, []);
});
