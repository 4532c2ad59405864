import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/image-tag';

const check = (text: string, mode?: 'development') => findingsOf(checkText(text, { kind: 'compose', ...(mode ? { mode } : {}) }), RULE);

test('an image without a tag or with :latest is reported in production, at the image value', () => {
  const text = [
    'services:',
    '  a:',
    '    image: nginx',
    '  b:',
    '    image: "redis:latest"',
    '  c:',
    '    image: registry.example.com:5000/team/app',
    '',
  ].join('\n');
  const findings = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['nginx', '"redis:latest"', 'registry.example.com:5000/team/app']);
  assert.match(findings[0]!.message, /^Image `nginx` has no tag, so Docker pulls `latest` for service `a`/);
  assert.match(findings[1]!.message, /^Image `redis:latest` uses the `latest` tag for service `b`.*`redis:1\.2\.3`.*`redis@sha256:…`/);
  assert.match(findings[2]!.message, /`registry\.example\.com:5000\/team\/app:1\.2\.3`/);
  assert.ok(findings.every((finding) => finding.severity === 'warning'));
});

test('pinned tags, digests, variables, built images and development mode pass', () => {
  const text = [
    'services:',
    '  a:',
    '    image: nginx:1.27-alpine',
    '  b:',
    '    image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    '  c:',
    '    image: "app:${TAG}"',
    '  d:',
    '    build: .',
    '    image: acme/app',
    '',
  ].join('\n');
  assert.deepEqual(check(text), []);
  assert.deepEqual(check('services:\n  a:\n    image: nginx\n', 'development'), []);
});
