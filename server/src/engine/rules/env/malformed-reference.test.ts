import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'env/malformed-reference';
const check = (text: string) => {
  const result = checkText(text, { kind: 'env' });
  return { result, findings: findingsOf(result, RULE) };
};

test('an unclosed ${NAME is reported at `${NAME` and closed by the fix, CRLF kept', () => {
  const text = 'HOST=db\r\nURL=postgres://${HOST/app\r\nOTHER=${HOST\r\n';
  const { result, findings } = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['${HOST', '${HOST']);
  assert.match(findings[0]!.message, /^`\$\{HOST` is never closed: docker compose refuses the file \("invalid interpolation format"\)/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'HOST=db\r\nURL=postgres://${HOST}/app\r\nOTHER=${HOST\r\n');
  assert.equal(applyFix(text, result.uri, findings[1]!.fixes[0]!), 'HOST=db\r\nURL=postgres://${HOST/app\r\nOTHER=${HOST}\r\n');
});

test('an unclosed ${NAME:-default has no fix: where the default ends is not known', () => {
  const { findings } = check('A="${B:-x y"\n');
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.fixes, []);
});

test('${} and ${NAME!} are reported whole, without a fix', () => {
  const text = 'A=${}\nB=x${NAME!}y\nC=${1ST}\n';
  const { findings } = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['${}', '${NAME!}', '${1ST}']);
  assert.match(findings[0]!.message, /^`\$\{\}` names no variable: docker compose refuses the file/);
  assert.match(findings[1]!.message, /^`\$\{NAME!\}` is not a valid substitution: .*dotenv-expand expands only `\$NAME` and keeps the rest/);
  assert.ok(findings.every((finding) => finding.fixes.length === 0));
});

test('$NAME} gets its opening brace; a brace closing a literal { is left alone', () => {
  const text = 'A=http://$HOST}/x\nJSON={"port":$PORT}\n';
  const { result, findings } = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['$HOST}']);
  assert.match(findings[0]!.message, /^`\$HOST\}` has a closing brace but no opening one/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'A=http://${HOST}/x\nJSON={"port":$PORT}\n');
});

test('well-formed substitutions, nesting, escapes and single quotes pass', () => {
  const text = [
    'A=${B} $B ${B:-x} ${B-x} ${B:?need it} ${B?} ${B:+y} ${B+y}',
    'N=${A:-${B:-deep}}',
    'E=price\\${5 and $${literal',
    "S='${not expanded'",
    'P=$1 $ {x} plain } text',
  ].join('\n');
  assert.deepEqual(check(text).findings, []);
});

test('in a secret the message does not repeat the value', () => {
  const text = 'DB_PASSWORD=pa${sw0rd\nAPI_SECRET=x$tok}en\n';
  const { findings } = check(text);
  assert.equal(findings.length, 2);
  for (const finding of findings) assert.doesNotMatch(finding.message, /sw0rd|tok|pa\$/);
  assert.match(findings[0]!.message, /in the value of DB_PASSWORD is never closed/);
});
