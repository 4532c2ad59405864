import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'env/example-drift';

function check(env: string, example: string | undefined, exampleName = '.env.example', path = '/project/.env') {
  const files = example === undefined ? {} : { [`/project/${exampleName}`]: example };
  const result = checkText(env, { path, files });
  return { result, findings: findingsOf(result, RULE) };
}

test('keys the example lists and the .env lacks: one finding on line 1, naming them, pointing at the example', () => {
  const example = 'PORT=8080\nLOG_LEVEL=info\nAPI_URL=https://api.example.test\n';
  const { findings } = check('PORT=9000\n', example);
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(finding!.severity, 'warning');
  assert.deepEqual(finding!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
  assert.match(finding!.message, /^2 keys that `\.env\.example` lists are not set in this file: LOG_LEVEL, API_URL\./);
  assert.deepEqual(finding!.related.map((related) => [related.uri.endsWith('/.env.example'), related.range.start.line]), [[true, 1], [true, 2]]);
});

test('the fix appends the missing keys with the example values as written, in the file line breaks, after a missing final break', () => {
  const example = 'PORT=8080\r\nGREETING="hello world"\r\nLOG_LEVEL=info # default\r\n';
  const env = 'PORT=9000\r\nX=1';
  const { result, findings } = check(env, example);
  const fixed = applyFix(env, result.uri, findings.find((finding) => finding.fixes.length > 0)!.fixes[0]!);
  assert.equal(fixed, 'PORT=9000\r\nX=1\r\nGREETING="hello world"\r\nLOG_LEVEL=info\r\n');
  assert.deepEqual(findingsOf(checkText(fixed, { path: '/project/.env', files: { '/project/.env.example': example } }), RULE).map((finding) => finding.severity), ['info']);
});

test('secrets and placeholders are never copied: they are added empty', () => {
  const example = 'JWT_SECRET=4f9a0c2e7b1d8e6a5c3b9d0f2e4a6c8b\nDB_PASSWORD=changeme\nADMIN_EMAIL=<your-email>\nREGION=eu-west-1\n';
  const env = '';
  const { result, findings } = check(env, example);
  const [finding] = findings;
  assert.match(finding!.message, /JWT_SECRET, DB_PASSWORD, ADMIN_EMAIL, REGION/);
  assert.doesNotMatch(JSON.stringify(finding), /4f9a0c2e|changeme/);
  assert.equal(applyFix(env, result.uri, finding!.fixes[0]!), 'JWT_SECRET=\nDB_PASSWORD=\nADMIN_EMAIL=\nREGION=eu-west-1\n');
});

test('keys the .env sets that the example does not list are info, at each key', () => {
  const text = 'PORT=1\nEXTRA_FLAG=true\n';
  const { findings } = check(text, 'PORT=8080\n');
  assert.deepEqual(findings.map((finding) => [textOf(text, finding), finding.severity]), [['EXTRA_FLAG', 'info']]);
  assert.match(findings[0]!.message, /^EXTRA_FLAG is not in `\.env\.example`/);
});

test('.sample, .template and .dist govern too; .env.production has its own example; the example is not held to itself', () => {
  assert.equal(check('', 'A=1\n', '.env.sample').findings.length, 1);
  assert.equal(check('', 'A=1\n', '.env.template').findings.length, 1);
  assert.equal(check('', 'A=1\n', '.env.dist').findings.length, 1);
  assert.equal(check('', 'A=1\n', '.env.production.example', '/project/.env.production').findings.length, 1);
  assert.deepEqual(check('', 'A=1\n', '.env.example', '/project/.env.production').findings, []);
  assert.deepEqual(check('A=1\n', 'A=1\n', '.env.example', '/project/.env.example').findings, []);
});

test('nothing without an example, nor when both files agree, and the rule can be disabled', () => {
  assert.deepEqual(check('A=1\n', undefined).findings, []);
  assert.deepEqual(check('A=2\nB=3\n', 'B=x\nA=y\n').findings, []);
  assert.deepEqual(check('# deploy-doctor disable env/example-drift\nZ=1\n', 'A=1\n').findings, []);
});

test('more than eight missing keys are counted, not all named', () => {
  const example = Array.from({ length: 12 }, (_, index) => `KEY_${index}=v`).join('\n');
  const [finding] = check('', example).findings;
  assert.match(finding!.message, /^12 keys .*KEY_0, .*KEY_7 and 4 more\./);
  assert.doesNotMatch(finding!.message, /KEY_8/);
});
