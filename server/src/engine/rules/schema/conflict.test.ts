import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { ProductDefinition } from '../../../../../schemas/types';
import { defineProduct } from '../../../../../schemas/define';
import { checkText, findingsOf, textOf } from '../../testing';

test('Firefly Desk: a pgvector store on a SQLite database', () => {
  const text = 'FLYDESK_DATABASE_URL=sqlite+aiosqlite:///desk.db\nFLYDESK_VECTOR_STORE=pgvector\n';
  const findings = findingsOf(checkText(text, { kind: 'env', product: 'firefly-desk', mode: 'development' }), 'schema/conflict');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'pgvector');
  assert.equal(findings[0]!.message, 'FLYDESK_VECTOR_STORE=pgvector stores embeddings in PostgreSQL, but FLYDESK_DATABASE_URL is SQLite.');
});

test('AgentIM: one value used as both JWT secret and encryption key', () => {
  const text = 'JWT_SECRET=Zq3vN8xL0pR5tY7uW2eA9sD4fG6hJ1kM\nENCRYPTION_KEY=Zq3vN8xL0pR5tY7uW2eA9sD4fG6hJ1kM\n';
  const findings = findingsOf(checkText(text, { kind: 'env', product: 'agentim' }), 'schema/conflict');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'ENCRYPTION_KEY');
  assert.ok(!findings[0]!.message.includes('Zq3v'));
});

test('a sixth product is one definition: its settings, requirements and checks work with no engine change', () => {
  const acme: ProductDefinition = defineProduct({
    id: 'acme-queue',
    name: 'Acme Queue',
    version: 'acme/queue@1.2.3',
    detect: { envPrefixes: ['ACMEQ_'] },
    envPrefixes: ['ACMEQ_'],
    unknownKeys: { scope: 'prefixed', effect: 'refuses-start', reason: 'Acme Queue refuses unknown ACMEQ_ keys.' },
    settings: [
      { key: 'ACMEQ_PORT', type: 'port', default: '7000', description: 'Port the queue listens on.' },
      { key: 'ACMEQ_ADMIN_PORT', type: 'port', default: '7001', description: 'Port of the admin interface.' },
      { key: 'ACMEQ_MODE', type: 'enum', enum: ['single', 'cluster'], default: 'single', description: 'Single node or cluster.' },
      {
        key: 'ACMEQ_CLUSTER_SECRET',
        type: 'string',
        description: 'Shared secret of the cluster nodes.',
        secret: { format: 'hex-32', minLength: 32 },
        required: { when: 'ACMEQ_MODE', equals: 'cluster' },
        requiredReason: 'cluster nodes cannot join without it',
      },
    ],
    checks: (view) =>
      view.valueOrDefault('ACMEQ_PORT') === view.valueOrDefault('ACMEQ_ADMIN_PORT')
        ? [{ rule: 'schema/conflict', key: 'ACMEQ_ADMIN_PORT', message: 'ACMEQ_ADMIN_PORT equals ACMEQ_PORT: Acme Queue cannot bind both.' }]
        : [],
  });
  const text = 'ACMEQ_MODE=cluster\nACMEQ_ADMIN_PORT=7000\nACMEQ_MODEE=x\n';
  const result = checkText(text, { kind: 'env', products: [acme] });
  assert.equal(result.product, 'acme-queue');
  assert.deepEqual(
    result.diagnostics.map((diagnostic) => [diagnostic.rule, textOf(text, diagnostic)]),
    [
      ['secret/missing', 'ACMEQ_MODE=cluster'],
      ['schema/conflict', '7000'],
      ['schema/unknown-key', 'ACMEQ_MODEE'],
    ],
  );
  assert.match(findingsOf(result, 'schema/unknown-key')[0]!.message, /Did you mean ACMEQ_MODE\?/);
  assert.throws(() => defineProduct({ ...acme, settings: [{ key: 'ACMEQ_X', type: 'enum', description: 'An enum without values.' }] }), /an enum needs its values/);
});

test('compose: product checks run per service', () => {
  const text = 'services:\n  api:\n    image: ghcr.io/fireflyresearch/firefly-desk\n    environment:\n      FLYDESK_DATABASE_URL: sqlite+aiosqlite:///desk.db\n      FLYDESK_VECTOR_STORE: pgvector\n';
  const findings = findingsOf(checkText(text, { kind: 'compose', mode: 'development' }), 'schema/conflict');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'pgvector');
});
