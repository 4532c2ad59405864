import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { NginxDirective } from './ast';
import { parseNginx } from './parse';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('every part of a directive and a block has its exact span', () => {
  const text = 'http {\n    proxy_buffering  off;\n}\n';
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  const http = directives[0]!;
  assert.equal(http.name, 'http');
  assert.equal(slice(text, http.nameSpan), 'http');
  assert.equal(slice(text, http.block!.open), '{');
  assert.equal(slice(text, http.block!.close!), '}');
  assert.equal(slice(text, http.span), text.slice(0, -1));
  const buffering = http.block!.children[0]!;
  assert.equal(slice(text, buffering.nameSpan), 'proxy_buffering');
  assert.deepEqual(buffering.args.map((arg) => [arg.value, slice(text, arg.span)]), [['off', 'off']]);
  assert.equal(slice(text, buffering.semicolon!), ';');
  assert.equal(slice(text, buffering.span), 'proxy_buffering  off;');
});

test('quoted arguments keep their quotes in raw and span, and resolve escapes as nginx does', () => {
  const text = `add_header X-A "a \\"b\\" \\t\\q" 'it\\'s';\n`;
  const [directive] = parseNginx(text).directives;
  const [, double, single] = directive!.args;
  assert.equal(double!.quote, '"');
  assert.equal(double!.raw, '"a \\"b\\" \\t\\q"');
  assert.equal(slice(text, double!.span), double!.raw);
  assert.equal(double!.value, 'a "b" \t\\q');
  assert.equal(single!.quote, "'");
  assert.equal(single!.value, "it's");
});

test('empty quotes are an argument with an empty value', () => {
  const text = "proxy_set_header Connection '';\n";
  const [directive] = parseNginx(text).directives;
  assert.deepEqual(directive!.args.map((arg) => arg.value), ['Connection', '']);
  assert.equal(slice(text, directive!.args[1]!.span), "''");
});


test('a directive or block named by empty quotes is kept, so that it is reported as unknown', () => {
  const text = "'' on;\n\"\" {\n    root /srv;\n}\n";
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(directives.map((directive) => [directive.name, slice(text, directive.nameSpan)]), [['', "''"], ['', '""']]);
  assert.equal(directives[1]!.block!.children[0]!.name, 'root');
});
test('${var} stays one word, but a regex brace ends the word where nginx ends it', () => {
  const text = 'location ~ ^/x{2}$ {\n}\n}\n';
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  // nginx reads `^/x` then `{`: the rest, `2}$ {`, is a block directive named `2}$` inside it.
  assert.deepEqual(directives[0]!.args.map((arg) => arg.value), ['~', '^/x']);
  assert.equal(directives[0]!.block!.children[0]!.name, '2}$');
  const [ret] = parseNginx('return 200 ${host}x{y};').directives;
  assert.deepEqual(ret!.args.map((arg) => arg.value), ['200', '${host}x']);
});

test('a quoted regex with braces is one argument', () => {
  const text = 'location ~ "^/x{2}$" {\n}\n';
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(directives[0]!.args.map((arg) => arg.value), ['~', '^/x{2}$']);
});

test('comments start only where a word could start, and keep their text after #', () => {
  const text = '# top\nroot /srv#not-a-comment; # trailing\n';
  const { directives, comments } = parseNginx(text);
  assert.deepEqual(comments.map((comment) => comment.text), [' top', ' trailing']);
  assert.deepEqual(comments.map((comment) => slice(text, comment.span)), ['# top', '# trailing']);
  assert.equal(directives[0]!.args[0]!.value, '/srv#not-a-comment');
});

test('a missing ";" before "}" is reported on the last argument, with a fix inserting it', () => {
  const text = 'server {\n    location / {\n        proxy_pass http://app\n    }\n}\n';
  const { directives, errors } = parseNginx(text);
  assert.equal(errors.length, 1);
  assert.equal(slice(text, errors[0]!.span), 'http://app');
  assert.match(errors[0]!.message, /Missing ";" at the end of `proxy_pass`/);
  assert.deepEqual(errors[0]!.repair, { title: 'Insert ";"', span: { start: errors[0]!.span.end, end: errors[0]!.span.end }, newText: ';' });
  // Recovery keeps the structure: the directive is still inside the location, and the blocks close.
  const location = directives[0]!.block!.children[0]!;
  assert.equal(location.block!.children[0]!.name, 'proxy_pass');
  assert.ok(location.block!.close);
});

test('an unclosed block is reported at the block whose "}" is missing, judged by indentation', () => {
  const text = 'http {\n  server {\n    location / {\n      root /x;\n  }\n}\n';
  const { errors } = parseNginx(text);
  assert.equal(errors.length, 1);
  assert.equal(slice(text, errors[0]!.span), 'location');
  assert.match(errors[0]!.message, /The block of `location \/` is never closed/);
  // The fix closes the location at its own indentation, before the `}` that closes the server.
  const fixed = text.slice(0, errors[0]!.repair!.span.start) + errors[0]!.repair!.newText + text.slice(errors[0]!.repair!.span.end);
  assert.equal(fixed, 'http {\n  server {\n    location / {\n      root /x;\n    }\n  }\n}\n');
  assert.deepEqual(parseNginx(fixed).errors, []);
});

test('with no indentation clue the innermost open block is closed at the end, with the file\'s line breaks', () => {
  const text = 'events {\r\nworker_connections 10;';
  const { errors } = parseNginx(text);
  assert.equal(errors.length, 1);
  assert.equal(slice(text, errors[0]!.span), 'events');
  assert.deepEqual(errors[0]!.repair!.span, { start: text.length, end: text.length });
  assert.equal(errors[0]!.repair!.newText, '\r\n}');
});

test('a stray "}" is an error of its own; the directives after it are still read', () => {
  const text = 'root /a;\n}\nindex x;\n';
  const { directives, errors } = parseNginx(text);
  assert.equal(errors.length, 1);
  assert.equal(slice(text, errors[0]!.span), '}');
  assert.match(errors[0]!.message, /closes no block/);
  assert.deepEqual(directives.map((directive) => directive.name), ['root', 'index']);
});

test('a file of only "{" gives one clear error', () => {
  const { directives, errors } = parseNginx('{');
  assert.deepEqual(directives, []);
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0]!.span, { start: 0, end: 1 });
  assert.match(errors[0]!.message, /Unexpected "\{"/);
});

test('an unterminated quote is reported at the quote, and the next lines are read again', () => {
  const text = 'add_header X "oops;\nroot /srv;\nindex i;\n';
  const { directives, errors } = parseNginx(text);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.span.start, text.indexOf('"'));
  assert.match(errors[0]!.message, /Unterminated quoted string/);
  assert.equal(directives[0]!.name, 'add_header');
  assert.ok(directives.some((directive) => directive.name === 'index'));
});

test('an extra ";" and a character glued to a closing quote are errors where nginx reports them', () => {
  const text = 'root /a;;\nadd_header X "a"b;\n';
  const { errors } = parseNginx(text);
  assert.deepEqual(
    errors.map((error) => slice(text, error.span)),
    [';', 'b'],
  );
  assert.match(errors[0]!.message, /Unexpected ";"/);
  assert.equal(errors[0]!.repair!.newText, '');
  assert.match(errors[1]!.message, /right after a quoted string/);
});

test('the end of a statement at the end of the file without ";" is an error with a fix', () => {
  const text = 'worker_processes auto';
  const { directives, errors } = parseNginx(text);
  assert.equal(directives[0]!.name, 'worker_processes');
  assert.equal(errors.length, 1);
  assert.equal(slice(text, errors[0]!.span), 'auto');
  assert.equal(errors[0]!.repair!.newText, ';');
});

test('Go template actions: control actions vanish, value actions are template words', () => {
  const text = [
    '{{ $PORT := .Env.PORT | default "80" }}',
    'worker_processes {{ .Env.WORKERS | default "4" }};',
    '{{ if .Env.RESOLVER }}',
    'resolver {{ .Env.RESOLVER }};',
    '{{ end -}}',
    "add_header 'Access-Control-Allow-Origin' '{{ $ORIGIN }}';",
    'location = /{{ $PATH }} {',
    '    return 301 /;',
    '}',
    '',
  ].join('\n');
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(directives.map((directive) => directive.name), ['worker_processes', 'resolver', 'add_header', 'location']);
  assert.equal(directives[0]!.args[0]!.raw, '{{ .Env.WORKERS | default "4" }}');
  assert.equal(directives[0]!.args[0]!.templated, true);
  assert.equal(directives[2]!.args[1]!.templated, true);
  assert.equal(directives[3]!.args[1]!.raw, '/{{ $PATH }}');
});

test('envsubst: a lone ${VAR} line is a placeholder for directives, and ${VAR} arguments are template words', () => {
  const text = 'server {\n    listen ${NGINX_PORT};\n    ${HTTPS_CONFIG}\n    # comment\n    ${ACME_LOCATION}\n}\n';
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  const children = directives[0]!.block!.children;
  assert.deepEqual(children.map((child) => [child.name, child.placeholder ?? false]), [
    ['listen', false],
    ['${HTTPS_CONFIG}', true],
    ['${ACME_LOCATION}', true],
  ]);
  assert.equal(children[0]!.args[0]!.templated, true);
  // nginx's own variables are not template words.
  assert.equal(parseNginx('return 200 "${host}";').directives[0]!.args[1]!.templated, undefined);
});

test('a *_by_lua_block body is Lua, kept raw, braces in strings and comments included', () => {
  const text = 'content_by_lua_block {\n  local t = { a = "}" } -- }\n  ngx.say(t.a)\n}\nroot /x;\n';
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  assert.equal(directives[0]!.block!.raw, true);
  assert.deepEqual(directives[0]!.block!.children, []);
  assert.equal(slice(text, directives[0]!.block!.close!), '}');
  assert.equal(directives[1]!.name, 'root');
});

test('directive spans nest: each child lies inside its parent block', () => {
  const text = 'http { server { location / { if ($a) { return 404; } } } }';
  const check = (list: readonly NginxDirective[], within: { start: number; end: number }) => {
    for (const directive of list) {
      assert.ok(directive.span.start >= within.start && directive.span.end <= within.end);
      if (directive.block) check(directive.block.children, { start: directive.block.open.end, end: directive.block.close!.start });
    }
  };
  const { directives, errors } = parseNginx(text);
  assert.deepEqual(errors, []);
  check(directives, { start: 0, end: text.length });
});

test('deep nesting needs no recursion, and parse time grows linearly with the text', () => {
  const deep = 'a {'.repeat(20000) + '}'.repeat(20000);
  // The 101st block is where the bound is reached: read to its `}`, reported once, not checked.
  assert.deepEqual(parseNginx(deep).errors, [{ span: { start: 300, end: 301 }, message: 'Nesting deeper than 100 levels is not checked.' }]);
  const fastest = (text: string) => {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const started = process.hrtime.bigint();
      parseNginx(text);
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return best;
  };
  // Eight times the text: linear time costs about 8x, quadratic 64x. The slack absorbs a busy machine.
  for (const unit of ['proxy_set_header X-A "b";\n', '"\n', 'a {\n', 'k "v\\"" \'w\';\n']) {
    const small = fastest(unit.repeat(2000));
    const large = fastest(unit.repeat(16000));
    assert.ok(large < small * 32 + 400, `${JSON.stringify(unit)}: ${small.toFixed(1)}ms -> ${large.toFixed(1)}ms`);
  }
});
