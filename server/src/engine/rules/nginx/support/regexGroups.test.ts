import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { CR, LF, captureGroups, groupLineBreaks, isLiteralAlternation } from './regexGroups';

const breaksOf = (pattern: string, number = 1) => groupLineBreaks(pattern, captureGroups(pattern).find((group) => group.number === number)!);

test('groups are numbered by their opening parenthesis, named ones included; classes and escapes hold no groups', () => {
  const groups = captureGroups('^/(?<a>x)(?:y)([(])\\((z)$');
  assert.deepEqual(groups.map((group) => [group.number, group.name, '^/(?<a>x)(?:y)([(])\\((z)$'.slice(group.start, group.end)]), [
    [0, undefined, '^/(?<a>x)(?:y)([(])\\((z)$'],
    [1, 'a', 'x'],
    [2, undefined, '[(]'],
    [3, undefined, 'z'],
  ]);
});

test('PCRE `.` matches CR but not LF, unless (?s) or a newline verb changes it', () => {
  assert.equal(breaksOf('^/(.*)$'), CR);
  assert.equal(breaksOf('(?s)^/(.*)$'), CR | LF);
  assert.equal(breaksOf('(*CR)^/(.*)$'), CR | LF);
});

test('classes and escapes: negated classes match CR and LF unless they exclude them', () => {
  assert.equal(breaksOf('/([^/]+)'), CR | LF);
  assert.equal(breaksOf('/([^/\\n]+)'), CR);
  assert.equal(breaksOf('/([^/\\s]+)'), 0);
  assert.equal(breaksOf('/([^\r\n]+)'), 0);
  assert.equal(breaksOf('/(\\d+)'), 0);
  assert.equal(breaksOf('/([a-z0-9-]+)'), 0);
  assert.equal(breaksOf('/([\\x00-\\x7f]+)'), CR | LF);
  assert.equal(breaksOf('/([[:space:]]+)'), CR | LF);
  assert.equal(breaksOf('/(\\s+)'), CR | LF);
  assert.equal(breaksOf('/(\\D+)'), CR | LF);
  assert.equal(breaksOf('/(\\S+)'), 0);
});

test('an alternation of words holds only those words', () => {
  assert.equal(isLiteralAlternation('^/(app1|app-2)/', captureGroups('^/(app1|app-2)/')[1]!), true);
  assert.equal(isLiteralAlternation('^/(a.b|c)/', captureGroups('^/(a.b|c)/')[1]!), false);
});
