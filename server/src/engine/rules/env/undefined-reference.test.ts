import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const referencesOf = (text: string) => findingsOf(checkText(text, { kind: 'env' }), 'env/undefined-reference');

test('a ${VAR} no line defines is reported at the reference', () => {
  const text = 'PORT=8080\nAPI_URL=http://${API_HOST}:${PORT}/v1\n';
  const findings = referencesOf(text);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '${API_HOST}');
  assert.deepEqual(findings[0]!.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 26 } });
  assert.match(findings[0]!.message, /^API_HOST is not defined in this file: docker compose and dotenv-expand replace \$\{API_HOST\} with an empty string \(dotenv alone does not expand it\)/);
});

test('$VAR, ${VAR:?message} and references in double-quoted multi-line CRLF values are found', () => {
  const text = 'A="first $MISSING\r\nthen ${REQUIRED:?set it}"\r\n';
  assert.deepEqual(referencesOf(text).map((finding) => [textOf(text, finding), finding.range.start]), [
    ['$MISSING', { line: 0, character: 9 }],
    ['${REQUIRED:?set it}', { line: 1, character: 5 }],
  ]);
});

test('not reported: defined anywhere in the file, known variables, defaults, escapes, single quotes', () => {
  const text = [
    'URL=${SCHEME}://$HOST_NAME/$HOME',
    'SCHEME=https',
    'HOST_NAME=example.test',
    'P=$PATH:${USER}:${TZ}:$PWD:$HOSTNAME:$SHELL:$LANG',
    'D=${UNSET:-fallback} ${ALT+x} ${OTHER-y}',
    'E=price\\$5 and $$literal',
    "S='${NOT_EXPANDED}'",
    'N=$1 $ {x}',
  ].join('\n');
  assert.deepEqual(referencesOf(text), []);
});

test('in a secret, the reference is not named: it may be part of the password', () => {
  const text = 'DB_PASSWORD=pa$sword\n';
  const [finding] = referencesOf(text);
  assert.equal(textOf(text, finding!), '$sword');
  assert.doesNotMatch(finding!.message, /sword|pa\$/);
  assert.match(finding!.message, /put the value in single quotes/);
});
