import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const check = (text: string) => checkText(text, { kind: 'toml', path: '/project/config.toml' });

test('reports a duplicate key at the second key, as an error', () => {
  const text = '[server]\nhttp_port = 8000\nhttp_port = 8001\n';
  const [finding, ...rest] = findingsOf(check(text), 'toml/syntax');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.deepEqual(finding!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
  assert.equal(finding!.message, '`server.http_port` is already set on line 2; TOML does not allow defining it again');
});

test('reports every broken line, not only the first, and nothing on good lines', () => {
  const text = '[database]\nurl = "postgres://db\n[server]\nhttp_port 8000\ngrpc_port = 9090\n';
  const findings = findingsOf(check(text), 'toml/syntax');
  assert.deepEqual(
    findings.map((finding) => [finding.range.start.line, textOf(text, finding)]),
    [
      [1, '"postgres://db'],
      [3, '8000'],
    ],
  );
});

test('a valid file has no syntax finding', () => {
  const text = '# deploy-doctor product=flovyn\n[server]\nhttp_port = 8000 # HTTP\n\n[[orgs]]\nid = "550e8400-e29b-41d4-a716-446655440000"\n';
  assert.deepEqual(findingsOf(check(text), 'toml/syntax'), []);
});

test('a CRLF file with comments is valid (the value parser needs help with it)', () => {
  const text = '# Database\r\n[database] # table\r\nurl = "x" # value\r\n';
  assert.deepEqual(findingsOf(check(text), 'toml/syntax'), []);
});

test('can be suppressed on the next line', () => {
  const text = '# deploy-doctor disable-next-line toml/syntax\nbroken line\n';
  const result = check(text);
  assert.deepEqual(findingsOf(result, 'toml/syntax'), []);
  assert.deepEqual(findingsOf(result, 'deploy-doctor/unused-disable'), []);
});
