import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { checkText, engineFor, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const RULE = 'compose/env-file-missing';

test('a missing env_file in short, list and long form is an error at its path; the fix creates it', () => {
  const text = [
    'services:',
    '  a:',
    '    image: x',
    '    env_file: missing.env',
    '  b:',
    '    image: x',
    '    env_file:',
    '      - present.env',
    '      - ./config/also-missing.env',
    '      - path: optional.env',
    '        required: false',
    '      - path: required.env',
    '',
  ].join('\n');
  const result = checkText(text, { kind: 'compose', files: { '/project/present.env': 'A=1\n' } });
  const findings = findingsOf(result, RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['missing.env', './config/also-missing.env', 'required.env']);
  assert.equal(findings[0]!.severity, 'error');
  assert.match(findings[0]!.message, /The `env_file` `missing\.env` of service `a` does not exist/);
  assert.deepEqual(findings[1]!.fixes[0]!.changes, [{ uri: pathToUri('/project/config/also-missing.env'), edits: [], create: true }]);
});

test('a path with a variable is resolved from .env; existing files are fine', () => {
  const text = 'services:\n  a:\n    image: x\n    env_file: ${STAGE:-prod}.env\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose', files: { '/project/prod.env': '' } }), RULE), []);
  const staged = checkText(text, { kind: 'compose', files: { '/project/.env': 'STAGE=test\n', '/project/prod.env': '' } });
  assert.equal(findingsOf(staged, RULE).length, 1);
});

test('an env_file the host refuses as outside the checked tree is not called missing (reference/outside-tree reports it)', () => {
  const text = 'services:\n  a:\n    image: x\n    env_file:\n      - ../outside/.env\n      - missing.env\n';
  const outside = pathToUri('/outside/.env');
  const workspace = { readText: () => undefined, refusal: (uri: string) => (uri === outside ? 'outside the checked tree; not read' : undefined), files: () => [] };
  const result = engineFor().check({ uri: pathToUri('/project/docker-compose.yml'), text, kind: 'compose' }, workspace);
  const findings = result.diagnostics.filter((diagnostic) => diagnostic.rule === RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['missing.env']);
  assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.rule === 'reference/outside-tree').map((finding) => textOf(text, finding)), ['../outside/.env']);
});
