import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/undefined-reference';
const check = (text: string, files: Record<string, string> = {}) => checkText(text, { kind: 'compose', files });

test('depends_on in short and long form naming an undefined service, with the closest name as a fix', () => {
  const text = [
    'services:',
    '  web:',
    '    image: nginx',
    '    depends_on:',
    '      - databse',
    '  worker:',
    '    image: app',
    '    depends_on:',
    '      cache:',
    '        condition: service_started',
    '      optional:',
    '        condition: service_started',
    '        required: false',
    '  database:',
    '    image: postgres:16',
    '',
  ].join('\n');
  const result = check(text);
  const findings = findingsOf(result, RULE);
  assert.deepEqual(
    findings.map((finding) => [textOf(text, finding), finding.range.start.line, finding.severity]),
    [
      ['databse', 4, 'error'],
      ['cache', 8, 'error'],
    ],
  );
  assert.equal(findings[0]!.message, 'Service `web` depends on `databse`, which is not defined under `services:`. Did you mean `database`?');
  assert.equal(applyFix(text, result.uri, findings[0]!.fixes[0]!), text.replace('- databse', '- database'));
});

test('named volumes must be declared; bind mounts and anonymous volumes need nothing', () => {
  const text = [
    'services:',
    '  db:',
    '    image: postgres:16',
    '    volumes:',
    '      - pgdata:/var/lib/postgresql/data',
    '      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro',
    '      - /srv/backups:/backups',
    '      - /var/lib/anonymous',
    '      - type: volume',
    '        source: logs',
    '        target: /logs',
    '      - type: bind',
    '        source: relative-looking',
    '        target: /x',
    'volumes:',
    '  logs:',
    '',
  ].join('\n');
  const result = check(text);
  const [finding, ...rest] = findingsOf(result, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), 'pgdata');
  assert.match(finding!.message, /mounts the named volume `pgdata`, which is not declared under the top-level `volumes:`/);
  const declare = finding!.fixes.find((fix) => fix.title.startsWith('Declare'))!;
  assert.equal(applyFix(text, result.uri, declare), text.replace('  logs:\n', '  logs:\n  pgdata:\n'));
});

test('networks, secrets, configs, extends, links, volumes_from and network_mode', () => {
  const text = [
    'services:',
    '  base:',
    '    image: alpine',
    '  app:',
    '    extends: basse',
    '    networks: [front, default]',
    '    secrets:',
    '      - db_password',
    '      - source: api_key',
    '    configs: [nginx_conf]',
    '    links: ["ghost:alias"]',
    '    volumes_from: ["gone:ro", "container:other"]',
    '  sidecar:',
    '    image: alpine',
    '    network_mode: "service:nowhere"',
    'networks:',
    '  back: {}',
    'secrets:',
    '  db_password:',
    '    file: ./db.txt',
    'configs:',
    '  other:',
    '    file: ./x',
    '',
  ].join('\n');
  const findings = findingsOf(check(text), RULE);
  assert.deepEqual(
    findings.map((finding) => textOf(text, finding)),
    ['basse', 'front', 'api_key', 'nginx_conf', 'ghost', 'gone', 'nowhere'],
  );
  assert.match(findings[0]!.message, /extends `basse`.*Did you mean `base`\?/);
});

test('an override file borrows its base file declarations; a base file sees its auto-loaded override', () => {
  const base = 'services:\n  db:\n    image: postgres:16\nvolumes:\n  pgdata:\n';
  const override = 'services:\n  web:\n    image: nginx\n    depends_on: [db]\n    volumes: ["pgdata:/data"]\n';
  const overrideResult = checkText(override, { path: '/project/docker-compose.prod.yml', files: { '/project/docker-compose.yml': base } });
  assert.deepEqual(findingsOf(overrideResult, RULE), []);

  const withSecrets = 'services:\n  db:\n    image: postgres\n    secrets: [pw]\n';
  const declared = checkText(withSecrets, { path: '/project/compose.yaml', files: { '/project/compose.override.yaml': 'secrets:\n  pw:\n    environment: PW\n' } });
  assert.deepEqual(findingsOf(declared, RULE), []);
});

test('with no top-level section anywhere the finding is a warning that mentions override files', () => {
  const text = 'services:\n  db:\n    image: postgres\n    secrets: [pw]\n';
  const [finding] = findingsOf(checkText(text, { path: '/project/compose.yaml' }), RULE);
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /No file of this project has a top-level `secrets:`/);
});

test('an include that cannot be read makes references unknowable, so nothing is reported', () => {
  const text = 'include:\n  - ./db/compose.yaml\nservices:\n  web:\n    image: nginx\n    depends_on: [db]\n';
  assert.deepEqual(findingsOf(check(text), RULE), []);
  const withInclude = check(text, { '/project/db/compose.yaml': 'services:\n  db:\n    image: postgres\n' });
  assert.deepEqual(findingsOf(withInclude, RULE), []);
  const wrong = check(text.replace('[db]', '[dbx]'), { '/project/db/compose.yaml': 'services:\n  db:\n    image: postgres\n' });
  assert.equal(findingsOf(wrong, RULE).length, 1);
});

test('a mistake in an anchor merged into two services is reported once', () => {
  const text = 'x-deps: &deps\n  depends_on: [nothere]\nservices:\n  a:\n    <<: *deps\n    image: x\n  b:\n    <<: *deps\n    image: y\n';
  const findings = findingsOf(check(text), RULE);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.span.start, text.indexOf('nothere'));
});
