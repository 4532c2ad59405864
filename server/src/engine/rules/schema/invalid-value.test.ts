import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const invalidIn = (text: string, product: string, kind: 'env' | 'compose' = 'env') => {
  const result = checkText(text, { kind, product });
  return { result, findings: findingsOf(result, 'schema/invalid-value') };
};

test('Firefly Desk refuses the comma form of FLYDESK_CORS_ORIGINS that its guide shows; the fix writes the JSON list', () => {
  const text = 'FLYDESK_CORS_ORIGINS=https://desk.example.com,https://admin.example.com\n';
  const { result, findings } = invalidIn(text, 'firefly-desk');
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]!), 'https://desk.example.com,https://admin.example.com');
  assert.equal(
    findings[0]!.message,
    'FLYDESK_CORS_ORIGINS must be a JSON list such as `["https://desk.example.com","https://admin.example.com"]`: it is parsed as JSON, and a comma-separated list is not JSON (SettingsError: error parsing value). The comma-separated form of the deployment guide does not work here. Firefly Desk refuses to start with it.',
  );
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), 'FLYDESK_CORS_ORIGINS=["https://desk.example.com","https://admin.example.com"]\n');
});

test('booleans as each product parses them', () => {
  const desk = invalidIn('FLYDESK_DEV_MODE=prod\n', 'firefly-desk').findings;
  assert.equal(desk[0]!.severity, 'error');
  assert.match(desk[0]!.message, /refuses to start/);
  const agentim = invalidIn('TRUST_PROXY=TRUE\nRUN_MIGRATIONS=false\n', 'agentim');
  assert.equal(agentim.findings.length, 1);
  assert.equal(agentim.findings[0]!.message, 'AgentIM reads TRUST_PROXY as false: it accepts only exact "true" (anything else, even TRUE or 1, is false). Write `true` to turn it on.');
  assert.equal(applyFix('TRUST_PROXY=TRUE\nRUN_MIGRATIONS=false\n', agentim.result.uri, agentim.findings[0]!.fixes[0]!), 'TRUST_PROXY=true\nRUN_MIGRATIONS=false\n');
  assert.equal(invalidIn('FLOWFILE_OFFLOAD_TO_WORKER=true\n', 'flowfile').findings[0]!.fixes[0]!.title, 'Set FLOWFILE_OFFLOAD_TO_WORKER to `1`');
});

test('integers, enums (with the case fixed), URL schemes, absolute paths', () => {
  const text = [
    'FLYDESK_FILE_MAX_SIZE_MB=50MB',
    'FLYDESK_OIDC_PROVIDER_TYPE=Microsoft',
    'FLYDESK_DATABASE_URL=postgresql://flydesk:pw@db:5432/flydesk',
    'FLYDESK_FILE_STORAGE_PATH=./uploads',
    '',
  ].join('\n');
  const { result, findings } = invalidIn(text, 'firefly-desk');
  assert.deepEqual(findings.map((finding) => [finding.range.start.line, finding.severity]), [
    [0, 'error'],
    [1, 'error'],
    [2, 'error'],
    [3, 'warning'],
  ]);
  assert.equal(findings[0]!.message, 'FLYDESK_FILE_MAX_SIZE_MB: expected a whole number, got `50MB`. Firefly Desk refuses to start with it.');
  assert.equal(applyFix(text, result.uri, findings[1]!.fixes[0]!), text.replace('=Microsoft', '=microsoft'));
  assert.equal(findings[2]!.fixes[0]!.title, 'Use `postgresql+asyncpg://`');
  assert.equal(applyFix(text, result.uri, findings[2]!.fixes[0]!), text.replace('=postgresql://', '=postgresql+asyncpg://'));
  assert.match(findings[3]!.message, /must be an absolute path/);
});

test('AgentIM clamps numbers and exits on a CORS origin with a path in production', () => {
  const { findings } = invalidIn('MAX_AGENT_CHAIN_DEPTH=500\nCORS_ORIGIN=https://chat.example.com/app\n', 'agentim');
  assert.deepEqual(findings.map((finding) => finding.severity), ['warning', 'error']);
  assert.match(findings[0]!.message, /from 1 to 100/);
  assert.equal(findings[1]!.message, 'AgentIM exits at start-up in production: CORS origin `https://chat.example.com/app` has a path; an origin is scheme, host and port only.');
});

test('Flowfile: a quoted master key in compose list syntax reaches the worker with its quotes', () => {
  const text = 'services:\n  flowfile-worker:\n    image: flowfile-worker\n    environment:\n      - FLOWFILE_MASTER_KEY="q-8_2mXr9LcP4zKw7NbF1sHd6JyA3gUeq-8_2mXr9Lc="\n';
  const { result, findings } = invalidIn(text, 'flowfile', 'compose');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /core strips them but the worker does not/);
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('"q-8_2mXr9LcP4zKw7NbF1sHd6JyA3gUeq-8_2mXr9Lc="', 'q-8_2mXr9LcP4zKw7NbF1sHd6JyA3gUeq-8_2mXr9Lc='));
});

test('Flowfile: quotes around an interpolated master key are reported, and no fix copies the .env value into compose', () => {
  const key = 'q-8_2mXr9LcP4zKw7NbF1sHd6JyA3gUeq-8_2mXr9Lc=';
  const text = 'services:\n  flowfile-worker:\n    image: flowfile-worker\n    environment:\n      - FLOWFILE_MASTER_KEY="${FLOWFILE_MASTER_KEY}"\n';
  const result = checkText(text, { kind: 'compose', product: 'flowfile', files: { '/project/.env': `FLOWFILE_MASTER_KEY=${key}\n` } });
  const findings = findingsOf(result, 'schema/invalid-value');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /core strips them but the worker does not/);
  assert.deepEqual(findings[0]!.fixes, []);
});

test('valid values pass, and a secret\'s value never appears in a message', () => {
  assert.equal(invalidIn('FLYDESK_DEV_MODE=off\nFLYDESK_CHUNKING_MODE=auto\nFLYDESK_DATABASE_URL=postgresql+asyncpg://u:p@db/x\n', 'firefly-desk').findings.length, 0);
  const { findings } = invalidIn('FRAISEQL_ADMIN_TOKEN=CanaryCanaryCanaryCanary-0451-XYZ-zz\nFRAISEQL_BIND_ADDR=localhost:8000\n', 'fraiseql');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /IP address and port/);
});
