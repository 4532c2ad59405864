import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const syntaxOf = (text: string) => findingsOf(checkText(text, { kind: 'env' }), 'env/syntax');

test('a line that is not KEY=VALUE is an error on exactly that line, and later lines are still checked', () => {
  const text = 'GOOD=1\r\nthis is not an assignment  \r\nNEXT=2\r\n';
  const result = checkText(text, { kind: 'env' });
  const [finding, ...rest] = findingsOf(result, 'env/syntax');
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'this is not an assignment');
  assert.deepEqual(finding!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 25 } });
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /dotenv ignores it/);
});

test('an unterminated quote is an error from the quote to the end of the line', () => {
  const text = 'API_TOKEN="s3cr3t-value\nNEXT=2\n';
  const [finding, ...rest] = syntaxOf(text);
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), '"s3cr3t-value');
  assert.match(finding!.message, /Unterminated double quote/);
  assert.doesNotMatch(finding!.message, /s3cr3t/, 'the value is never quoted');
});

test('the message never repeats the line: it may be a pasted secret', () => {
  const text = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n';
  const [finding] = syntaxOf(text);
  assert.equal(textOf(text, finding!), 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  assert.doesNotMatch(finding!.message, /MIIE/);
  assert.match(finding!.message, /no `=`/);
});

test('comments, blank lines, export, all three quotes and multi-line values are not errors', () => {
  const text = '# comment\n\n   \nexport A=1\nB=\'x\'\nC="multi\nline"\nD=`y`\nE=\nF=plain # note\n';
  assert.deepEqual(syntaxOf(text), []);
});

test('a suppression comment silences it for the next line', () => {
  const text = '# deploy-doctor disable-next-line env/syntax\nnot an assignment\n';
  assert.deepEqual(syntaxOf(text), []);
});
