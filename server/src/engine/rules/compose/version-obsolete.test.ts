import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

test('a top-level version is reported and the fix deletes its line', () => {
  const text = "version: '3.8'\n\nservices:\n  web:\n    image: nginx\n";
  const result = checkText(text, { kind: 'compose' });
  const [finding] = findingsOf(result, 'compose/version-obsolete');
  assert.ok(finding);
  assert.equal(textOf(text, finding), "version: '3.8'");
  assert.equal(finding.severity, 'warning');
  assert.equal(applyFix(text, result.uri, finding.fixes[0]!), 'services:\n  web:\n    image: nginx\n');
});

test('the fix keeps CRLF line breaks and the lines around a version in the middle', () => {
  const text = '# stack\r\nversion: "3"\r\nservices:\r\n  web:\r\n    image: nginx\r\n';
  const result = checkText(text, { kind: 'compose' });
  const [finding] = findingsOf(result, 'compose/version-obsolete');
  assert.equal(applyFix(text, result.uri, finding!.fixes[0]!), '# stack\r\nservices:\r\n  web:\r\n    image: nginx\r\n');
});

test('no version, no finding; a service key named version is not top-level', () => {
  const text = 'services:\n  web:\n    image: nginx\n    labels:\n      version: "1"\n';
  assert.deepEqual(findingsOf(checkText(text, { kind: 'compose' }), 'compose/version-obsolete'), []);
});

test('a disable-next-line directive in a compose file suppresses the finding', () => {
  const text = '# deploy-doctor disable-next-line compose/version-obsolete\nversion: "3"\nservices:\n  web:\n    image: nginx\n';
  const result = checkText(text, { kind: 'compose' });
  assert.deepEqual(findingsOf(result, 'compose/version-obsolete'), []);
  assert.deepEqual(findingsOf(result, 'deploy-doctor/unused-disable'), []);
});
