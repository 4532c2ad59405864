import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { knownRules, runCli, workspace } from './run';
import { codeScanningProblems, sarifSubsetSchema, type SarifLog } from './sarif-structure';

function sarifOf(cwd: string, args: readonly string[] = ['.']): { log: SarifLog; status: number | null } {
  const run = runCli(['check', '--format', 'sarif', ...args], { cwd });
  return { log: JSON.parse(run.stdout) as SarifLog, status: run.status };
}

const files = {
  'deploy/.env': '# deploy-doctor disable-next-line env/duplicate-key\nAPP_NAME=demo\nbroken line\n',
  'deploy/my config/config.toml': 'name = "x" y\n',
  'docker-compose.yml': 'version: "3.8"\nservices:\n  web:\n    image: nginx\n',
};

test('SARIF validates against the SARIF 2.1.0 structure code scanning accepts', () => {
  const cwd = workspace(files);
  const { log, status } = sarifOf(cwd);
  assert.equal(status, 1);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSubsetSchema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(codeScanningProblems(log), []);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
});

test('SARIF of the bundled examples and the real-world corpus validates too', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSubsetSchema);
  const targets = [resolve('examples'), resolve('../shared/corpus')].filter((path) => existsSync(path));
  for (const target of targets) {
    const { log } = sarifOf(resolve('.'), [target]);
    assert.ok(log.runs[0]!.results.length > 0, target);
    assert.ok(validate(log), `${target}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
    assert.deepEqual(codeScanningProblems(log), [], target);
  }
});

test('SARIF describes every rule with its docs link and default level', () => {
  const cwd = workspace(files);
  const driver = sarifOf(cwd).log.runs[0]!.tool.driver;
  assert.equal(driver.name, 'deploy-doctor');
  assert.match(driver.version ?? '', /^\d+\.\d+\.\d+$/);
  // config/invalid is the config file's own rule: reported by the host, not by a file rule.
  assert.deepEqual(new Set(driver.rules.map((rule) => rule.id)), new Set([...knownRules(), 'config/invalid']));
  for (const rule of driver.rules) {
    assert.ok(rule.shortDescription.text.length > 0, rule.id);
    assert.equal(rule.helpUri, `https://github.com/deploy-doctor/deploy-doctor/blob/main/docs/rules/${rule.id}.md`);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
  }
  const byId = new Map(driver.rules.map((rule) => [rule.id, rule]));
  assert.equal(byId.get('env/syntax')?.defaultConfiguration.level, 'error');
  assert.equal(byId.get('deploy-doctor/unused-disable')?.defaultConfiguration.level, 'note', 'hint becomes note');
});

test('SARIF results: level, relative URI under %SRCROOT%, 1-based region with exclusive end', () => {
  const cwd = workspace(files);
  const run = sarifOf(cwd).log.runs[0]!;
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } });
  const results = run.results.map((result) => ({
    rule: result.ruleId,
    level: result.level,
    uri: result.locations[0]!.physicalLocation.artifactLocation.uri,
    base: result.locations[0]!.physicalLocation.artifactLocation.uriBaseId,
    region: result.locations[0]!.physicalLocation.region,
  }));
  const find = (rule: string) => results.find((result) => result.rule === rule);
  assert.deepEqual(find('env/syntax'), {
    rule: 'env/syntax', level: 'error', uri: 'deploy/.env', base: '%SRCROOT%', region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 12 },
  });
  assert.deepEqual(find('deploy-doctor/unused-disable')?.level, 'note');
  // A space in a folder name is percent-encoded: the uri is a URI reference, not a path.
  assert.deepEqual(find('toml/syntax'), {
    rule: 'toml/syntax', level: 'error', uri: 'deploy/my%20config/config.toml', base: '%SRCROOT%', region: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 13 },
  });
  assert.equal(find('compose/version-obsolete')?.level, 'warning');
});

test('SARIF of a clean folder has a run with no results', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  const { log, status } = sarifOf(cwd);
  assert.equal(status, 0);
  assert.deepEqual(log.runs[0]!.results, []);
  assert.equal(log.runs[0]!.invocations?.[0]?.executionSuccessful, true);
});

test('SARIF for a file outside the current folder uses an absolute file URI', () => {
  const cwd = workspace({ 'inside/.keep': '', 'outside/.env': 'broken\n' });
  const { log } = sarifOf(`${cwd}/inside`, ['../outside']);
  const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
  assert.deepEqual(location, { uri: pathToFileURL(`${cwd}/outside/.env`).href });
  assert.deepEqual(codeScanningProblems(log), []);
});

test('SARIF lists skipped files as tool notifications', () => {
  const cwd = workspace({ 'nginx.conf': new Uint8Array([0x73, 0x65, 0x00, 0x01, 0x02]) });
  const run = runCli(['check', '--format', 'sarif', '.'], { cwd });
  const log = JSON.parse(run.stdout) as SarifLog;
  const notes = log.runs[0]!.invocations?.[0]?.toolExecutionNotifications ?? [];
  assert.equal(notes.length, 1);
  assert.match(notes[0]!.message.text, /^nginx\.conf: skipped, binary/);
});
