import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { memoryWorkspace } from '../../server/src/engine/testing';
import type { Diagnostic } from '../../server/src/engine/types';
import { pathToUri } from '../../server/src/engine/uri';
import { agentim } from '../agentim';
import { billing, billingEngine as engine } from './billingFixture';
import { ownProductsFrom } from './index';

function check(path: string, text: string, files: Record<string, string> = {}, on = engine, product?: string): readonly Diagnostic[] {
  return on.check({ uri: pathToUri(path), text }, memoryWorkspace({ ...files, [path]: text }), { mode: 'production', ...(product ? { product } : {}) }).diagnostics;
}
const line = (diagnostic: Diagnostic) => `${diagnostic.rule} ${diagnostic.severity}: ${diagnostic.message}`;

test('a valid products section translates without problems', () => {
  assert.deepEqual(billing.problems, []);
  assert.equal(billing.products.length, 1);
  assert.deepEqual(billing.products[0]!.files, ['services/billing/**']);
  assert.equal(billing.products[0]!.definition.name, 'Billing API');
});

test('.env of an own product: schema, secret, cors and dev-mode rules apply, naming product and setting', () => {
  const text = 'BILLING_PORT=99999\nBILLING_JWT_SECRET=changeme\nBILLING_LOG_LEVEL=verbose\nBILLING_CORS_ORIGINS=*\nBILLING_DEBUG=true\nBILLING_DATABSE_URL=x\n';
  const found = check('/p/services/billing/.env', text);
  assert.ok(found.every((diagnostic) => diagnostic.product === 'billing-api'));
  assert.deepEqual(found.map(line), [
    'schema/missing-required error: Billing API requires BILLING_DATABASE_URL in production, and it is not set.',
    'schema/invalid-value error: BILLING_PORT: expected a TCP port (1–65535), got `99999`. Billing API refuses to start with it.',
    'secret/placeholder error: BILLING_JWT_SECRET is set to a well-known placeholder: anyone who read the same guide knows it; generate a real one.',
    'schema/invalid-value error: BILLING_LOG_LEVEL must be one of `debug`, `info`, `warn`, `error`; `verbose` is not. Billing API refuses to start with it.',
    "cors/wildcard error: BILLING_CORS_ORIGINS allows every origin (`*`): any website can then call it from a visitor's browser.",
    'security/dev-mode error: BILLING_DEBUG is set to a development value in a production file: Billing API must run with BILLING_DEBUG=false in production. Production needs `false`.',
    'schema/unknown-key warning: Billing API has no setting BILLING_DATABSE_URL. Did you mean BILLING_DATABASE_URL? Billing API declares no such setting in .deploy-doctor.yaml.',
  ]);
  assert.ok(!found.some((diagnostic) => diagnostic.message.includes('changeme')), 'a secret value never appears');
  assert.equal(text.slice(found[1]!.span.start, found[1]!.span.end), '99999');
});

test('compose environment: a service with the own image is the product; env_file supplies the secret', () => {
  const compose = 'services:\n  billing:\n    image: ghcr.io/acme/billing:1.2\n    env_file: billing.env\n    environment:\n      BILLING_PORT: "abc"\n      BILLING_DATABASE_URL: mysql://db/x\n';
  const found = check('/p/docker-compose.yml', compose, { '/p/billing.env': 'BILLING_JWT_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' });
  assert.deepEqual(found.map(line), [
    'schema/invalid-value error: BILLING_PORT: expected a TCP port (1–65535), got `abc`. Billing API refuses to start with it.',
    'schema/invalid-value error: BILLING_DATABASE_URL must use `postgres://` or `postgresql://`; `mysql://` is not accepted. Billing API refuses to start with it.',
  ]);
});

test('TOML keys by dotted path', () => {
  const found = check('/p/services/billing/config.toml', '[server]\nport = "eighty"\n');
  assert.deepEqual(found.map(line), [
    'schema/invalid-value error: server.port must be an integer, not a quoted string; the file does not load. Billing API refuses to start with it.',
  ]);
});

test('hover and completion on an own product\'s settings', () => {
  const path = '/p/services/billing/.env';
  const text = 'BILLING_JWT_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nBILLING_LO';
  const hover = engine.hover({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), 2, {});
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*BILLING_JWT_SECRET\*\* · Billing API/);
  assert.match(hover.markdown, /Signs the billing session tokens\./);
  assert.match(hover.markdown, /openssl rand -hex 32/);
  assert.ok(!hover.markdown.includes('0123456789abcdef'));
  const labels = engine.complete({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), text.length, {}).map((item) => item.label);
  assert.ok(labels.includes('BILLING_LOG_LEVEL'));
  assert.ok(!labels.includes('BILLING_JWT_SECRET'), 'keys already set are not offered');
});

test('problems: did-you-mean for keys, types and formats; bad settings skipped, the rest kept', () => {
  const { products, problems } = ownProductsFrom({
    shop: {
      envPrefix: 'SHOP_',
      setings: {},
      settings: {
        SHOP_PORT: { type: 'prot' },
        SHOP_KEY: { secret: 'hex32' },
        SHOP_MODE: { enum: ['a', 'b'], requird: 'always' },
        SHOP_URL: { type: 'url', required: 'prodution' },
      },
    },
    'Bad Name': { settings: {} },
    broken: 'yes',
  });
  assert.deepEqual(problems.map((problem) => [problem.path, problem.severity, problem.message]), [
    [['shop', 'setings'], 'warning', 'Unknown product key `setings` (did you mean `settings`?); it is ignored.'],
    [['shop', 'settings', 'SHOP_PORT', 'type'], 'error', `Unknown type \`prot\` (did you mean \`port\`?). Types: ${problems[1]!.message.split('Types: ')[1]}`],
    [['shop', 'settings', 'SHOP_KEY', 'secret'], 'error', 'Unknown secret format `hex32` (did you mean `hex-32`?). Formats: hex-32, base64-32, urlsafe-32, token-urlsafe-32, fernet, password, uuid, uuid-v4.'],
    [['shop', 'settings', 'SHOP_MODE', 'requird'], 'warning', 'Unknown setting key `requird` (did you mean `required`?); it is ignored.'],
    [['shop', 'settings', 'SHOP_URL', 'required'], 'error', '`required` is `always`, `production`, `never` or `{ when: KEY, equals: value }`, not `prodution` (did you mean `production`?).'],
    [['Bad Name'], 'error', 'Product name `Bad Name` must be lowercase letters, digits and hyphens, starting with a letter (`billing-api`).'],
    [['broken'], 'error', 'Product `broken` must be a mapping with `settings` (and optionally `name`, `files`, `envPrefix`, `images`).'],
  ]);
  assert.deepEqual(products.map((product) => product.definition.settings.map((spec) => spec.key)), [['SHOP_MODE']]);
  assert.doesNotThrow(() => ownProductsFrom(42));
  assert.equal(ownProductsFrom(42).problems.length, 1);
});

test('a built-in product is expressible: a YAML rendition of AgentIM settings gives the same findings', () => {
  const rendition = ownProductsFrom({
    'agentim-own': {
      name: 'AgentIM',
      settings: {
        PORT: { type: 'port', default: 3000, invalid: 'ignored' },
        DATABASE_URL: { type: 'url', schemes: ['postgresql', 'postgres'], required: 'production', requiredReason: 'AgentIM exits at start-up: DATABASE_URL must be set in production' },
        REDIS_URL: { type: 'url', schemes: ['redis', 'rediss'] },
        STORAGE_PROVIDER: { enum: ['local', 's3'], default: 'local', invalid: 'ignored' },
        LOG_LEVEL: { enum: ['debug', 'info', 'warn', 'error', 'fatal'], default: 'info', invalid: 'ignored' },
        JWT_ACCESS_EXPIRY: { type: 'duration', default: '15m', invalid: 'fails-later' },
      },
    },
  });
  assert.deepEqual(rendition.problems, []);
  const keys = new Set(rendition.products[0]!.definition.settings.map((spec) => spec.key));
  const fixtures = [
    'PORT=70000\nDATABASE_URL=mysql://db/agentim\nREDIS_URL=http://cache:6379\nSTORAGE_PROVIDER=S3\nLOG_LEVEL=verbose\nJWT_ACCESS_EXPIRY=15 minutes please\n',
    'PORT=3000\nREDIS_URL=redis://cache:6379\nLOG_LEVEL=info\n',
  ];
  const own = new Engine({ products: rendition.products.map((product) => product.definition) });
  const builtInOnly = new Engine({ products: [agentim] });
  for (const text of fixtures) {
    const concerns = (diagnostic: Diagnostic) => [...keys].some((key) => diagnostic.message.includes(key));
    const fromBuiltIn = check('/p/.env', text, {}, builtInOnly, 'agentim').filter((diagnostic) => diagnostic.rule.startsWith('schema/') && concerns(diagnostic));
    const fromOwn = check('/p/.env', text, {}, own, 'agentim-own').filter((diagnostic) => diagnostic.rule.startsWith('schema/') && concerns(diagnostic));
    const shape = (diagnostic: Diagnostic) => [diagnostic.rule, diagnostic.severity, diagnostic.span.start, diagnostic.span.end, diagnostic.message];
    assert.ok(fromBuiltIn.length > 0 || text === fixtures[1]);
    assert.deepEqual(fromOwn.map(shape), fromBuiltIn.map(shape));
  }
});

test('a secret required always is reported without "in production", in either mode', () => {
  for (const mode of ['production', 'development'] as const) {
    const path = '/p/services/billing/.env';
    const text = 'BILLING_PORT=8080\nBILLING_DATABASE_URL=postgres://db/billing\n';
    const found = engine.check({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), { mode }).diagnostics.filter((diagnostic) => diagnostic.rule === 'secret/missing');
    assert.deepEqual(found.map(line), ['secret/missing error: Billing API needs BILLING_JWT_SECRET, and it is not set.'], mode);
  }
});
