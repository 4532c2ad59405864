import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { parseCompose } from './parse';
import { locatePath, spanOf } from './nodes';

const slice = (text: string, span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);

test('comments are found in every position, with exact spans', () => {
  const text = [
    '# deploy-doctor product=agentim',
    'services: # after a key',
    '  web:',
    '    image: nginx # after a value',
    '    # deploy-doctor disable-next-line compose/schema',
    '    ports: [80, # inside a flow sequence',
    '      443]',
    '    command: |',
    '      # inside a block scalar: not a comment',
    '# at the end',
  ].join('\n');
  const file = parseCompose(text);
  assert.deepEqual(
    file.comments.map((comment) => slice(text, comment.span)),
    [
      '# deploy-doctor product=agentim',
      '# after a key',
      '# after a value',
      '# deploy-doctor disable-next-line compose/schema',
      '# inside a flow sequence',
      '# at the end',
    ],
  );
  assert.equal(file.comments[3]!.text, ' deploy-doctor disable-next-line compose/schema');
});

test('a # inside a scalar is no comment; one on a line the parser gave up on still is', () => {
  const text = ['x-a: b#c', 'x-b: "d # e"', "x-c: 'f # g'", 'x-d: >-', '  #h', '?# i # j', '|: k # l', ''].join('\n');
  const file = parseCompose(text);
  assert.ok(file.errors.length > 0, 'the last two lines are not YAML');
  assert.deepEqual(
    file.comments.map((comment) => slice(text, comment.span)),
    ['# j'],
  );
});

test('a duplicate key is an error at the second key', () => {
  const text = 'services:\n  web:\n    image: a\n    image: b\n';
  const file = parseCompose(text);
  assert.equal(file.errors.length, 1);
  assert.equal(file.errors[0]!.span.start, text.lastIndexOf('image'));
  assert.equal(slice(text, file.errors[0]!.span), 'image');
  assert.match(file.errors[0]!.message, /Duplicate key `image`/);
});

test('YAML errors keep their position and the rest of the file is still read', () => {
  const text = 'services:\n  web:\n    image: "unterminated\n  db:\n    image: postgres\n';
  const file = parseCompose(text);
  assert.ok(file.errors.length > 0);
  for (const error of file.errors) assert.ok(error.span.start >= 0 && error.span.end <= text.length);
  assert.ok(file.errors.some((error) => error.span.start >= text.indexOf('"unterminated')));
});

test('a tab used for indentation is reported where it is', () => {
  const text = 'services:\n\tweb:\n    image: a\n';
  const file = parseCompose(text);
  assert.ok(file.errors.some((error) => error.span.start === text.indexOf('\t')));
});

test('never throws on an empty file, and data is null', () => {
  const file = parseCompose('');
  assert.equal(file.data, null);
  assert.deepEqual(file.errors, []);
});

test('merge keys, anchors, `!reset` and `!override` are understood and produce no warnings', () => {
  const text = [
    'x-common: &common',
    '  restart: always',
    '  ports: ["80:80"]',
    'services:',
    '  web:',
    '    <<: *common',
    '    image: nginx',
    '    ports: !reset []',
    '    environment: !override',
    '      A: "1"',
  ].join('\n');
  const file = parseCompose(text);
  assert.deepEqual(file.errors, []);
  assert.deepEqual(file.warnings, []);
  assert.deepEqual(file.data, {
    'x-common': { restart: 'always', ports: ['80:80'] },
    services: { web: { restart: 'always', image: 'nginx', environment: { A: '1' } } },
  });
});

test('an unknown tag is a warning at the tag', () => {
  const text = 'services:\n  web:\n    image: !weird nginx\n';
  const file = parseCompose(text);
  assert.equal(file.warnings.length, 1);
  assert.equal(slice(text, file.warnings[0]!.span), '!weird');
});

test('a YAML alias bomb finishes fast with a clear error', () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const prev = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const text = lines.join('\n');
  const started = Date.now();
  const file = parseCompose(text);
  assert.ok(Date.now() - started < 1000, 'parsing took too long');
  assert.equal(file.data, undefined);
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /alias bomb/);
  assert.equal(slice(text, file.errors[0]!.span), '*a');
});

test('a second YAML document is an error at its start', () => {
  const text = 'services: {}\n---\nfoo: 1\n';
  const file = parseCompose(text);
  assert.equal(file.errors.length, 1);
  assert.equal(slice(text, file.errors[0]!.span), '---');
});

test('locatePath finds keys and values through aliases and merges', () => {
  const text = [
    'x-base: &base',
    '  healtcheck: {}',
    'services:',
    '  web:',
    '    <<: *base',
    '    ports:',
    '      - "80:80"',
    '      - 443',
  ].join('\n');
  const file = parseCompose(text);
  const port = locatePath(file, ['services', 'web', 'ports', 1]);
  assert.equal(slice(text, spanOf(port.valueNode)), '443');
  assert.equal(port.depth, 4);
  const merged = locatePath(file, ['services', 'web', 'healtcheck']);
  assert.equal(merged.keyNode?.range?.[0], text.indexOf('healtcheck'));
  const missing = locatePath(file, ['services', 'db', 'image']);
  assert.equal(missing.depth, 1);
});

test('a mapping or sequence used as a key is an error at the key, and the key is read as its text', () => {
  const text = 'services:\n  ? [a, b]\n  : 1\n  web:\n    image: nginx\n';
  const file = parseCompose(text);
  const error = file.errors.find((candidate) => candidate.code === 'COLLECTION_KEY');
  assert.ok(error, JSON.stringify(file.errors));
  assert.equal(slice(text, error.span), '[a, b]');
  assert.deepEqual(Object.keys((file.data as { services: object }).services), ['[a, b]', 'web']);
});

test('hundreds of nested flow mappings as keys ({{{{…) parse in linear time', () => {
  const started = Date.now();
  const file = parseCompose(`services:\n  app:\n    image: ${'{'.repeat(2_000)}\n`);
  assert.ok(file.errors.length > 0);
  // Re-stringifying each nested key took minutes at 300; a generous bound, not a speed target.
  assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
});
