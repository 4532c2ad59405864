import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse as dotenvParse } from 'dotenv';
import type { ProductDefinition } from '../../../../../schemas/types';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const check = (text: string, products?: readonly ProductDefinition[]) => {
  const result = checkText(text, { kind: 'env', ...(products ? { products } : {}) });
  return { result, findings: findingsOf(result, 'env/value-format') };
};

test('an unquoted value with blanks: reported at the value, quoted by a preferred fix that keeps the value', () => {
  const text = 'GREETING=hello big world\r\nNEXT=1\r\n';
  const { result, findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'hello big world');
  assert.match(findings[0]!.message, /^The value of GREETING contains blanks but is not quoted/);
  const [fix] = findings[0]!.fixes;
  assert.equal(fix!.isPreferred, true);
  const fixed = applyFix(text, result.uri, fix!);
  assert.equal(fixed, 'GREETING="hello big world"\r\nNEXT=1\r\n');
  assert.equal(dotenvParse(fixed)['GREETING'], dotenvParse(text)['GREETING']);
});

test('the quote chosen does not occur in the value; no fix when no quote keeps its meaning', () => {
  const text = 'MSG=say "hi" now\nMIXED=a "b" $c\nDIR=C:\\Program Files\\\nNEXT=\'x\'\n';
  const { result, findings } = check(text);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'MSG=\'say "hi" now\'\nMIXED=a "b" $c\nDIR=C:\\Program Files\\\nNEXT=\'x\'\n');
  assert.deepEqual(findings[1]!.fixes, []);
  // In 'C:\Program Files\' dotenv would take the backslash as escaping the closing quote.
  assert.equal(textOf(text, findings[2]!), 'C:\\Program Files\\');
  assert.deepEqual(findings[2]!.fixes, []);
});

test('a # glued to an unquoted value: says what the app reads; the fix quotes it, # included', () => {
  const text = 'COLOR_LIST=red#blue\n';
  const { result, findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'red#blue');
  assert.match(findings[0]!.message, /dotenv reads "red"/);
  const [fix] = findings[0]!.fixes;
  assert.equal(fix!.isPreferred, false, 'quoting changes the value the app reads');
  const fixed = applyFix(text, result.uri, fix!);
  assert.equal(fixed, 'COLOR_LIST="red#blue"\n');
  assert.equal(dotenvParse(fixed)['COLOR_LIST'], 'red#blue');
});

test('a # that starts a value after a blank (COLOR= #fff) is flagged: the app reads an empty value', () => {
  const text = 'THEME_COLOR= #fff\n';
  const { findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '#fff');
  assert.match(findings[0]!.message, /dotenv reads an empty value/);
});

test('a truncated secret says only that it is truncated', () => {
  const text = 'DB_PASSWORD=abc#def\nAPI_TOKEN=tok #en\n';
  const { findings } = check(text);
  assert.equal(findings.length, 2);
  for (const finding of findings) {
    assert.match(finding.message, /dotenv reads only the part before it/);
    assert.doesNotMatch(finding.message, /abc|def|tok|en\b/);
  }
});

test('a setting the product schema marks secret is treated as secret whatever its name', () => {
  const product: ProductDefinition = {
    id: 'salted',
    name: 'Salted',
    version: '1',
    detect: { envPrefixes: ['SALTED_'] },
    settings: [{ key: 'SALTED_SALT', description: 'Salt for hashing session ids.', type: 'string', secret: { format: 'hex-32' } }],
  };
  const { findings } = check('SALTED_SALT=pepper#corn\n', [product]);
  assert.equal(findings.length, 1);
  assert.doesNotMatch(findings[0]!.message, /pepper|corn/);
});

test('a comment after a blank and a "# " is an ordinary comment', () => {
  assert.deepEqual(check('NAME=value # a comment\nEMPTY= # nothing yet\nQUOTED="a#b"\n').findings, []);
});

test('trailing whitespace is reported and trimmed, except inside a quoted value', () => {
  const text = 'A=1  \nB="x  \ny"\t\n# note \n';
  const { result, findings } = check(text);
  assert.deepEqual(findings.map((finding) => finding.range), [
    { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } },
    { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } },
    { start: { line: 3, character: 6 }, end: { line: 3, character: 7 } },
  ]);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'A=1\nB="x  \ny"\t\n# note \n');
  assert.equal(applyFix(text, result.uri, findings[1]!.fixes[0]!), 'A=1  \nB="x  \ny"\n# note \n');
});

test('trailing whitespace: the fix keeps the blank that keeps a lone CR and an LF apart', () => {
  // dotenv reads `A:\r \nA` as A="" but `A:\r\nA` (one CRLF) as A="A".
  const text = 'A:\r  \nA';
  const { result, findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'A:\r \nA');
  assert.equal(check('A:\r \nA').findings.length, 0);
});

test('quotes that do not pair: text after the closing quote, a lone closing quote', () => {
  const text = 'T="a" b\nU=abc"\n';
  const { findings } = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['"a" b', '"']);
  assert.match(findings[0]!.message, /Text follows the closing " of T/);
  assert.match(findings[1]!.message, /ends with a " that no quote opens/);
});

test('an unterminated quote is left to env/syntax', () => {
  const result = checkText('V="abc def\n', { kind: 'env' });
  assert.deepEqual(findingsOf(result, 'env/value-format'), []);
  assert.equal(findingsOf(result, 'env/syntax').length, 1);
});

test('a value dotenv takes from the next line is reported there', () => {
  const text = 'HOST:\nPORT=8080\n';
  const { findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'PORT=8080');
  assert.match(findings[0]!.message, /dotenv reads the next line as its value/);
  assert.equal(dotenvParse(text)['HOST'], 'PORT=8080');
});

test('a $(command) is reported: dotenv does not run it', () => {
  const text = 'JWT_SECRET=$(openssl rand -base64 32)\nLITERAL=\'$(not run)\'\nQUOTED="x $(date) y"\n';
  const { findings } = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['$(openssl rand -base64 32)', '$(date)']);
  assert.match(findings[0]!.message, /reads the command's text instead of its output/);
});

test('well-formed values pass', () => {
  assert.deepEqual(check('A=1\nB="two words"\nC=\'x y\'\nD=\nexport E=https://x.test/?a=b\n').findings, []);
});
