import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

test('a duplicate key is an error at the second key', () => {
  const text = 'services:\n  web:\n    image: a\n    image: b\n';
  const [finding, ...rest] = findingsOf(checkText(text, { kind: 'compose' }), 'compose/syntax');
  assert.equal(rest.length, 0);
  assert.equal(finding!.span.start, text.lastIndexOf('image'));
  assert.equal(textOf(text, finding!), 'image');
  assert.equal(finding!.severity, 'error');
});

test('a YAML error is reported at its line, and a valid file has none', () => {
  const text = 'services:\n  web:\n    image: [nginx\n';
  const findings = findingsOf(checkText(text, { kind: 'compose' }), 'compose/syntax');
  assert.ok(findings.length > 0);
  assert.ok(findings.every((finding) => finding.range.start.line >= 2));
  assert.deepEqual(findingsOf(checkText('services:\n  web:\n    image: nginx\n', { kind: 'compose' }), 'compose/syntax'), []);
});

test('an unknown tag is a warning', () => {
  const text = 'services:\n  web:\n    image: !env nginx\n';
  const [finding] = findingsOf(checkText(text, { kind: 'compose' }), 'compose/syntax');
  assert.equal(textOf(text, finding!), '!env');
  assert.equal(finding!.severity, 'warning');
});

test('an invalid `$` is an error with a fix that escapes it', () => {
  const text = 'services:\n  web:\n    image: nginx\n    command: ["sh", "-c", "echo $ $$HOME ${USER}"]\n';
  const result = checkText(text, { kind: 'compose' });
  const [finding, ...rest] = findingsOf(result, 'compose/syntax');
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), '$ ');
  assert.match(finding!.message, /Invalid interpolation/);
  assert.equal(applyFix(text, result.uri, finding!.fixes[0]!), text.replace('echo $ ', () => 'echo $$ '));
});

test('a key is not interpolated, so a `$` in a key is not flagged', () => {
  const text = 'services:\n  web:\n    image: nginx\n    labels:\n      $weird: x\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose' }), 'compose/syntax'), []);
});

test('an alias bomb is one clear error, and every compose rule finishes fast on it', () => {
  const lines = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`x-${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  lines.push('services:', '  web:', '    image: nginx', '    command: *i');
  const text = lines.join('\n');
  const started = Date.now();
  const result = checkText(text, { kind: 'compose' });
  assert.ok(Date.now() - started < 3000, 'checking took too long');
  const findings = findingsOf(result, 'compose/syntax');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /alias bomb/);
  assert.deepEqual(findingsOf(result, 'deploy-doctor/internal-error'), []);
});
