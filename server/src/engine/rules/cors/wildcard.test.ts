import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const wildcardsIn = (text: string, options: { kind?: 'env' | 'compose' | 'nginx' | 'toml'; product?: string; mode?: 'production' | 'development' } = {}) => {
  const result = checkText(text, { kind: options.kind ?? 'env', ...(options.product ? { product: options.product } : {}), ...(options.mode ? { mode: options.mode } : {}) });
  return { result, findings: findingsOf(result, 'cors/wildcard') };
};

test('AgentIM: CORS_ORIGIN=* is an error at the star, with the product\'s refusal; the fix uses no origin it cannot know', () => {
  const text = 'NODE_ENV=production\nCORS_ORIGIN=*\n';
  const { result, findings } = wildcardsIn(text, { product: 'agentim' });
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(
    findings[0]!.message,
    "CORS_ORIGIN allows every origin (`*`): any website can then call it from a visitor's browser. AgentIM exits at start-up in production: CORS_ORIGIN must be set (not `*`).",
  );
  const fix = findings[0]!.fixes[0]!;
  assert.equal(fix.isPreferred, false);
  assert.equal(applyFix(text, result.uri, fix), 'NODE_ENV=production\nCORS_ORIGIN=https://your-site.example\n');
});

test('Firefly Desk JSON list: only the star is replaced, by the origin of the redirect URI', () => {
  const text = 'FLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/auth/callback\nFLYDESK_CORS_ORIGINS=["https://admin.example.com", "*"]\n';
  const { result, findings } = wildcardsIn(text, { product: 'firefly-desk' });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '*');
  const fix = findings[0]!.fixes[0]!;
  assert.equal(fix.title, 'Allow only https://desk.example.com');
  assert.equal(fix.isPreferred, true);
  assert.equal(applyFix(text, result.uri, fix), text.replace('"*"', '"https://desk.example.com"'));
});

test('Firefly Desk: a bare `*` (or a comma list) becomes a JSON list, which passes the schema, in env and compose', () => {
  const cases = [
    { kind: 'env' as const, text: 'FLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/cb\nFLYDESK_CORS_ORIGINS=*\n', fixed: 'FLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/cb\nFLYDESK_CORS_ORIGINS=["https://desk.example.com"]\n' },
    { kind: 'env' as const, text: 'FLYDESK_CORS_ORIGINS="https://a.example.com,*"\n', fixed: 'FLYDESK_CORS_ORIGINS=["https://a.example.com","https://your-site.example"]\n' },
    {
      kind: 'compose' as const,
      text: 'services:\n  desk:\n    image: firefly/desk\n    environment:\n      FLYDESK_CORS_ORIGINS: "*"\n',
      fixed: 'services:\n  desk:\n    image: firefly/desk\n    environment:\n      FLYDESK_CORS_ORIGINS: "[\\"https://your-site.example\\"]"\n',
    },
  ];
  for (const { kind, text, fixed } of cases) {
    const { result, findings } = wildcardsIn(text, { kind, product: 'firefly-desk' });
    assert.equal(findings.length, 1, text);
    assert.equal(findings[0]!.fixes.length, 1, text);
    const after = applyFix(text, result.uri, findings[0]!.fixes[0]!);
    assert.equal(after, fixed);
    const recheck = checkText(after, { kind, product: 'firefly-desk' });
    assert.deepEqual(findingsOf(recheck, 'schema/invalid-value'), [], after);
    assert.deepEqual(findingsOf(recheck, 'cors/wildcard'), [], after);
  }
});

test('generic CORS-like keys; credentials make it worse and an error even in development', () => {
  const text = 'API_CORS_ORIGINS=https://a.example.com,*\nCORS_ALLOW_CREDENTIALS=true\n';
  const { findings } = wildcardsIn(text, { mode: 'development' });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'error');
  assert.match(findings[0]!.message, /credentials are allowed/);
  const plain = wildcardsIn('CORS_ORIGIN=*\n', { mode: 'development' }).findings;
  assert.equal(plain[0]!.severity, 'warning');
});

test('explicit origins, and `*` inside a host name, pass', () => {
  assert.equal(wildcardsIn('CORS_ORIGIN=https://a.example.com,https://b.example.com\n', { product: 'agentim' }).findings.length, 0);
  assert.equal(wildcardsIn('FLYDESK_CORS_ORIGINS=["https://desk.example.com"]\n', { product: 'firefly-desk' }).findings.length, 0);
  assert.equal(wildcardsIn('CORS_ORIGIN=https://*.example.com\n').findings.length, 0);
});

test('compose environment, map form', () => {
  const text = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim\n    environment:\n      CORS_ORIGIN: "*"\n';
  const { findings } = wildcardsIn(text, { kind: 'compose' });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), '*');
});

test('nginx: add_header Access-Control-Allow-Origin * is replaced by the server_name origin', () => {
  const text = [
    'server {',
    '    listen 443 ssl;',
    '    server_name _ api.example.com;',
    '    location /api/ {',
    '        add_header Access-Control-Allow-Origin "*" always;',
    '        add_header Access-Control-Allow-Credentials true;',
    '        proxy_pass http://backend;',
    '    }',
    '}',
    '',
  ].join('\n');
  const { result, findings } = wildcardsIn(text, { kind: 'nginx' });
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.range, { start: { line: 4, character: 48 }, end: { line: 4, character: 49 } });
  assert.match(findings[0]!.message, /credentials are allowed/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('"*"', '"https://api.example.com"'));
  assert.equal(wildcardsIn('server {\n  add_header Access-Control-Allow-Origin https://a.example.com;\n}\n', { kind: 'nginx' }).findings.length, 0);
});

test('nginx: in a location that only serves files from disk, `*` is a warning (getsentry self-hosted mirrors its CDN so); proxied, it is an error', () => {
  const location = (body: string) => `server {\n    server_name sentry.example.com;\n    location ^~ /js-sdk/ {\n        root /var/www/;\n${body}        add_header Access-Control-Allow-Origin *;\n    }\n}\n`;
  const [onDisk] = wildcardsIn(location(''), { kind: 'nginx' }).findings;
  assert.equal(onDisk!.severity, 'warning');
  assert.match(onDisk!.message, /only serves files from disk/);
  for (const dynamic of ['        proxy_pass http://web:9000;\n', '        try_files $uri @app;\n', '        include snippets/php.conf;\n', '        if ($x) {\n            return 403;\n        }\n']) {
    const [finding] = wildcardsIn(location(dynamic), { kind: 'nginx' }).findings;
    assert.equal(finding!.severity, 'error', dynamic);
    assert.doesNotMatch(finding!.message, /files from disk/);
  }
  const credentials = location('        add_header Access-Control-Allow-Credentials true;\n');
  assert.equal(wildcardsIn(credentials, { kind: 'nginx' }).findings[0]!.severity, 'error', 'credentials make it an error anywhere');
  const atServer = 'server {\n    add_header Access-Control-Allow-Origin *;\n    location / {\n        root /srv;\n    }\n}\n';
  assert.equal(wildcardsIn(atServer, { kind: 'nginx' }).findings[0]!.severity, 'error', 'a server-wide header covers whatever the server proxies');
});
