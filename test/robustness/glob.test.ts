import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { globToRegExp, matchesGlob } from '../../server/src/engine/detect/glob';
import { Engine, pathToUri } from '../../server/src/engine';
import { checkText } from '../../server/src/engine/testing';

/*
 * Globs come from users' settings and from nginx `include` arguments: an unbalanced brace once
 * made an invalid regular expression, and an nginx rule failed on `include ${/etc/nginx/…`.
 */
test('any glob compiles (unbalanced braces match literally)', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('{', '}', ',', '*', '?', '/', '[', ']', '(', ')', '\\', 'a', '.', '$') }), (glob) => {
      assert.ok(globToRegExp(glob) instanceof RegExp);
    }),
    { numRuns: 3000 },
  );
  assert.equal(matchesGlob('/x/{a', '{a'), true);
  assert.equal(matchesGlob('/x/a', '{a'), false);
  assert.equal(matchesGlob('/x/b.env', '*.{env,vars}'), true, 'balanced braces still alternate');
});

test('an nginx include of an unbalanced ${ pattern is no internal error', () => {
  const text = 'http {\n  include ${/etc/nginx/mime.types;\n  server {\n    location /events/ { proxy_pass http://app; }\n  }\n}\n';
  const result = checkText(text, { kind: 'nginx' });
  assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.rule === 'deploy-doctor/internal-error'), []);
  assert.ok(result.diagnostics.some((diagnostic) => diagnostic.rule === 'nginx/sse-buffering'));
});

test('a malformed glob in the kind and product settings does not stop checks', () => {
  const engine = new Engine({ kindAssociations: [{ glob: '**/{oops', kind: 'env' }], productAssociations: [{ glob: '{desk', product: 'firefly-desk' }] });
  const uri = pathToUri('/project/.env');
  const result = engine.check({ uri, text: 'A=1\nA=2\n' }, { readText: () => undefined, files: () => [uri] });
  assert.equal(result.kind, 'env');
  assert.ok(result.diagnostics.some((diagnostic) => diagnostic.rule === 'env/duplicate-key'));
});
