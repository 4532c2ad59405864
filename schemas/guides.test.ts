import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText, findingsOf } from '../server/src/engine/testing';
import { products } from './index';
import { specOf } from './lookup';
import type { ProductDefinition } from './types';

/*
 * The deployment guides (../shared/seeds) against the schemas: every env key a guide documents is
 * a setting of its product, and the guide's own example secrets are caught as placeholders.
 */

const SEEDS = path.join(process.cwd(), '..', 'shared', 'seeds');

/** Variables of the guides' shell scripts (backup, key rotation), not product settings. */
const SCRIPT_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  fraiseql: ['BACKUP_DIR', 'TIMESTAMP', 'DB_NAME'],
  agentim: ['NEW_JWT_SECRET', 'NEW_ENCRYPTION_KEY'],
};

interface Guide {
  readonly product: ProductDefinition;
  readonly text: string;
}

/** The guides, mapped to products by the README's table (`| 000_….txt | Firefly Desk (…) |`). */
function guides(): Guide[] {
  const readme = readFileSync(path.join(SEEDS, 'README.md'), 'utf8');
  const found: Guide[] = [];
  for (const match of readme.matchAll(/^\| (\d{3}_[0-9a-f]+\.txt) \| ([^|(]+)/gm)) {
    const name = match[2]!.trim();
    const product = products.find((candidate) => candidate.name === name);
    assert.ok(product, `no product named ${name}`);
    found.push({ product, text: readFileSync(path.join(SEEDS, match[1]!), 'utf8') });
  }
  return found;
}

/** `KEY=VALUE` assignments in a guide: .env lines, `export` (after a `$ ` prompt too), `docker run -e`, systemd `Environment=`, commented examples. */
function assignments(text: string): { key: string; value: string; line: string }[] {
  const found: { key: string; value: string; line: string }[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:#[ \t]*|\$[ \t]+)?(?:export[ \t]+|-e[ \t]+|Environment=)?([A-Z][A-Z0-9_]{2,})=(.*?)[ \t\\]*$/gm)) {
    const value = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
    found.push({ key: match[1]!, value, line: `${match[1]}=${value}` });
  }
  // Assignments inside prose (`Add to your .env file: FLOWFILE_MASTER_KEY=<your-key>`).
  for (const match of text.matchAll(/(?<![A-Za-z0-9_$])([A-Z][A-Z0-9_]{2,})=([^\s`'"]+)/g)) {
    found.push({ key: match[1]!, value: match[2]!, line: `${match[1]}=${match[2]}` });
  }
  return found;
}

/** Keys the guide names: assignments, table rows (`| \`KEY\` |`), backticked names and product-prefixed words. */
function documentedKeys(guide: Guide): Set<string> {
  const keys = new Set(assignments(guide.text).map((assignment) => assignment.key));
  for (const match of guide.text.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`/gm)) keys.add(match[1]!);
  for (const match of guide.text.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)) keys.add(match[1]!);
  for (const prefix of guide.product.detect.envPrefixes ?? []) {
    for (const match of guide.text.matchAll(new RegExp(`\\b${prefix}[A-Z0-9_]*[A-Z0-9]\\b`, 'g'))) keys.add(match[0]);
  }
  for (const variable of SCRIPT_VARIABLES[guide.product.id] ?? []) keys.delete(variable);
  return keys;
}

test('every env key a guide documents is in its product\'s schema', (t) => {
  if (!existsSync(SEEDS)) return t.skip('../shared/seeds is absent');
  const all = guides();
  assert.equal(all.length, 5);
  for (const guide of all) {
    const keys = documentedKeys(guide);
    assert.ok(keys.size > 0, `${guide.product.name}: no keys found in its guide`);
    const missing = [...keys].filter((key) => !specOf(guide.product, key));
    assert.deepEqual(missing, [], `${guide.product.name}: documented but not in the schema`);
  }
});

/** The guides' example secrets: each must be found in its guide and caught as a placeholder. */
const GUIDE_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  'firefly-desk': ['FLYDESK_CREDENTIAL_ENCRYPTION_KEY=your-generated-256-bit-key', 'FLYDESK_OIDC_CLIENT_SECRET=your-client-secret', 'FLYDESK_REDIS_URL=redis://:your_redis_password@redis-host:6379/0'],
  flovyn: ['FLOVYN_API_KEY=flovyn_wk_...', 'FLOVYN_API_KEY=flovyn_sk_...', 'DATABASE_URL=postgres://flovyn:password@db:5432/flovyn'],
  fraiseql: ['GOOGLE_CLIENT_SECRET=<prod-secret>', 'KEYCLOAK_CLIENT_SECRET=<secret>', 'DATABASE_URL=postgres://user:strong_password@prod-db.internal:5432/FraiseQL', 'DATABASE_URL=postgres://fraiseql_app:strong_password_here@prod-db.internal:5432/FraiseQL'],
  agentim: ['ADMIN_PASSWORD=YourStrongPassword123', 'ADMIN_PASSWORD=NewStrongPassword123!', 'REDIS_URL=redis://:your-password@redis-host:6379'],
  flowfile: ['FLOWFILE_MASTER_KEY=<your-key>', 'FLOWFILE_MASTER_KEY=<your-generated-key>', 'FLOWFILE_ADMIN_PASSWORD=YourSecurePassword123!', 'JWT_SECRET_KEY=your-secure-jwt-secret-at-least-32-chars'],
};

test('the guides\' own example secrets are caught as placeholders, one line at a time', (t) => {
  if (!existsSync(SEEDS)) return t.skip('../shared/seeds is absent');
  for (const guide of guides()) {
    const lines = new Set(assignments(guide.text).map((assignment) => assignment.line));
    for (const expected of GUIDE_PLACEHOLDERS[guide.product.id] ?? []) {
      assert.ok(lines.has(expected), `${guide.product.name}: the guide no longer has ${expected}`);
      const result = checkText(`${expected}\n`, { kind: 'env', product: guide.product.id });
      const caught = findingsOf(result, 'secret/placeholder');
      assert.equal(caught.length, 1, `${guide.product.name}: ${expected.split('=')[0]} not caught`);
      assert.equal(caught[0]!.severity, 'error');
      const value = expected.slice(expected.indexOf('=') + 1);
      assert.ok(!caught[0]!.message.includes(value), 'the message must not quote the value');
    }
  }
});

test('the guides\' .env examples: the problems a production start would hit are errors', (t) => {
  if (!existsSync(SEEDS)) return t.skip('../shared/seeds is absent');
  const desk = guides().find((guide) => guide.product.id === 'firefly-desk')!;
  // The guide's "at minimum, set" block, as a user would paste it.
  const block = /```bash\n(# Core\n[\s\S]*?)```/.exec(desk.text)![1]!;
  const result = checkText(block, { kind: 'env' });
  assert.equal(result.product, 'firefly-desk');
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.rule} ${block.slice(diagnostic.span.start, diagnostic.span.end).split('=')[0]}`);
  assert.ok(errors.includes('schema/invalid-value https://desk.example.com'), 'the comma/plain CORS form makes Firefly Desk refuse to start');
  assert.equal(errors.filter((error) => error.startsWith('secret/placeholder')).length, 2);
});
