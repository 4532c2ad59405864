import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const insecureIn = (text: string, product?: string, mode?: 'production' | 'development') => {
  const result = checkText(text, { kind: 'env', ...(product ? { product } : {}), ...(mode ? { mode } : {}) });
  return { result, findings: findingsOf(result, 'security/insecure-url') };
};

test('an http OIDC issuer in production: the finding covers the scheme and the fix switches it to https', () => {
  const text = 'FLYDESK_OIDC_ISSUER_URL=http://keycloak.example.com/realms/ops\n';
  const { result, findings } = insecureIn(text, 'firefly-desk');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'http://');
  assert.deepEqual(findings[0]!.range, { start: { line: 0, character: 24 }, end: { line: 0, character: 31 } });
  assert.match(findings[0]!.message, /^FLYDESK_OIDC_ISSUER_URL uses plain `http:\/\/`/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'FLYDESK_OIDC_ISSUER_URL=https://keycloak.example.com/realms/ops\n');
});

test('generic names (OAUTH_REDIRECT_URI, *_JWKS_URI) without a product; loopback, https and development pass', () => {
  const text = 'OAUTH_REDIRECT_URI=http://api.example.com/cb\nAPP_JWKS_URI="http://id.example.com/jwks.json"\nOIDC_ISSUER_URL=http://localhost:8080/realms/dev\nAPI_URL=http://api.example.com\n';
  const { findings } = insecureIn(text);
  assert.deepEqual(findings.map((finding) => finding.range.start.line), [0, 1]);
  assert.equal(insecureIn('FLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/auth/callback\n', 'firefly-desk').findings.length, 0);
  assert.equal(insecureIn(text, undefined, 'development').findings.length, 0);
});

test('compose: an http redirect URI in a product service', () => {
  const text = 'services:\n  api:\n    image: ghcr.io/fireflyresearch/firefly-desk\n    environment:\n      - FLYDESK_OIDC_REDIRECT_URI=http://desk.example.com/auth/callback\n';
  const result = checkText(text, { kind: 'compose' });
  const findings = findingsOf(result, 'security/insecure-url');
  assert.equal(findings.length, 1);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('=http://', '=https://'));
});
