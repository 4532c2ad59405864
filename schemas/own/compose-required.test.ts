import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { memoryWorkspace } from '../../server/src/engine/testing';
import type { Diagnostic, Mode } from '../../server/src/engine/types';
import { pathToUri } from '../../server/src/engine/uri';
import { billingEngine as engine } from './billingFixture';

/*
 * Required settings of a compose service that has no `environment:` and no `env_file:`: reported
 * for the service that runs the product, whether it is an own product or a built-in one.
 */

function required(path: string, text: string, mode: Mode): string[] {
  const found = engine.check({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), { mode }).diagnostics;
  return found.filter((diagnostic) => diagnostic.rule === 'secret/missing' || diagnostic.rule === 'schema/missing-required').map((diagnostic) => shown(text, diagnostic));
}
const shown = (text: string, diagnostic: Diagnostic) => `${text.slice(diagnostic.span.start, diagnostic.span.end)}: ${diagnostic.rule} ${diagnostic.message}`;

const STACK = 'services:\n  api:\n    build: .\n    ports: ["8080:8080"]\n  db:\n    image: postgres:16\n';

test("a compose file of the product's files: the service built from source is the product, with no environment or env_file", () => {
  assert.deepEqual(required('/p/services/billing/docker-compose.yml', STACK, 'production'), [
    'api: schema/missing-required Billing API requires BILLING_DATABASE_URL in production in service `api`, and it is not set.',
    'api: secret/missing Billing API needs BILLING_JWT_SECRET in service `api`, and it is not set.',
  ]);
  assert.deepEqual(required('/p/services/billing/docker-compose.yml', STACK, 'development'), [
    'api: secret/missing Billing API needs BILLING_JWT_SECRET in service `api`, and it is not set.',
  ]);
});

test('a service with the own image and no environment is the product, as a built-in image is', () => {
  const text = 'services:\n  billing:\n    image: ghcr.io/acme/billing:1.2\n';
  assert.deepEqual(required('/p/docker-compose.yml', text, 'development'), [
    'billing: secret/missing Billing API needs BILLING_JWT_SECRET in service `billing`, and it is not set.',
  ]);
  const desk = 'services:\n  desk:\n    image: ghcr.io/fireflyframework/firefly-desk:1.0\n';
  assert.ok(required('/p/docker-compose.yml', desk, 'production').some((line) => line.startsWith('desk: secret/missing Firefly Desk needs')));
});

test('an env_file makes the service incomplete: nothing is reported missing, as before', () => {
  const text = 'services:\n  api:\n    build: .\n    env_file: billing.env\n';
  assert.deepEqual(required('/p/services/billing/docker-compose.yml', text, 'production'), []);
});

test('a detected product does not claim the services built from source beside it', () => {
  const text = 'services:\n  billing:\n    image: ghcr.io/acme/billing:1.2\n    environment:\n      BILLING_JWT_SECRET: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n      BILLING_DATABASE_URL: postgres://db/billing\n  worker:\n    build: ./worker\n';
  assert.deepEqual(required('/p/docker-compose.yml', text, 'production'), []);
});

test('a built-in product chosen by a directive claims the service built from source the same way', () => {
  const text = '# deploy-doctor product=agentim\nservices:\n  app:\n    build: .\n  cache:\n    image: redis:7\n';
  const found = required('/p/docker-compose.yml', text, 'production');
  assert.ok(found.length > 0);
  assert.ok(found.every((line) => line.startsWith('app: ') && line.includes('AgentIM') && line.includes('in service `app`')), found.join('\n'));
});
