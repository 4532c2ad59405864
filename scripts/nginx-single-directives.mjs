// `node scripts/nginx-single-directives.mjs [path/to/nginx]`: asks a real `nginx -t` which
// directives of @nginx/reference-lib refuse to be set twice in one block ("is duplicate"), and
// writes the answer to server/src/engine/rules/nginx/support/singleDirectives.ts. Each http and
// core directive the installed nginx knows is written once, then twice, in the first block the
// reference allows it in, with its documented default (or a sample value) as its arguments.
// Directives this nginx lacks (newer, commercial, dynamic modules not loaded) are left out: the
// table names only what was observed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const { getDirectives, Format } = createRequire(import.meta.url)(join(root, 'node_modules/@nginx/reference-lib'));
const nginx = process.argv[2] ?? '/usr/sbin/nginx';
const scratch = mkdtempSync(join(tmpdir(), 'dd-single-'));
mkdirSync(join(scratch, 'logs'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-keyout', join(scratch, 'key.pem'), '-out', join(scratch, 'cert.pem')], { stdio: 'ignore' });
writeFileSync(join(scratch, 'htpasswd'), 'user:x\n');

// Arguments for directives whose reference default is empty: the common ones, each valid alone.
const PEM = join(scratch, 'cert.pem');
const SAMPLES = {
  proxy_pass: 'http://127.0.0.1:8080', fastcgi_pass: '127.0.0.1:9000', uwsgi_pass: '127.0.0.1:9000', scgi_pass: '127.0.0.1:9000', grpc_pass: '127.0.0.1:9000',
  root: '/srv', alias: '/srv/', try_files: '$uri =404', return: '204', rewrite: '^/a$ /b', set: '$a 1', add_header: 'X-A 1', add_trailer: 'X-A 1',
  ssl_certificate: PEM, ssl_certificate_key: join(scratch, 'key.pem'), ssl_dhparam: PEM, ssl_trusted_certificate: PEM, ssl_client_certificate: PEM, ssl_stapling_file: PEM,
  auth_basic_user_file: join(scratch, 'htpasswd'), auth_request: '/auth', auth_request_set: '$a $upstream_status', error_page: '404 /404.html', allow: 'all', deny: 'all',
  proxy_hide_header: 'X-A', fastcgi_hide_header: 'X-A', proxy_pass_header: 'X-A', proxy_cookie_domain: 'off', resolver: '127.0.0.1', default_type: 'text/plain',
  expires: '1h', sub_filter: 'a b', proxy_cache_key: '$uri', proxy_cache_valid: '200 1m', proxy_cache_bypass: '$arg_a', proxy_no_cache: '$arg_a', real_ip_header: 'X-Real-IP',
  set_real_ip_from: '10.0.0.0/8', satisfy: 'all', pid: 'logs/x.pid', ssl_ciphers: 'HIGH', proxy_bind: '127.0.0.1', proxy_ssl_certificate: PEM,
  proxy_ssl_certificate_key: join(scratch, 'key.pem'), proxy_ssl_trusted_certificate: PEM, proxy_ssl_name: 'example.com', mirror: '/m', index: 'index.html', proxy_store: 'on',
  proxy_cache: 'off', proxy_method: 'GET', proxy_set_body: 'x', fastcgi_index: 'index.php', fastcgi_split_path_info: '^(.+\\.php)(/.+)$', fastcgi_cache_key: '$uri',
  fastcgi_param: 'A 1', uwsgi_param: 'A 1', scgi_param: 'A 1', grpc_set_header: 'A 1', proxy_set_header: 'A 1', working_directory: '/tmp', worker_rlimit_nofile: '1024',
  error_log: 'logs/e.log', access_log: 'logs/a.log', env: 'A', hash: '$uri',
};
const BLOCKS = ['main', 'events', 'http', 'server', 'location', 'upstream'];

function wrap(context, body) {
  if (context === 'main') return `${body}\nevents {}\n`;
  if (context === 'events') return `events { ${body} }\n`;
  const inner = { http: body, server: `server { ${body} }`, location: `server { location / { ${body} } }`, upstream: `upstream u { server 127.0.0.1; ${body} }` }[context];
  return `events {}\nhttp { ${inner} }\n`;
}

/** `ok`, or nginx's first error message. */
function test(text) {
  const conf = join(scratch, 'nginx.conf');
  writeFileSync(conf, text);
  try {
    execFileSync(nginx, ['-t', '-q', '-p', `${scratch}/`, '-c', conf, '-g', 'error_log stderr;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return 'ok';
  } catch (error) {
    const line = String(error.stderr).split('\n').find((candidate) => candidate.includes('[emerg]')) ?? '';
    return /\[emerg\] (?:\d+#\d+: )?(.*?)(?: in \S+:\d+)?\s*$/.exec(line)?.[1] ?? line;
  }
}

const single = new Set();
const seen = new Set();
for (const directive of getDirectives(Format.Markdown)) {
  if (directive.isBlock || seen.has(directive.name) || !(directive.module.startsWith('ngx_http_') || directive.module === 'Core functionality')) continue;
  const context = directive.contexts.find((name) => BLOCKS.includes(name));
  const args = directive.default.trim().split('|')[0].trim() || SAMPLES[directive.name];
  if (!context || args === undefined) continue;
  seen.add(directive.name);
  const line = `${directive.name} ${args};`;
  if (test(wrap(context, line)) !== 'ok') continue;
  if (test(wrap(context, `${line}\n${line}`)) === `"${directive.name}" directive is duplicate`) single.add(directive.name);
}
// The blocks that may appear once in the main context.
for (const block of ['events', 'http']) {
  const text = block === 'events' ? 'events {}\nevents {}\n' : 'events {}\nhttp {}\nhttp {}\n';
  if (test(text) === `"${block}" directive is duplicate`) single.add(block);
}
rmSync(scratch, { recursive: true, force: true });

// `nginx -v` prints to stderr.
const version = spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '');
const names = [...single].sort();
writeFileSync(
  join(root, 'server/src/engine/rules/nginx/support/singleDirectives.ts'),
  [
    '/*',
    ' * The http and core directives that `nginx -t` refuses to read twice in one block',
    ' * (`"gzip" directive is duplicate`), as ' + version + ' answered. Generated by',
    ' * scripts/nginx-single-directives.mjs, which writes each directive of @nginx/reference-lib once,',
    ' * then twice, and asks nginx: do not edit by hand.',
    ' */',
    'export const SINGLE_DIRECTIVES: ReadonlySet<string> = new Set([',
    ...names.map((name) => `  '${name}',`),
    ']);',
    '',
  ].join('\n'),
);
console.log(`${names.length} single directives written`);
