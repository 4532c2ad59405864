import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkJson, workspace } from './run';

/* An own product from `.deploy-doctor.yaml`: its required settings are reported on the compose service that runs it, even with no `environment:` and no `env_file:`. */

const CONFIG = `products:
  billing-api:
    name: Billing API
    files: ["services/billing/**"]
    settings:
      BILLING_DATABASE_URL: { type: url, schemes: [postgres, postgresql], required: production }
      BILLING_JWT_SECRET: { secret: hex-32, required: always }
`;
const COMPOSE = 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n';

function missing(mode: string): string[] {
  const cwd = workspace({ '.deploy-doctor.yaml': CONFIG, 'services/billing/docker-compose.yml': COMPOSE });
  const run = checkJson(['--mode', mode, '.'], { cwd });
  return run.diagnostics
    .filter((d) => d.rule === 'secret/missing' || d.rule === 'schema/missing-required')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.product} ${d.rule} ${d.message}`);
}

test('production: the required setting and the always-required secret are missing on the service built from source', () => {
  assert.deepEqual(missing('production'), [
    'services/billing/docker-compose.yml:2:3 error billing-api schema/missing-required Billing API requires BILLING_DATABASE_URL in production in service `api`, and it is not set.',
    'services/billing/docker-compose.yml:2:3 error billing-api secret/missing Billing API needs BILLING_JWT_SECRET in service `api`, and it is not set.',
  ]);
});

test('development: only the always-required secret', () => {
  assert.deepEqual(missing('development'), [
    'services/billing/docker-compose.yml:2:3 error billing-api secret/missing Billing API needs BILLING_JWT_SECRET in service `api`, and it is not set.',
  ]);
});
