import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { LineIndex } from '../../text';
import type { Span } from '../../types';
import type { TomlFile, TomlKeyValue } from './ast';
import { parseToml } from './parse';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

function pair(file: TomlFile, path: string): TomlKeyValue {
  const found = file.keyValues.find((kv) => kv.path.join('.') === path);
  assert.ok(found, `no pair at ${path}; have ${file.keyValues.map((kv) => kv.path.join('.')).join(', ')}`);
  return found;
}

/** Each error as `line:column-line:column message`, 1-based, as an editor shows it. */
function errorsAt(text: string, file: TomlFile): string[] {
  const lines = new LineIndex(text);
  return file.errors.map((error) => {
    const { start, end } = lines.rangeOf(error.span);
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${error.message}`;
  });
}

test('keys, values and the whole assignment have exact spans', () => {
  const text = '# Database\n[database]\nurl = "postgres://db/flovyn"   # inline\n  timeout_secs=5\n';
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  const url = pair(file, 'database.url');
  assert.equal(slice(text, url.keySpan), 'url');
  assert.equal(slice(text, url.valueSpan), '"postgres://db/flovyn"');
  assert.equal(slice(text, url.span), 'url = "postgres://db/flovyn"');
  assert.equal(url.value, 'postgres://db/flovyn');
  assert.equal(url.valueKind, 'string');
  const timeout = pair(file, 'database.timeout_secs');
  assert.equal(timeout.keySpan.start, text.indexOf('timeout_secs'));
  assert.equal(timeout.value, 5);
  assert.equal(timeout.valueKind, 'integer');
  assert.deepEqual(
    file.comments.map((comment) => [slice(text, comment.span), comment.text]),
    [['# Database', ' Database'], ['# inline', ' inline']],
  );
});

test('table headers, nested headers and arrays of tables get paths with element indexes', () => {
  const text = '[auth]\nenabled = true\n[auth.endpoints.http]\nauthorizer = "cedar"\n[[orgs]]\nid = "a"\n[[orgs]]\nid = "b"\n[orgs.limits]\nmax = 3\n[ [ "not" ] ]\n';
  const file = parseToml(text.replace('[ [ "not" ] ]\n', ''));
  assert.deepEqual(
    file.tables.map((table) => [table.path, slice(text, table.nameSpan), slice(text, table.span), table.isArrayOfTables]),
    [
      [['auth'], 'auth', '[auth]', false],
      [['auth', 'endpoints', 'http'], 'auth.endpoints.http', '[auth.endpoints.http]', false],
      [['orgs', 0], 'orgs', '[[orgs]]', true],
      [['orgs', 1], 'orgs', '[[orgs]]', true],
      [['orgs', 1, 'limits'], 'orgs.limits', '[orgs.limits]', false],
    ],
  );
  assert.deepEqual(
    file.keyValues.map((kv) => [kv.path, kv.value]),
    [
      [['auth', 'enabled'], true],
      [['auth', 'endpoints', 'http', 'authorizer'], 'cedar'],
      [['orgs', 0, 'id'], 'a'],
      [['orgs', 1, 'id'], 'b'],
      [['orgs', 1, 'limits', 'max'], 3],
    ],
  );
  const second = pair(file, 'orgs.1.id');
  assert.equal(second.keySpan.start, text.lastIndexOf('id = "b"'));
});

test('dotted and quoted keys keep the key as written and each part separately', () => {
  const text = 'auth.better_auth . "jwt" .issuer = "https://app.example"\n"quoted key" = 1\n\'literal.key\' = 2\n';
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  const issuer = pair(file, 'auth.better_auth.jwt.issuer');
  assert.equal(slice(text, issuer.keySpan), 'auth.better_auth . "jwt" .issuer');
  assert.deepEqual(
    issuer.keyParts.map((part) => [part.name, slice(text, part.span)]),
    [['auth', 'auth'], ['better_auth', 'better_auth'], ['jwt', '"jwt"'], ['issuer', 'issuer']],
  );
  assert.equal(issuer.value, 'https://app.example');
  assert.deepEqual(pair(file, 'quoted key').keyParts.map((part) => slice(text, part.span)), ['"quoted key"']);
  assert.equal(pair(file, 'literal.key').path.length, 1);
  assert.equal(pair(file, 'literal.key').value, 2);
});

test('multi-line strings and arrays across lines span exactly their text', () => {
  const text = [
    'basic = """',
    'line one',
    'ends with two quotes""""',
    'literal = \'\'\'C:\\path',
    "has ' inside'''",
    'list = [',
    '  "a", # first',
    '  [1, 2],',
    ']',
    'next = "x"',
  ].join('\r\n');
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  const basic = pair(file, 'basic');
  assert.equal(slice(text, basic.valueSpan), '"""\r\nline one\r\nends with two quotes""""');
  assert.equal(basic.value, 'line one\r\nends with two quotes"');
  assert.equal(slice(text, pair(file, 'literal').valueSpan), "'''C:\\path\r\nhas ' inside'''");
  const list = pair(file, 'list');
  assert.equal(slice(text, list.valueSpan), '[\r\n  "a", # first\r\n  [1, 2],\r\n]');
  assert.deepEqual(list.value, ['a', [1, 2]]);
  assert.deepEqual(file.comments.map((comment) => comment.text), [' first']);
  assert.equal(pair(file, 'next').keySpan.start, text.indexOf('next'));
});

test('inline-table members get their own pairs with full paths, also inside arrays', () => {
  const text = 'jwt = { issuer = "https://i", opts = { skew = 60 } }\nkeys = [{ key = "k1", role = "ADMIN" }, { key = "k2" }]\n';
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  assert.deepEqual(
    file.keyValues.map((kv) => [kv.path.join('.'), slice(text, kv.keySpan), slice(text, kv.valueSpan), kv.inline]),
    [
      ['jwt', 'jwt', '{ issuer = "https://i", opts = { skew = 60 } }', false],
      ['jwt.issuer', 'issuer', '"https://i"', true],
      ['jwt.opts', 'opts', '{ skew = 60 }', true],
      ['jwt.opts.skew', 'skew', '60', true],
      ['keys', 'keys', '[{ key = "k1", role = "ADMIN" }, { key = "k2" }]', false],
      ['keys.0.key', 'key', '"k1"', true],
      ['keys.0.role', 'role', '"ADMIN"', true],
      ['keys.1.key', 'key', '"k2"', true],
    ],
  );
  assert.equal(pair(file, 'jwt.opts.skew').value, 60);
  assert.equal(pair(file, 'keys.1.key').value, 'k2');
  assert.deepEqual(slice(text, pair(file, 'jwt.issuer').span), 'issuer = "https://i"');
});

test('every kind of scalar is parsed and classified', () => {
  const text = 'i = +1_000\nh = 0xff\nf = 6.02e23\nn = nan\nb = false\nd = 1979-05-27 07:32:00Z\nld = 1979-05-27\ns = \'x\'\n';
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  assert.deepEqual(
    file.keyValues.map((kv) => kv.valueKind),
    ['integer', 'integer', 'float', 'float', 'boolean', 'datetime', 'datetime', 'string'],
  );
  assert.equal(pair(file, 'i').value, 1000);
  assert.ok(pair(file, 'd').value instanceof Date);
  assert.equal(slice(text, pair(file, 'd').valueSpan), '1979-05-27 07:32:00Z');
});

test('local times are read, whatever follows them (the value parser swallows one character after them)', () => {
  const text = 'start = 07:32:00\nnext = 1\nslot = { at = 08:00:00}\nlater = 23:59:59.5\n';
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  const iso = (value: unknown) => (value as Date).toISOString();
  assert.equal(iso(pair(file, 'start').value), '07:32:00.000');
  assert.equal(pair(file, 'next').value, 1);
  assert.equal(iso(pair(file, 'slot.at').value), '08:00:00.000');
  assert.equal(iso((file.data!['slot'] as Record<string, unknown>)['at']), '08:00:00.000');
  assert.equal(iso(pair(file, 'later').value), '23:59:59.500');
});

test('a byte-order mark is skipped and spans stay in the original text', () => {
  const text = '\uFEFFa = 1\n';
  const file = parseToml(text);
  assert.deepEqual(file.errors, []);
  assert.deepEqual(file.data, { a: 1 });
  assert.equal(slice(text, pair(file, 'a').keySpan), 'a');
});

test('a duplicate key is reported at the second key, naming the first line', () => {
  const text = 'a = 1\nb = 2\na = 3\n';
  const file = parseToml(text);
  assert.equal(file.data, undefined);
  assert.deepEqual(errorsAt(text, file), ['3:1-3:2 `a` is already set on line 1; TOML does not allow defining it again']);
  assert.deepEqual(file.keyValues.map((kv) => kv.value), [1, 2, 3]);
});

test('a table defined twice, and a table over a value, are reported at the header name', () => {
  const text = '[server]\nport = 1\n[server]\nhost = "h"\n';
  assert.deepEqual(errorsAt(text, parseToml(text)), ['3:2-3:8 Table `[server]` is already defined on line 1; TOML does not allow defining it again']);
  const overValue = 'auth = 1\n[auth.jwt]\nx = 1\n';
  assert.deepEqual(errorsAt(overValue, parseToml(overValue)), [
    '2:2-2:10 `auth` is already set to a value on line 1; a value cannot also be a table with keys',
  ]);
});

test('a missing `=` is reported where it is expected, and the next lines still parse', () => {
  const text = '[server]\nhttp_port 8000\ngrpc_port = 9090\n';
  const file = parseToml(text);
  assert.deepEqual(errorsAt(text, file), ['2:11-2:15 Expected `=` after the key']);
  assert.equal(pair(file, 'server.grpc_port').value, 9090);
  const bare = 'enabled\nx = 1\n';
  assert.deepEqual(errorsAt(bare, parseToml(bare)), ['1:1-1:8 Expected `=` and a value after the key `enabled`']);
});

test('an unterminated string is reported from its opening quote to the end of the line', () => {
  const text = 'url = "postgres://db\nport = 5432\n';
  const file = parseToml(text);
  assert.deepEqual(errorsAt(text, file), ['1:7-1:21 Unterminated string: the closing quote is missing on this line']);
  assert.equal(pair(file, 'url').value, undefined);
  assert.equal(pair(file, 'port').value, 5432);
  const multi = 'a = 1\nb = """\nnever closed\n';
  assert.deepEqual(errorsAt(multi, parseToml(multi)), ['2:5-2:8 Unterminated multi-line string: no closing """ before the end of the file']);
});

test('bad values are reported at the value, with what is wrong', () => {
  const text = 'enabled = yes\nport = 80_\nwhen = 2024-13-01\nname = "tab\\q"\nok = true\ntimeout_secs = 5s\n';
  const file = parseToml(text);
  const errors = errorsAt(text, file);
  assert.equal(errors.length, 5, errors.join('\n'));
  assert.match(errors[0]!, /^1:11-1:14 The value of `enabled` is not a TOML value: text needs quotes/);
  assert.match(errors[1]!, /^2:8-2:11 The value of `port` is not a valid integer: /);
  assert.match(errors[2]!, /^3:8-3:18 The value of `when` is not a valid datetime: /);
  assert.match(errors[3]!, /^4:12-4:14 Unknown escape sequence in a string/);
  assert.match(errors[4]!, /^6:16-6:18 The value of `timeout_secs` is not a TOML value: a number has no unit/);
  assert.equal(pair(file, 'ok').value, true);
});

test('text after a value, and a garbage line, are reported; the rest of the file survives', () => {
  const text = 'a = 1 b = 2\n}}}\n[t]\nc = 3 # fine\n';
  const file = parseToml(text);
  assert.deepEqual(errorsAt(text, file), [
    '1:7-1:12 Unexpected text after the value; put each key on its own line',
    '2:1-2:4 Expected a key, a [table] header or a comment',
  ]);
  assert.equal(pair(file, 't.c').value, 3);
});

test('an array or inline table left open is reported at its bracket', () => {
  const array = 'list = [\n  "a",\n  "b"\nnext = 3\n';
  const arrayFile = parseToml(array);
  assert.deepEqual(errorsAt(array, arrayFile), ['1:8-1:9 Array `[` is not closed with `]` before the next key']);
  assert.equal(pair(arrayFile, 'next').value, 3);
  const sameLine = 'list = [1 2]\n';
  assert.deepEqual(errorsAt(sameLine, parseToml(sameLine)), ['1:11-1:13 Expected `,` or `]` after an array element']);
  const inline = 'jwt = { issuer = "x",\naudience = "y" }\n';
  assert.deepEqual(errorsAt(inline, parseToml(inline))[0], '1:7-1:8 Inline table `{` must be closed with `}` on the same line');
});

test('a header that is not closed is reported and its table ignored', () => {
  const text = '[auth\nenabled = true\n';
  const file = parseToml(text);
  assert.deepEqual(errorsAt(text, file), ['1:6-1:6 Expected `]` to close the table header']);
  assert.deepEqual(file.tables, []);
  assert.equal(pair(file, 'enabled').value, true);
});

test('a secret value never appears in an error message', () => {
  const secret = 'hunter2-very-secret';
  for (const text of [`token = "${secret}`, `token = ${secret}`, `token = "${secret}" trailing`, `token = "${secret}\\x"`, `[t]\ntoken = "${secret}"\ntoken = "${secret}"`]) {
    for (const error of parseToml(text).errors) assert.ok(!error.message.includes('hunter2'), `${JSON.stringify(text)}: ${error.message}`);
  }
});

test('pathological input stays linear and bounded', () => {
  const deep = parseToml(`a = ${'['.repeat(100_000)}`);
  assert.ok(deep.errors.length >= 1);
  const started = Date.now();
  parseToml('x'.repeat(200_000));
  parseToml('a = 1 ' + '#'.repeat(200_000));
  parseToml('}\n'.repeat(50_000));
  // Generous for a loaded machine: what this catches is a quadratic blow-up (minutes), not a slow second.
  assert.ok(Date.now() - started < 15_000);
});
