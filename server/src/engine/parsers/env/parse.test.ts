import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import type { Span } from '../../types';
import type { EnvEntry } from './ast';
import { parseEnv } from './parse';

const slice = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

function only(text: string): EnvEntry {
  const { entries } = parseEnv(text);
  assert.equal(entries.length, 1, `one entry in ${JSON.stringify(text)}`);
  return entries[0]!;
}

test('every part of an assignment has its own span', () => {
  const text = 'export  API_URL = "https://x.test" # the API\n';
  const entry = only(text);
  assert.equal(slice(text, entry.exportSpan), 'export');
  assert.equal(slice(text, entry.keySpan), 'API_URL');
  assert.equal(text[entry.equalsOffset], '=');
  assert.equal(entry.equalsOffset, 16);
  assert.equal(slice(text, entry.valueSpan), '"https://x.test"');
  assert.equal(entry.value, 'https://x.test');
  assert.equal(entry.quote, '"');
  assert.equal(slice(text, entry.inlineComment?.span), '# the API');
  assert.equal(entry.inlineComment?.text, ' the API');
  assert.equal(slice(text, entry.span), 'export  API_URL = "https://x.test" # the API');
  assert.equal(entry.separator, '=');
});

test('spans are offsets into the original CRLF text, after a BOM', () => {
  const text = '\uFEFF# header\r\nA=1\r\nB="two\r\nlines"\r\n\r\nC=3';
  const { entries, comments, errors } = parseEnv(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    entries.map((entry) => [entry.key, slice(text, entry.keySpan), slice(text, entry.valueSpan), entry.value]),
    [
      ['A', 'A', '1', '1'],
      ['B', 'B', '"two\r\nlines"', 'two\nlines'],
      ['C', 'C', '3', '3'],
    ],
  );
  assert.deepEqual(comments, [{ span: { start: 1, end: 9 }, text: ' header' }]);
  assert.equal(slice(text, entries[1]!.span), 'B="two\r\nlines"');
  assert.equal(entries[0]!.keySpan.start, 11);
});

test('a lone CR is a line break too', () => {
  const text = 'A=1\rB=2';
  assert.deepEqual(parseEnv(text).entries.map((entry) => [entry.key, entry.value, slice(text, entry.valueSpan)]), [
    ['A', '1', '1'],
    ['B', '2', '2'],
  ]);
});

test('full-line comments, directive comments and inline comments are all comments', () => {
  const text = '# deploy-doctor disable-next-line env/duplicate-key\nA=1 # one\n  #indented\nB="x"#two\n';
  assert.deepEqual(
    parseEnv(text).comments.map((comment) => [slice(text, comment.span), comment.text]),
    [
      ['# deploy-doctor disable-next-line env/duplicate-key', ' deploy-doctor disable-next-line env/duplicate-key'],
      ['# one', ' one'],
      ['#indented', 'indented'],
      ['#two', 'two'],
    ],
  );
});

test('an unquoted value ends at the first #, with or without a blank before it', () => {
  const glued = 'PASSWORD=abc#def';
  const entry = only(glued);
  assert.equal(entry.value, 'abc');
  assert.equal(slice(glued, entry.valueSpan), 'abc');
  assert.equal(slice(glued, entry.inlineComment?.span), '#def');
  const spaced = 'NAME=some value   # note';
  assert.equal(only(spaced).value, 'some value');
  assert.equal(slice(spaced, only(spaced).valueSpan), 'some value');
});

test('an empty value has an empty span right after the =', () => {
  for (const text of ['EMPTY=', 'EMPTY=   ', 'EMPTY=  # nothing', 'EMPTY=\n']) {
    const entry = only(text);
    assert.equal(entry.value, '');
    assert.deepEqual(entry.valueSpan, { start: 6, end: 6 }, JSON.stringify(text));
  }
});

test('escapes: \\n expands only in double quotes; escaped quotes stay escaped, as dotenv keeps them', () => {
  assert.equal(only('A="x\\ny"').value, 'x\ny');
  assert.equal(only("A='x\\ny'").value, 'x\\ny');
  assert.equal(only('A=`x\\ny`').value, 'x\\ny');
  assert.equal(only('A=x\\ny').value, 'x\\ny');
  assert.equal(only('A="say \\"hi\\""').value, 'say \\"hi\\"');
  assert.equal(only('A=`it\'s "quoted"`').value, 'it\'s "quoted"');
});

test('an unterminated quote is an error at its span and dotenv reads it literally; the next line still parses', () => {
  const text = 'TOKEN="abc def\nNEXT=1\n';
  const { entries, errors } = parseEnv(text);
  assert.deepEqual(entries.map((entry) => [entry.key, entry.value]), [
    ['TOKEN', '"abc def'],
    ['NEXT', '1'],
  ]);
  assert.equal(errors.length, 1);
  assert.equal(slice(text, errors[0]!.span), '"abc def');
  assert.match(errors[0]!.message, /Unterminated double quote/);
  assert.doesNotMatch(errors[0]!.message, /abc/);
});

test('a quote that closes on a later line swallows the lines between, as dotenv does', () => {
  const text = 'A="one\nB=2\nthree"\nC=4';
  const { entries, errors } = parseEnv(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(entries.map((entry) => [entry.key, entry.value]), [
    ['A', 'one\nB=2\nthree'],
    ['C', '4'],
  ]);
});

test('a closing quote followed by text is no quote at all: dotenv reads the line up to #', () => {
  const text = 'A="x" y\n';
  const entry = only(text);
  assert.equal(entry.quote, undefined);
  assert.equal(entry.value, '"x" y');
  assert.equal(slice(text, entry.valueSpan), '"x" y');
  assert.deepEqual(parseEnv(text).errors, []);
});

test('lines that are not assignments are errors with their span, and never hide the rest', () => {
  const text = 'GOOD=1\nnot an assignment\n  $WEIRD=2\nsecret-looking-line\nKEY VALUE=3\nLAST=4\n';
  const { entries, errors } = parseEnv(text);
  assert.deepEqual(entries.map((entry) => entry.key), ['GOOD', 'LAST']);
  assert.deepEqual(errors.map((error) => slice(text, error.span)), ['not an assignment', '$WEIRD=2', 'secret-looking-line', 'KEY VALUE=3']);
  for (const error of errors) assert.doesNotMatch(error.message, /not an|WEIRD|looking|KEY VALUE/);
  assert.match(errors[3]!.message, /cannot contain blanks/);
});

test('dotenv also accepts KEY: value', () => {
  const text = 'HOST: example.test\n';
  const entry = only(text);
  assert.equal(entry.separator, ':');
  assert.equal(text[entry.equalsOffset], ':');
  assert.equal(entry.value, 'example.test');
  assert.equal(slice(text, entry.valueSpan), 'example.test');
});

test('duplicate keys are all kept, in order; dotenv uses the last', () => {
  const text = 'A=1\nA=2\n';
  assert.deepEqual(parseEnv(text).entries.map((entry) => entry.value), ['1', '2']);
  assert.equal(dotenvParse(text)['A'], '2');
});

test('export alone is a key without =, and export= is the key export', () => {
  assert.equal(parseEnv('export\n').errors.length, 1);
  assert.equal(only('export=1').key, 'export');
  assert.equal(only('export=1').exportSpan, undefined);
});

test('the examples above agree with dotenv.parse', () => {
  const samples = [
    'export  API_URL = "https://x.test" # the API\n',
    '\uFEFF# header\r\nA=1\r\nB="two\r\nlines"\r\n\r\nC=3',
    'TOKEN="abc def\nNEXT=1\n',
    'A="one\nB=2\nthree"\nC=4',
    'A="x" y\n',
    'HOST: example.test\n',
    'PASSWORD=abc#def',
  ];
  for (const text of samples) {
    const ours = Object.fromEntries(parseEnv(text).entries.map((entry) => [entry.key, entry.value]));
    assert.deepEqual(ours, dotenvParse(text), JSON.stringify(text));
  }
});
