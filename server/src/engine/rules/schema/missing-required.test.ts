import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const requiredIn = (text: string, product: string, mode?: 'production' | 'development') => {
  const result = checkText(text, { kind: 'env', product, ...(mode ? { mode } : {}) });
  return { result, findings: findingsOf(result, 'schema/missing-required') };
};

test('AgentIM in production: DATABASE_URL and CORS_ORIGIN, with the product\'s reasons', () => {
  const text = 'NODE_ENV=production\n';
  const { findings } = requiredIn(text, 'agentim');
  assert.deepEqual(findings.map((finding) => finding.message), [
    'AgentIM requires DATABASE_URL in production, and it is not set: AgentIM exits at start-up: DATABASE_URL must be set in production.',
    'AgentIM requires CORS_ORIGIN in production unless RENDER_EXTERNAL_URL, RAILWAY_PUBLIC_DOMAIN or NF_HOSTS is set, and it is not set: AgentIM exits at start-up in production: CORS_ORIGIN must be set.',
  ]);
  assert.ok(findings.every((finding) => textOf(text, finding) === 'NODE_ENV=production'));
  assert.equal(requiredIn('NODE_ENV=production\nDATABASE_URL=postgresql://a@b/c\nRENDER_EXTERNAL_URL=https://x.onrender.com\n', 'agentim').findings.length, 0);
});

test('Firefly Desk: the tenant id only for Microsoft, and the insert fix keeps the file\'s line breaks', () => {
  const complete = 'FLYDESK_DEV_MODE=false\r\nFLYDESK_DATABASE_URL=postgresql+asyncpg://u:p@db/flydesk\r\nFLYDESK_CORS_ORIGINS=["https://desk.example.com"]\r\nFLYDESK_OIDC_ISSUER_URL=https://login.example.com\r\nFLYDESK_OIDC_CLIENT_ID=desk\r\nFLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/auth/callback\r\n';
  assert.equal(requiredIn(`${complete}FLYDESK_OIDC_PROVIDER_TYPE=keycloak\r\n`, 'firefly-desk').findings.length, 0);
  const text = `${complete}FLYDESK_OIDC_PROVIDER_TYPE=microsoft\r\n`;
  const { result, findings } = requiredIn(text, 'firefly-desk');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.message, 'Firefly Desk requires FLYDESK_OIDC_TENANT_ID in production when FLYDESK_OIDC_PROVIDER_TYPE is microsoft, and it is not set: the guide requires the tenant id for Microsoft Entra ID.');
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), `${text}FLYDESK_OIDC_TENANT_ID=\r\n`);
});

test('an empty value counts as missing; the fix fills in a shape to complete', () => {
  const text = 'NODE_ENV=production\nDATABASE_URL=postgresql://a@b/c\nCORS_ORIGIN=\n';
  const { result, findings } = requiredIn(text, 'agentim');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'CORS_ORIGIN');
  assert.match(findings[0]!.message, /and it is empty/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('CORS_ORIGIN=', 'CORS_ORIGIN=https://your-site.example'));
});

test('conditional on another value: FLYDESK_REDIS_URL with the redis queue backend; nothing in development', () => {
  const { findings } = requiredIn('FLYDESK_QUEUE_BACKEND=redis\n', 'firefly-desk', 'development');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /FLYDESK_REDIS_URL when FLYDESK_QUEUE_BACKEND is redis.*redis_url is required for the 'redis' queue backend/);
  assert.equal(requiredIn('NODE_ENV=production\n', 'agentim', 'development').findings.length, 0);
});

test('a product check: FraiseQL\'s vault backend needs a token or an AppRole', () => {
  const text = 'FRAISEQL_SECRETS_BACKEND=vault\nVAULT_ADDR=https://vault.example.com\n';
  const { findings } = requiredIn(text, 'fraiseql');
  const vault = findings.filter((finding) => finding.message.includes('Vault credentials'));
  assert.equal(vault.length, 1);
  assert.equal(textOf(text, vault[0]!), 'vault');
  assert.equal(requiredIn(`${text}VAULT_ROLE_ID=app\nVAULT_SECRET_ID=3f2504e0-4f89-41d3-9a0c-0305e82c3301\n`, 'fraiseql').findings.filter((finding) => finding.message.includes('Vault credentials')).length, 0);
});

test('compose: a required setting is added to the product service, not to its database', () => {
  const text = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    environment:\n      NODE_ENV: production\n      JWT_SECRET: ${JWT_SECRET}\n      ENCRYPTION_KEY: ${ENCRYPTION_KEY}\n      ADMIN_PASSWORD: ${ADMIN_PASSWORD}\n      CORS_ORIGIN: https://chat.example.com\n  postgres:\n    image: postgres:16\n    environment:\n      POSTGRES_DB: agentim\n';
  const result = checkText(text, { kind: 'compose' });
  const findings = findingsOf(result, 'schema/missing-required');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'server');
  assert.equal(
    applyFix(text, result.uri, findings[0]!.fixes[0]!),
    text.replace('      CORS_ORIGIN: https://chat.example.com\n', '      CORS_ORIGIN: https://chat.example.com\n      DATABASE_URL: "postgresql://"\n'),
  );
});
