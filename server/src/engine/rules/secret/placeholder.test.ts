import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, engineFor, findingsOf, memoryWorkspace, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const placeholdersIn = (text: string, product?: string, mode?: 'production' | 'development') => {
  const result = checkText(text, { kind: 'env', ...(product ? { product } : {}), ...(mode ? { mode } : {}) });
  return { result, findings: findingsOf(result, 'secret/placeholder') };
};

test('AgentIM\'s default JWT secret: error at the value, message names the key and never the value', () => {
  const text = 'NODE_ENV=production\nJWT_SECRET=dev-secret-change-me\n';
  const { findings } = placeholdersIn(text, 'agentim');
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(textOf(text, finding!), 'dev-secret-change-me');
  assert.deepEqual(finding!.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 31 } });
  assert.equal(finding!.severity, 'error');
  assert.equal(finding!.message, "JWT_SECRET is set to AgentIM's own built-in default: anyone who read the same guide knows it; generate a real one.");
  assert.ok(!finding!.message.includes('dev-secret'));
});

test('the fix replaces only the value, keeping its quotes', () => {
  const text = 'ADMIN_PASSWORD="YourStrongPassword123" # from the guide\n';
  const { result, findings } = placeholdersIn(text, 'agentim');
  const fix = findings[0]!.fixes[0]!;
  assert.equal(fix.title, 'Replace with a generated strong password');
  const fixed = applyFix(text, result.uri, fix);
  const match = /^ADMIN_PASSWORD="([^"]{20})" # from the guide\n$/.exec(fixed);
  assert.ok(match, fixed.replace(/"[^"]*"/, '"…"'));
  const password = match[1]!;
  assert.ok(/[a-z]/.test(password) && /[A-Z]/.test(password) && /[0-9]/.test(password) && /[^A-Za-z0-9]/.test(password));
});

test('generic: a key named like a secret with a well-known placeholder, no product needed', () => {
  const text = 'API_TOKEN=changeme\nDB_PASSWORD=<prod-secret>\nGREETING=changeme\n';
  const { findings } = placeholdersIn(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['changeme', '<prod-secret>']);
});

test('an identity-provider secret: the generated value is offered, but not as the preferred fix', () => {
  const text = 'FLYDESK_OIDC_CLIENT_SECRET=your-client-secret\n';
  const { findings } = placeholdersIn(text, 'firefly-desk');
  assert.equal(findings[0]!.message, 'FLYDESK_OIDC_CLIENT_SECRET is set to an example value published in Firefly Desk\'s guide or example files: replace it with the value the identity provider issued.');
  assert.equal(findings[0]!.fixes[0]!.isPreferred, false);
});

test('no generated value where the product\'s schema refuses one: FLOVYN_API_KEY must start flovyn_sk_ or flovyn_wk_', () => {
  const { findings } = placeholdersIn('FLOVYN_API_KEY=flovyn_sk_...\n', 'flovyn');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.message, 'FLOVYN_API_KEY is set to an example value published in Flovyn Server\'s guide or example files: replace it with the value Flovyn App issued.');
  assert.deepEqual(findings[0]!.fixes, []);
});

test('a warning in development, and real values pass', () => {
  assert.equal(placeholdersIn('JWT_SECRET=dev-secret-change-me\n', 'agentim', 'development').findings[0]!.severity, 'warning');
  assert.equal(placeholdersIn('JWT_SECRET=q8Vt2mXr9LcP4zKw7NbF1sHd6JyA3gUe\nAPI_TOKEN=9f86d081884c7d659a2feaa0c55ad015\n', 'agentim').findings.length, 0);
});

test('compose: a `${VAR:-placeholder}` fallback is reported when .env does not set the variable, and the fix requires the variable', () => {
  const compose = [
    'services:',
    '  flowfile-core:',
    '    image: flowfile-core',
    '    environment:',
    '      - JWT_SECRET_KEY=${JWT_SECRET_KEY:-flowfile-dev-secret-change-in-production}',
    '',
  ].join('\n');
  const result = checkText(compose, { kind: 'compose' });
  const findings = findingsOf(result, 'secret/placeholder');
  assert.equal(findings.length, 1);
  assert.equal(textOf(compose, findings[0]!), '${JWT_SECRET_KEY:-flowfile-dev-secret-change-in-production}');
  assert.match(findings[0]!.message, /^JWT_SECRET_KEY falls back to /);
  assert.equal(
    applyFix(compose, result.uri, findings[0]!.fixes[0]!),
    compose.replace('${JWT_SECRET_KEY:-flowfile-dev-secret-change-in-production}', '${JWT_SECRET_KEY:?JWT_SECRET_KEY must be set}'),
  );
  const withEnv = checkText(compose, { kind: 'compose', files: { '/project/.env': 'JWT_SECRET_KEY=9f86d081884c7d659a2feaa0c55ad0159f86d081884c7d659a2feaa0c55ad015\n' } });
  assert.equal(findingsOf(withEnv, 'secret/placeholder').length, 0);
});

test('compose: a later check sees the .env as it is now, though the compose text did not change', () => {
  const compose = 'services:\n  core:\n    image: flowfile-core\n    environment:\n      - JWT_SECRET_KEY=${JWT_SECRET_KEY:-changeme}\n';
  const engine = engineFor();
  const uri = pathToUri('/project/docker-compose.yml');
  const run = (env: Record<string, string>) =>
    findingsOf(engine.check({ uri, text: compose }, memoryWorkspace({ '/project/docker-compose.yml': compose, ...env }), {}), 'secret/placeholder').length;
  assert.equal(run({}), 1);
  assert.equal(run({ '/project/.env': 'JWT_SECRET_KEY=9f86d081884c7d659a2feaa0c55ad0159f86d081884c7d659a2feaa0c55ad015\n' }), 0);
  assert.equal(run({}), 1);
});
