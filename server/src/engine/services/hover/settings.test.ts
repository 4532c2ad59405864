import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { engineFor, memoryWorkspace } from '../../testing';
import { pathToUri } from '../../uri';

const hoverAt = (text: string, marker: string, options: { path?: string; product?: string; mode?: 'production' | 'development' } = {}) => {
  const path = options.path ?? '/project/.env';
  const offset = text.indexOf(marker) + 1;
  return engineFor().hover({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), offset, {
    ...(options.product ? { product: options.product } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
  });
};

test('hover on a Firefly Desk key: product, description, type, default, requirement in this mode', () => {
  const text = 'FLYDESK_DEV_MODE=false\nFLYDESK_CORS_ORIGINS=["https://desk.example.com"]\n';
  const hover = hoverAt(text, 'FLYDESK_CORS_ORIGINS');
  assert.ok(hover);
  assert.deepEqual(hover.span, { start: 23, end: 43 });
  assert.match(hover.markdown, /^\*\*FLYDESK_CORS_ORIGINS\*\* · Firefly Desk\n/);
  assert.match(hover.markdown, /refuses to start on anything else/);
  assert.match(hover.markdown, /- Type: JSON list/);
  assert.match(hover.markdown, /- Default: `\["http:\/\/localhost:3000", "http:\/\/localhost:5173"\]`/);
  assert.match(hover.markdown, /- Required in production — \*\*required here\*\* \(production\)/);
  assert.match(hover.markdown, /Schema: fireflyresearch\/firefly-desk@2735e07a/);
});

test('hover on a secret shows its format and never its value', () => {
  const canary = 'CanarySecretValue-7f3a9b2c-DoNotShow';
  const text = `JWT_SECRET=${canary}\nCORS_ORIGIN=https://chat.example.com\nADMIN_USERNAME=admin\n`;
  const hover = hoverAt(text, 'JWT_SECRET', { product: 'agentim' });
  assert.ok(hover);
  assert.match(hover.markdown, /· secret/);
  assert.match(hover.markdown, /Format: base64 key \(32 bytes\) \(`openssl rand -base64 32`\)/);
  assert.match(hover.markdown, /At least 32 characters in production/);
  assert.ok(!hover.markdown.includes(canary));
  assert.ok(!hover.markdown.includes('dev-secret-change-me'), 'a secret\'s default is not shown either');
});

test('boolean parsing is explained; compose environment keys get the same hover', () => {
  const compose = 'services:\n  server:\n    image: ghcr.io/nopkt/agentim:latest\n    environment:\n      TRUST_PROXY: "true"\n';
  const hover = hoverAt(compose, 'TRUST_PROXY', { path: '/project/docker-compose.yml' });
  assert.ok(hover);
  assert.match(hover.markdown, /\*\*TRUST_PROXY\*\* · AgentIM/);
  assert.match(hover.markdown, /Type: boolean, exact "true"/);
});

test('no hover for keys the product does not know, nor without a product', () => {
  assert.equal(hoverAt('FOO=bar\n', 'FOO'), undefined);
  assert.equal(hoverAt('FLYDESK_NOPE=1\n', 'FLYDESK_NOPE'), undefined);
});
