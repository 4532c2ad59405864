import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const argsOf = (text: string) => findingsOf(checkText(text, { path: '/project/nginx/conf.d/site.conf', kind: 'nginx' }), 'nginx/invalid-args');
const inLocation = (line: string) => `server {\n    location / {\n        ${line}\n    }\n}\n`;

test('a value outside on | off is an error on the value', () => {
  const text = inLocation('proxy_buffering maybe;');
  const [finding, ...rest] = argsOf(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'maybe');
  assert.deepEqual(finding!.range, { start: { line: 2, character: 24 }, end: { line: 2, character: 29 } });
  assert.equal(finding!.message, 'Invalid value `maybe` for `proxy_buffering`: it takes `on` or `off` here.');
});

test('fixed values are case-insensitive, as nginx compares them', () => {
  assert.deepEqual(argsOf(inLocation('proxy_buffering OFF;')), []);
});

test('too many arguments marks the extra ones; too few marks the name', () => {
  const extra = inLocation('proxy_buffering on off;');
  const [finding] = argsOf(extra);
  assert.equal(textOf(extra, finding!), 'off');
  assert.match(finding!.message, /^`proxy_buffering` takes 1 argument, not 2 \(nginx reports "invalid number of arguments"\)\. Syntax: `proxy_buffering on \| off;`$/);
  const missing = inLocation('proxy_set_header Host;');
  const [short] = argsOf(missing);
  assert.equal(textOf(missing, short!), 'proxy_set_header');
  assert.match(short!.message, /takes 2 arguments, not 1/);
});

test('sizes, times and numbers are checked where the syntax asks for them', () => {
  const text = 'server {\n    client_max_body_size 10MB;\n    proxy_read_timeout 5min;\n    proxy_buffers 8 16k;\n    client_body_timeout 1h30m;\n    keepalive_requests many;\n}\n';
  assert.deepEqual(argsOf(text).map((finding) => [textOf(text, finding), finding.message]), [
    ['10MB', 'Invalid value `10MB` for `client_max_body_size`: it takes a size such as `10m` here.'],
    ['5min', 'Invalid value `5min` for `proxy_read_timeout`: it takes a time such as `30s` here.'],
    ['many', 'Invalid value `many` for `keepalive_requests`: it takes a whole number here.'],
  ]);
});

test('a space inside a size is two arguments', () => {
  const text = 'server {\n    client_max_body_size 10 MB;\n}\n';
  const [finding] = argsOf(text);
  assert.equal(textOf(text, finding!), 'MB');
  assert.match(finding!.message, /takes 1 argument, not 2/);
});

test('arguments with variables or template expressions are not judged', () => {
  assert.deepEqual(argsOf(inLocation('proxy_read_timeout $timeout;')), []);
  const template = 'server {\n    client_max_body_size ${NGINX_CLIENT_MAX_BODY_SIZE};\n    proxy_read_timeout {{ .Env.TIMEOUT }};\n}\n';
  assert.deepEqual(findingsOf(checkText(template, { path: '/project/nginx/conf.d/default.conf.template', kind: 'nginx' }), 'nginx/invalid-args'), []);
});

test('forms nginx accepts beyond its documentation are not reported', () => {
  assert.deepEqual(argsOf('error_log /var/log/nginx/error.log debug_http debug_core;\n'), []);
});

test('map and geo entries are exactly a key and a value', () => {
  const text = 'map $uri $target {\n    hostnames;\n    default /;\n    ~^/old /new extra;\n}\ngeo $allowed {\n    ranges;\n    default;\n}\n';
  assert.deepEqual(argsOf(text).map((finding) => textOf(text, finding)), ['~^/old /new extra', 'default']);
  assert.match(argsOf(text)[0]!.message, /A `map` entry is a key and a value \(`key value;`\), not 3 words/);
});

test('values of secret-like directives are never quoted', () => {
  const [finding] = argsOf('server {\n    ssl_password_file /a /b;\n}\n');
  assert.doesNotMatch(finding!.message, /\/a|\/b/);
});

test('parameters after the required words must be documented keywords or key=value names', () => {
  const text = 'server {\n    listen 443 ssl http2 backlog=511 sslv3;\n    add_header X-A b alway;\n}\nupstream app {\n    server app:8000 weight=2 backup;\n    server app:8001 wieght=2;\n}\n';
  assert.deepEqual(argsOf(text).map((finding) => textOf(text, finding)), ['sslv3', 'alway', 'wieght=2']);
  assert.match(argsOf(text)[0]!.message, /^Invalid parameter `sslv3` for `listen`: it is none of the directive's documented parameters \(nginx reports "invalid parameter"\)\./);
});

test('a list of fixed words is checked word by word', () => {
  const text = 'server {\n    gzip_proxied expired no-cache anyy;\n    proxy_next_upstream error timeout http_502;\n}\n';
  const [finding, ...rest] = argsOf(text);
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'anyy');
});

test('a free-form value the documentation reserves for NGINX Plus is invalid in open-source nginx', () => {
  const text = 'http {\n    server_tokens yes;\n    server_tokens build;\n}\n';
  const [finding, ...rest] = argsOf(text);
  assert.deepEqual(rest, []);
  assert.equal(textOf(text, finding!), 'yes');
  assert.match(finding!.message, /it takes `on`, `off`, `build` here\. \(A free-form `string` needs the commercial NGINX Plus\.\)/);
});

test('a value after a credential-like header name is never quoted', () => {
  const text = 'server {\n    add_header Authorization Bearer s3cr3tT0ken;\n}\n';
  const [finding] = argsOf(text);
  assert.equal(textOf(text, finding!), 's3cr3tT0ken');
  assert.doesNotMatch(finding!.message, /s3cr3t/);
  assert.match(finding!.message, /^Invalid parameter for `add_header`/);
});
