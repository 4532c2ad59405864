import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const check = (text: string) => {
  const result = checkText(text, { kind: 'env' });
  return { result, findings: findingsOf(result, 'env/key-format') };
};

test('a lowercase key: reported at the key; the rename fix is offered but not preferred', () => {
  const text = 'database_url=postgres://db/app\n';
  const { result, findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'database_url');
  assert.match(findings[0]!.message, /^Key database_url has lowercase letters: .*Renaming changes which variable the app reads\.$/);
  const [fix] = findings[0]!.fixes;
  assert.equal(fix!.isPreferred, false);
  assert.equal(applyFix(text, result.uri, fix!), 'DATABASE_URL=postgres://db/app\n');
});

test('- and . delimiters and a leading digit are normalised to _', () => {
  const text = 'my-app.name=x\r\n1ST_RUN=yes\r\n';
  const { result, findings } = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['my-app.name', '1ST_RUN']);
  assert.match(findings[0]!.message, /lowercase letters and `-` and `\.`/);
  assert.match(findings[1]!.message, /a leading digit/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'MY_APP_NAME=x\r\n1ST_RUN=yes\r\n');
  assert.equal(applyFix(text, result.uri, findings[1]!.fixes[0]!), 'my-app.name=x\r\n_1ST_RUN=yes\r\n');
});

test('no rename fix when the normalised name is already set in the file', () => {
  const { findings } = check('api_key=1\nAPI_KEY=2\n');
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.fixes, []);
});

test('blanks around = are reported at the blanks and removed by a preferred fix; CRLF is kept', () => {
  const text = 'A = 1\r\nB =2\r\nC= "three"\r\n';
  const { result, findings } = check(text);
  assert.deepEqual(findings.map((finding) => [textOf(text, finding), finding.message.split(' in ')[0]]), [
    [' = ', 'Blanks around `=`'],
    [' =', 'Blanks before `=`'],
    ['= ', 'Blanks after `=`'],
  ]);
  assert.deepEqual(findings[0]!.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
  for (const finding of findings) assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'A=1\r\nB =2\r\nC= "three"\r\n');
  assert.equal(applyFix(text, result.uri, findings[2]!.fixes[0]!), 'A = 1\r\nB =2\r\nC="three"\r\n');
});

test('KEY: value is reported at the colon and rewritten as KEY=value', () => {
  const text = 'HOST: example.test\n';
  const { result, findings } = check(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), ':');
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'HOST=example.test\n');
});

test('an indented assignment: the indentation is reported and removed', () => {
  const text = 'A=1\n  \tB=2\n';
  const { result, findings } = check(text);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'A=1\nB=2\n');
});

test('conventional keys pass: uppercase, _-prefixed, export, lowercase proxy variables', () => {
  const { findings } = check('DATABASE_URL=x\n_PRIVATE=1\nexport NODE_ENV=production\nhttp_proxy=http://proxy:3128\nEMPTY=\n');
  assert.deepEqual(findings, []);
});
