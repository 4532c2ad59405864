import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runCli, workspace } from './run';

const files = {
  'deploy/.env': '# deploy-doctor disable-next-line env/duplicate-key\nAPP_NAME=demo\nbroken line\n',
  'docker-compose.yml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
};

test('text output: a header per file, aligned `line:col  severity  message  rule` rows, a summary', () => {
  const cwd = workspace(files);
  const run = runCli(['check', '.'], { cwd });
  assert.equal(run.status, 1);
  const lines = run.stdout.split('\n');
  const header = lines.findIndex((line) => line.startsWith('deploy/.env'));
  assert.ok(header >= 0, run.stdout);
  assert.match(lines[header]!, /^deploy\/\.env {2}\(production\)$/);
  assert.match(lines[header + 1]!, /^ {2}1:1 {2}hint {3}This deploy-doctor comment suppresses nothing \(env\/duplicate-key\)\. +deploy-doctor\/unused-disable$/);
  assert.match(lines[header + 2]!, /^ {2}3:1 {2}error {2}.+ {2}env\/syntax$/);
  // Columns line up: the rule ids of one file start at the same column.
  assert.equal(lines[header + 1]!.indexOf('deploy-doctor/unused-disable'), lines[header + 2]!.indexOf('env/syntax'));
  assert.match(lines[header - 1]!, /^$/, 'a blank line before each file');
  assert.ok(lines.some((line) => /^docker-compose\.yml {2}\(production\)$/.test(line)));
  assert.match(run.stdout, /\n✖ 3 problems \(1 error, 1 warning, 1 hint\) in 2 files checked\n$/);
});

test('text output of a clean folder says so', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n', 'more.env': 'LOG_LEVEL=info\n' });
  const run = runCli(['check', '.'], { cwd });
  assert.equal(run.stdout, '✔ No problems in 2 files.\n');
});

test('the header names the detected product and mode', () => {
  const cwd = workspace({ '.env.development': 'FLYDESK_DEV_MODE=true\nbroken\n' });
  const run = runCli(['check', '.'], { cwd });
  assert.match(run.stdout, /^\.env\.development {2}\(firefly-desk, development\)$/m);
});

test('colour only when asked or on a terminal, never with NO_COLOR', () => {
  const cwd = workspace(files);
  const ESC = '\u001b[';
  assert.ok(!runCli(['check', '.'], { cwd }).stdout.includes(ESC), 'not a TTY: plain');
  const forced = runCli(['check', '--color', '.'], { cwd }).stdout;
  assert.ok(forced.includes(`${ESC}31merror`), 'errors in red');
  assert.ok(!runCli(['check', '.'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC), 'NO_COLOR wins');
  assert.ok(runCli(['check', '.'], { cwd, env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
  assert.ok(!runCli(['check', '--no-color', '.'], { cwd, env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
  // Colour never changes the words.
  assert.equal(forced.replace(/\u001b\[\d+m/g, ''), runCli(['check', '.'], { cwd }).stdout);
});

test('`rules` lists every rule with its severity, description and docs URL', () => {
  const run = runCli(['rules'], { cwd: workspace({}) });
  assert.equal(run.status, 0);
  const envSyntax = run.stdout.split('\n').find((line) => line.startsWith('env/syntax '));
  assert.ok(envSyntax, run.stdout);
  assert.match(envSyntax, /^env\/syntax +error +.+ {2}https:\/\/\S+\/docs\/rules\/env\/syntax\.md$/);
  const json = JSON.parse(runCli(['rules', '--format', 'json'], { cwd: workspace({}) }).stdout) as {
    rules: { id: string; severity: string; description: string; docs: string; fixable: boolean }[];
  };
  const unused = json.rules.find((rule) => rule.id === 'deploy-doctor/unused-disable');
  assert.deepEqual(
    { severity: unused?.severity, fixable: unused?.fixable, docs: unused?.docs },
    { severity: 'hint', fixable: true, docs: 'https://github.com/deploy-doctor/deploy-doctor/blob/main/docs/rules/deploy-doctor/unused-disable.md' },
  );
  assert.equal(json.rules.length, run.stdout.trim().split('\n').length);
  assert.ok(json.rules.some((rule) => rule.id === 'config/invalid'), 'the config file\'s own rule is listed');
});
