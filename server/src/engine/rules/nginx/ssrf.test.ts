import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkText, findingsOf, textOf } from '../../testing';

const PATH = '/project/nginx/conf.d/site.conf';
const findings = (text: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx' }), 'nginx/ssrf');
const server = (body: string) => `server {\n    listen 80;\n${body}}\n`;

test('a proxy_pass host from a request header is reported on the variable', () => {
  const text = server('    location / {\n        proxy_pass http://$http_x_backend/api;\n    }\n');
  const [finding, ...rest] = findings(text);
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textOf(text, finding!), '$http_x_backend');
  assert.equal(finding!.message, '`proxy_pass` takes the server to connect to from `$http_x_backend`, which is the `X-Backend` request header: a client can make nginx connect to any host it names, internal ones included (server-side request forgery).');
  assert.deepEqual(finding!.fixes, []);
});

test('a location capture, a query argument or a cookie as the host, and a whole-argument variable, are reported', () => {
  const capture = server('    location ~ ^/proxy/(.*)$ {\n        proxy_pass http://$1;\n    }\n');
  const [fromCapture] = findings(capture);
  assert.equal(textOf(capture, fromCapture!), '$1');
  assert.match(fromCapture!.message, /a capture of `\^\/proxy\/\(\.\*\)\$` from the decoded request URI/);
  const viaSet = server('    location / {\n        set $target $arg_to;\n        proxy_pass $target;\n    }\n');
  assert.equal(textOf(viaSet, findings(viaSet)[0]!), '$target');
  assert.match(findings(viaSet)[0]!.message, /the `to` query argument/);
  const fastcgi = server('    location ~ \\.php$ {\n        fastcgi_pass ${cookie_node}:9000;\n    }\n');
  assert.equal(textOf(fastcgi, findings(fastcgi)[0]!), '${cookie_node}');
  const named = server('    location ~ ^/svc/(?<svc>[a-z0-9-]+)/ {\n        grpc_pass grpc://$svc.internal:50051;\n    }\n');
  assert.equal(textOf(named, findings(named)[0]!), '$svc');
});

test('a path built from the request, $host, literal upstreams and fixed alternatives pass', () => {
  assert.deepEqual(findings(server('    location / {\n        proxy_pass http://backend$request_uri;\n    }\n')), []);
  assert.deepEqual(findings(server('    location / {\n        proxy_pass http://backend/$uri?$args;\n    }\n')), []);
  assert.deepEqual(findings(server('    location / {\n        proxy_pass http://$host:8080;\n    }\n')), []);
  assert.deepEqual(findings(server('    location / {\n        set $upstream backend;\n        proxy_pass http://$upstream;\n    }\n')), []);
  assert.deepEqual(findings(server('    location ~ ^/(app1|app2)/ {\n        proxy_pass http://$1;\n    }\n')), []);
  assert.deepEqual(findings('map $http_x_tenant $pool {\n    default main;\n    beta beta_pool;\n}\n' + server('    location / {\n        proxy_pass http://$pool;\n    }\n')), []);
  // The `set` in the location itself is the one in force there.
  assert.deepEqual(findings(server('    location /a {\n        set $up $http_x_up;\n    }\n    location / {\n        set $up backend;\n        proxy_pass http://$up;\n    }\n')), []);
  // Defined in a file this one does not see: not judged.
  assert.deepEqual(findings(server('    location / {\n        proxy_pass http://$backend;\n    }\n')), []);
  // A URL whose host is fixed, with the request only in its query.
  assert.deepEqual(findings(server('    location / {\n        set $url http://example.com/x?from=$http_referer;\n        proxy_pass $url;\n    }\n')), []);
});

test('a map copying a header into the host is followed', () => {
  const text = 'map $http_x_target $dest {\n    default $http_x_target;\n}\n' + server('    location / {\n        proxy_pass http://$dest;\n    }\n');
  const [finding] = findings(text);
  assert.equal(textOf(text, finding!), '$dest');
  assert.match(finding!.message, /the `X-Target` request header/);
  const captured = 'map $http_x_target $dest {\n    ~^(?<node>.+)\\.svc$ $node;\n}\n' + server('    location / {\n        proxy_pass http://$dest;\n    }\n');
  assert.equal(findings(captured).length, 1);
});
