import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const devModeIn = (text: string, options: { product?: string; mode?: 'production' | 'development'; kind?: 'env' | 'compose' } = {}) => {
  const result = checkText(text, { kind: options.kind ?? 'env', ...(options.product ? { product: options.product } : {}), ...(options.mode ? { mode: options.mode } : {}) });
  return { result, findings: findingsOf(result, 'security/dev-mode') };
};

test('FLYDESK_DEV_MODE=true in a production file: error at the value, fix sets false', () => {
  const text = 'FLYDESK_DEV_MODE=true\nFLYDESK_DATABASE_URL=postgresql+asyncpg://u:p@db/flydesk\n';
  const { result, findings } = devModeIn(text, { product: 'firefly-desk' });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'true');
  assert.equal(
    findings[0]!.message,
    'FLYDESK_DEV_MODE is set to a development value in a production file: development mode disables authentication (a synthetic admin user signs every request in). Production needs `false`.',
  );
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('FLYDESK_DEV_MODE=true', 'FLYDESK_DEV_MODE=false'));
});

test('booleans as the product parses them: `1` and `YES` are on for pydantic, `0` is off', () => {
  assert.equal(devModeIn('FLYDESK_DEV_MODE=1\n', { product: 'firefly-desk' }).findings.length, 1);
  assert.equal(devModeIn('FLYDESK_DEV_MODE=YES\n', { product: 'firefly-desk' }).findings.length, 1);
  assert.equal(devModeIn('FLYDESK_DEV_MODE=0\n', { product: 'firefly-desk' }).findings.length, 0);
});

test('absent FLYDESK_DEV_MODE: Firefly Desk defaults to dev mode, so the fix adds FLYDESK_DEV_MODE=false', () => {
  const text = 'FLYDESK_DATABASE_URL=postgresql+asyncpg://u:p@db/flydesk\n';
  const { result, findings } = devModeIn(text, { product: 'firefly-desk' });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /^FLYDESK_DEV_MODE is not set, and Firefly Desk defaults to `true`/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), `${text}FLYDESK_DEV_MODE=false\n`);
});

test('NODE_ENV other than production, with or without a product; FraiseQL only counts development/dev', () => {
  const { findings } = devModeIn('NODE_ENV=staging\n');
  assert.equal(findings.length, 1);
  assert.equal(devModeIn('NODE_ENV=production\n', { product: 'agentim' }).findings.length, 0);
  assert.equal(devModeIn('FRAISEQL_ENV=development\n', { product: 'fraiseql' }).findings.length, 1);
  assert.equal(devModeIn('FRAISEQL_ENV=staging\n', { product: 'fraiseql' }).findings.length, 0);
});

test('nothing in development mode', () => {
  assert.equal(devModeIn('FLYDESK_DEV_MODE=true\n', { product: 'firefly-desk', mode: 'development' }).findings.length, 0);
});

test('compose: FLOWFILE_MODE other than docker in the core service', () => {
  const text = 'services:\n  flowfile-core:\n    image: flowfile-core\n    environment:\n      - FLOWFILE_MODE=electron\n';
  const { result, findings } = devModeIn(text, { kind: 'compose' });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'electron');
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('FLOWFILE_MODE=electron', 'FLOWFILE_MODE=docker'));
});
