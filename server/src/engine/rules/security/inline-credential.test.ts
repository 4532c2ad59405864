import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyEdits, applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const RULE = 'security/inline-credential';
const ENV_PATH = '/project/.env';
const FAKE = 'fake-pa$$word with space';

test('a literal secret in compose environment: reported by key, never by value; the fix moves it to .env', () => {
  const text = [
    'services:',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    `      POSTGRES_PASSWORD: "${FAKE}"`,
    '      POSTGRES_USER: app',
    '      POSTGRES_PASSWORD_FILE: /run/secrets/pw',
    '      PASSWORD_MIN_LENGTH: 12',
    '  api:',
    '    image: example/api',
    '    environment:',
    '      - API_TOKEN=tok-123456789',
    '      - DATABASE_URL=postgres://app:hunter2@db:5432/app',
    '      - JWT_SECRET=${JWT_SECRET}',
    '',
  ].join('\n');
  const dotenv = 'JWT_SECRET=set-in-dotenv\n';
  const result = checkText(text, { kind: 'compose', files: { [ENV_PATH]: dotenv } });
  const findings = findingsOf(result, RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), [`"${FAKE}"`, 'tok-123456789', 'postgres://app:hunter2@db:5432/app']);
  for (const finding of findings) {
    assert.ok(!finding.message.includes('pa$$word') && !finding.message.includes('tok-1') && !finding.message.includes('hunter2'));
    assert.equal(finding.severity, 'warning');
  }
  assert.match(findings[0]!.message, /`POSTGRES_PASSWORD` of service `db` has a literal secret/);
  assert.match(findings[2]!.message, /URL with a literal password/);

  const fix = findings[0]!.fixes[0]!;
  const compose = applyFix(text, result.uri, fix);
  assert.ok(compose.includes('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'));
  const envChange = fix.changes.find((change) => change.uri === pathToUri(ENV_PATH))!;
  const newEnv = applyEdits(dotenv, envChange.edits);
  // `$$` in compose is one `$`; single quotes keep Compose from interpolating it in .env.
  assert.equal(newEnv, "JWT_SECRET=set-in-dotenv\nPOSTGRES_PASSWORD='fake-pa$word with space'\n");
  const after = checkText(compose, { kind: 'compose', files: { [ENV_PATH]: newEnv } });
  assert.equal(findingsOf(after, RULE).length, 2);
  assert.deepEqual(findingsOf(after, 'compose/undefined-variable'), []);

  const listFix = applyFix(text, result.uri, findings[1]!.fixes[0]!);
  assert.ok(listFix.includes('      - API_TOKEN=${API_TOKEN}\n'));
});

test('when .env already uses the name for another value, the variable is scoped to the service', () => {
  const text = 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: literal-one\n';
  const result = checkText(text, { kind: 'compose', files: { [ENV_PATH]: 'POSTGRES_PASSWORD=other\n' } });
  const [finding] = findingsOf(result, RULE);
  assert.match(finding!.message, /write `\$\{DB_POSTGRES_PASSWORD\}`/);
  assert.ok(applyFix(text, result.uri, finding!.fixes[0]!).includes('${DB_POSTGRES_PASSWORD}'));
});

test('the fix creates .env when there is none', () => {
  const text = 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: literal-one\n';
  const [finding] = findingsOf(checkText(text, { kind: 'compose' }), RULE);
  const envChange = finding!.fixes[0]!.changes.find((change) => change.uri === pathToUri(ENV_PATH))!;
  assert.equal(envChange.create, true);
  assert.equal(applyEdits('', envChange.edits), 'POSTGRES_PASSWORD=literal-one\n');
});

test('a TOML database URL with a password points to DATABASE_URL', () => {
  const text = '[database]\nurl = "postgres://flovyn:s3cret@db:5432/flovyn"\n\n[server]\nhttp_port = 8000\n';
  const [finding, ...rest] = findingsOf(checkText(text, { kind: 'toml' }), RULE);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), '"postgres://flovyn:s3cret@db:5432/flovyn"');
  assert.match(finding!.message, /`database\.url` contains a database password.*`DATABASE_URL`/);
  assert.ok(!finding!.message.includes('s3cret'));
  const topLevel = 'database_url = "postgres://u:p4ss@h/db"\n';
  assert.equal(findingsOf(checkText(topLevel, { kind: 'toml' }), RULE).length, 1);
  const noPassword = 'database_url = "postgres://u@h/db"\n';
  assert.deepEqual(findingsOf(checkText(noPassword, { kind: 'toml' }), RULE), []);
});

test('references and development files are not reported', () => {
  const text = '# deploy-doctor mode=development\nservices:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: devpass\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose' }), RULE), []);
});

test('an access key is named like a secret but is its public half: only the secret key is reported', () => {
  const text = 'services:\n  store:\n    image: minio/minio\n    environment:\n      AWS_ACCESS_KEY: sentry\n      AWS_SECRET_ACCESS_KEY: sentry\n      MAX_TOKENS: 4000\n';
  const findings = findingsOf(checkText(text, { kind: 'compose' }), RULE);
  const lineOf = (offset: number) => text.slice(text.lastIndexOf('\n', offset - 1) + 1, text.indexOf('\n', offset)).trim();
  assert.deepEqual(findings.map((finding) => lineOf(finding.span.start)), ['AWS_SECRET_ACCESS_KEY: sentry']);
});
