import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const schemaFindings = (text: string) => {
  const result = checkText(text, { kind: 'compose' });
  return { result, findings: findingsOf(result, 'compose/schema') };
};

test('a misspelt service key is reported at the key, with the closest key and a rename fix', () => {
  const text = 'services:\n  web:\n    image: nginx\n    healtcheck:\n      test: ["CMD", "true"]\n';
  const { result, findings } = schemaFindings(text);
  assert.equal(findings.length, 1);
  const finding = findings[0]!;
  assert.equal(textOf(text, finding), 'healtcheck');
  assert.deepEqual(finding.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 14 } });
  assert.equal(finding.message, 'Unknown key `healtcheck` in service `web`: did you mean `healthcheck`?');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, result.uri, finding.fixes[0]!);
  assert.equal(fixed, text.replace('healtcheck', 'healthcheck'));
  assert.deepEqual(schemaFindings(fixed).findings, []);
});

test('an unknown key with no close match says custom keys need `x-`, without a fix', () => {
  const text = 'services:\n  web:\n    image: nginx\n    frobnicate: true\n';
  const [finding] = schemaFindings(text).findings;
  assert.ok(finding);
  assert.equal(textOf(text, finding), 'frobnicate');
  assert.match(finding.message, /custom keys must start with `x-`/);
  assert.deepEqual(finding.fixes, []);
});

test('a wrong type is reported at the value, in words', () => {
  const text = 'services:\n  web:\n    image: nginx\n    ports: "80:80"\n';
  const [finding] = schemaFindings(text).findings;
  assert.ok(finding);
  assert.equal(textOf(text, finding), '"80:80"');
  assert.equal(finding.message, '`ports` of service `web` must be a list, not a string.');
});

test('a `oneOf` is explained by the branch that fits the data, not by every branch', () => {
  const text = 'services:\n  web:\n    build:\n      contxt: .\n';
  const { findings } = schemaFindings(text);
  assert.deepEqual(
    findings.map((finding) => [textOf(text, finding), finding.message]),
    [['contxt', 'Unknown key `contxt` in `build` of service `web`: did you mean `context`?']],
  );
  const wrongType = 'services:\n  web:\n    ports:\n      - true\n';
  const [port] = schemaFindings(wrongType).findings;
  assert.ok(port);
  assert.equal(textOf(wrongType, port), 'true');
  assert.equal(port.message, 'Item 1 of `ports` of service `web` must be a number, a string or a mapping, not a boolean.');
});

test('enum values, invalid service names, duplicates and a non-mapping file', () => {
  const condition = 'services:\n  web:\n    image: a\n    depends_on:\n      db:\n        condition: healthy\n  db:\n    image: b\n';
  const [enumFinding] = schemaFindings(condition).findings;
  assert.equal(textOf(condition, enumFinding!), 'healthy');
  assert.match(enumFinding!.message, /must be one of `service_started`, `service_healthy`, `service_completed_successfully`/);

  const name = 'services:\n  "my web":\n    image: a\n';
  const [nameFinding] = schemaFindings(name).findings;
  assert.equal(textOf(name, nameFinding!), '"my web"');
  assert.match(nameFinding!.message, /not a valid service name/);

  const duplicate = 'services:\n  web:\n    image: a\n    dns: [1.1.1.1, 1.1.1.1]\n';
  const [duplicateFinding] = schemaFindings(duplicate).findings;
  assert.equal(duplicateFinding!.span.start, duplicate.lastIndexOf('1.1.1.1'));
  assert.match(duplicateFinding!.message, /lists the same item twice \(items 1 and 2\)/);

  const list = '- a\n- b\n';
  assert.match(schemaFindings(list).findings[0]!.message, /must be a mapping of top-level keys/);
});

test('a mistake inside an anchor merged into two services is reported once, where it is written', () => {
  const text = 'x-defaults: &defaults\n  restar: always\nservices:\n  a:\n    <<: *defaults\n    image: x\n  b:\n    <<: *defaults\n    image: y\n';
  const { findings } = schemaFindings(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.span.start, text.indexOf('restar'));
});

test('Compose YAML extensions are never flagged: x-*, anchors, merge keys, !reset, !override', () => {
  const text = [
    'x-logging: &logging',
    '  driver: json-file',
    'x-env: &env',
    '  TZ: UTC',
    'services:',
    '  web:',
    '    image: nginx',
    '    x-custom: { anything: [1, 2] }',
    '    logging: *logging',
    '    environment:',
    '      <<: *env',
    '      MODE: prod',
    '    ports: !reset []',
    '    volumes: !override',
    '      - ./site:/usr/share/nginx/html:ro',
    '    build: !reset null',
    'x-trailer: 1',
    '',
  ].join('\n');
  const result = checkText(text, { kind: 'compose' });
  assert.deepEqual(
    result.diagnostics.filter((diagnostic) => diagnostic.rule === 'compose/schema' || diagnostic.rule === 'compose/syntax'),
    [],
  );
});

test('an empty compose file is reported once', () => {
  const { findings } = schemaFindings('# only a comment\n');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /empty/);
});

test('broken YAML is left to compose/syntax, with no schema noise', () => {
  const text = 'services:\n  web:\n    image: "nginx\n    portz: 1\n';
  const result = checkText(text, { kind: 'compose' });
  assert.ok(findingsOf(result, 'compose/syntax').length > 0);
  assert.deepEqual(findingsOf(result, 'compose/schema'), []);
});

test('a valid file gets no schema findings', () => {
  const text = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n      interval: 10s\n';
  assert.deepEqual(schemaFindings(text).findings, []);
});
