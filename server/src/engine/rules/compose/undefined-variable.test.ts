import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyEdits, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const RULE = 'compose/undefined-variable';
const ENV_PATH = '/project/.env';
const ENV_URI = pathToUri(ENV_PATH);

const text = [
  'services:',
  '  db:',
  '    image: postgres:${PG_VERSION}',
  '    environment:',
  '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
  '      POSTGRES_USER: $DB_USER',
  '      POSTGRES_DB: ${DB_NAME:-app}',
  '      A: ${UNSET_OK-x} ${PLUS:+y} ${PLUS2+z}',
  '      B: ${REQUIRED:?set REQUIRED in .env}',
  '      C: ${REQUIRED2?must be set}',
  '      D: "$$NOT_A_VARIABLE and $${ALSO_NOT}"',
  '      E: ${OUTER:-${INNER}}',
  '',
].join('\n');

test('every Compose form is read; only references without a usable default are reported', () => {
  const result = checkText(text, { kind: 'compose', files: { [ENV_PATH]: '# values\nPG_VERSION=16\n' } });
  const findings = findingsOf(result, RULE);
  assert.deepEqual(
    findings.map((finding) => [textOf(text, finding), finding.severity]),
    [
      ['${DB_PASSWORD}', 'warning'],
      ['$DB_USER', 'warning'],
      ['${REQUIRED:?set REQUIRED in .env}', 'error'],
      ['${REQUIRED2?must be set}', 'error'],
      ['${INNER}', 'warning'],
    ],
  );
  assert.match(findings[0]!.message, /`DB_PASSWORD` has no default and `\.env` beside this compose file does not set it/);
  assert.match(findings[2]!.message, /`REQUIRED` is required \(`:\?`\).*Compose refuses to start/);
});

test('a nested reference is not reported when the outer variable is set', () => {
  const result = checkText(text, { kind: 'compose', files: { [ENV_PATH]: 'PG_VERSION=16\nDB_PASSWORD=x\nDB_USER=u\nREQUIRED=1\nREQUIRED2=2\nOUTER=o\n' } });
  assert.deepEqual(findingsOf(result, RULE), []);
});

test('`${VAR:?}` with VAR empty in .env is an error; `${VAR}` with VAR empty is fine', () => {
  const compose = 'services:\n  a:\n    image: x\n    environment:\n      A: ${EMPTY:?}\n      B: ${EMPTY}\n';
  const findings = findingsOf(checkText(compose, { kind: 'compose', files: { [ENV_PATH]: 'EMPTY=\n' } }), RULE);
  assert.deepEqual(findings.map((finding) => textOf(compose, finding)), ['${EMPTY:?}']);
  assert.match(findings[0]!.message, /is empty in `\.env`/);
  assert.deepEqual(findings[0]!.fixes, []);
});

test('a variable set only in an env_file says so and points there', () => {
  const compose = 'services:\n  app:\n    image: app:${APP_TAG}\n    env_file: app.env\n';
  const findings = findingsOf(checkText(compose, { kind: 'compose', files: { '/project/app.env': 'APP_TAG=1.2\n' } }), RULE);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /there is no `\.env` beside this compose file.*It is set in `app\.env`, an `env_file:`.*never for `\$\{…\}`/);
  assert.equal(findings[0]!.related[0]!.uri, pathToUri('/project/app.env'));
  assert.deepEqual(findings[0]!.related[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
});

test('the fix appends VAR= to .env keeping every byte, and after it the finding is gone', () => {
  const compose = 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n';
  const dotenv = '\uFEFF# secrets, CRLF\r\nOTHER="quoted value"  # comment\r\nLAST=no-final-newline';
  const result = checkText(compose, { kind: 'compose', files: { [ENV_PATH]: dotenv } });
  const [finding] = findingsOf(result, RULE);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.changes.map((change) => [change.uri, change.create ?? false]), [[ENV_URI, false]]);
  const edited = applyEdits(dotenv, fix.changes[0]!.edits);
  assert.equal(edited, dotenv + '\r\nDB_PASSWORD=\r\n');
  assert.ok(edited.startsWith(dotenv));
  assert.deepEqual(findingsOf(checkText(compose, { kind: 'compose', files: { [ENV_PATH]: edited } }), RULE), []);
});

test('without a .env the fix creates it', () => {
  const compose = 'services:\n  db:\n    image: postgres:${TAG}\n';
  const result = checkText(compose, { kind: 'compose' });
  const fix = findingsOf(result, RULE)[0]!.fixes[0]!;
  assert.deepEqual(fix.changes.map((change) => [change.uri, change.create]), [[ENV_URI, true]]);
  const created = applyEdits('', fix.changes[0]!.edits);
  assert.equal(created, 'TAG=\n');
  assert.deepEqual(findingsOf(checkText(compose, { kind: 'compose', files: { [ENV_PATH]: created } }), RULE), []);
});

test('keys are not interpolated and comments are not read', () => {
  const compose = 'services:\n  a:\n    image: x # ${IN_COMMENT}\n    labels:\n      ${KEY}: v\n';
  assert.deepEqual(findingsOf(checkText(compose, { kind: 'compose' }), RULE), []);
});

test('a variable the .env lacks but .env.example lists: the message says so and the fix copies the example value', () => {
  const compose = 'services:\n  app:\n    image: "app:${APP_TAG}"\n    environment:\n      TOKEN: ${API_TOKEN}\n';
  const example = 'APP_TAG=1.4.2\nAPI_TOKEN=replace-me-0123456789abcdef\n';
  const result = checkText(compose, { path: '/project/docker-compose.yml', files: { '/project/.env': 'OTHER=1', '/project/.env.example': example } });
  const [tag, token] = findingsOf(result, 'compose/undefined-variable');
  assert.match(tag!.message, /`\.env\.example` lists it: copy it from there\.$/);
  assert.equal(tag!.related[0]!.range.start.line, 0);
  const tagEdit = tag!.fixes[0]!.changes.find((change) => change.uri.endsWith('/.env'))!;
  assert.equal(tagEdit.edits[0]!.newText, '\nAPP_TAG=1.4.2\n');
  assert.equal(tag!.fixes[0]!.title, "Add `APP_TAG` to .env with the example's value");
  // A secret's example value is never copied.
  const tokenEdit = token!.fixes[0]!.changes.find((change) => change.uri.endsWith('/.env'))!;
  assert.equal(tokenEdit.edits[0]!.newText, '\nAPI_TOKEN=\n');
});
