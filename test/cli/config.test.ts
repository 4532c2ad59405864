import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkJson, runCli, workspace } from './run';

/* `.deploy-doctor.yaml` in the CLI: severities and overrides per file, `--rule` wins, `ignore:` skips, the config's own errors are reported where they are. */

const DUPLICATE = 'A=1\nA=2\n';

function rulesAt(diagnostics: readonly { file: string; rule: string; severity: string }[], file: string): string[] {
  return diagnostics.filter((d) => d.file === file && d.rule === 'env/duplicate-key').map((d) => d.severity);
}

test('config severities, overrides by glob and ignore apply per file; --rule wins', () => {
  const cwd = workspace({
    '.deploy-doctor.yaml': 'rules:\n  env/duplicate-key: info\noverrides:\n  - files: ["prod/*.env"]\n    rules: { env/duplicate-key: error }\nignore: ["vendor/**"]\n',
    'dev/a.env': DUPLICATE,
    'prod/b.env': DUPLICATE,
    'vendor/c.env': DUPLICATE,
  });
  const run = checkJson(['.'], { cwd });
  assert.deepEqual(rulesAt(run.diagnostics, 'dev/a.env'), ['info']);
  assert.deepEqual(rulesAt(run.diagnostics, 'prod/b.env'), ['error']);
  assert.equal(run.diagnostics.filter((d) => d.file === 'vendor/c.env').length, 0);

  const flagged = checkJson(['.', '--rule', 'env/duplicate-key=hint'], { cwd });
  assert.deepEqual(rulesAt(flagged.diagnostics, 'prod/b.env'), ['hint']);
  const bare = checkJson(['.', '--no-config'], { cwd });
  assert.ok(bare.diagnostics.some((d) => d.file === 'vendor/c.env'));
  assert.notDeepEqual(rulesAt(bare.diagnostics, 'dev/a.env'), ['info']);
});

test("the config file's own mistakes are reported at their position, and its valid parts still apply", () => {
  const cwd = workspace({
    '.deploy-doctor.yaml': 'rules:\n  env/duplicat-key: off\n  env/duplicate-key: hint\n',
    'a.env': DUPLICATE,
  });
  const run = checkJson(['.'], { cwd });
  const invalid = run.diagnostics.find((d) => d.rule === 'config/invalid');
  assert.ok(invalid, JSON.stringify(run.diagnostics));
  assert.deepEqual([invalid.file, invalid.line, invalid.column, invalid.endColumn], ['.deploy-doctor.yaml', 2, 3, 19]);
  assert.match(invalid.message, /did you mean `env\/duplicate-key`\?/);
  assert.deepEqual(rulesAt(run.diagnostics, 'a.env'), ['hint']);
});

test('--config uses one config file for every file', () => {
  const cwd = workspace({ 'ci/strict.yaml': 'rules: { env/duplicate-key: error }\n', '.deploy-doctor.yaml': 'rules: { env/duplicate-key: off }\n', 'a.env': DUPLICATE });
  assert.deepEqual(rulesAt(checkJson(['.', '--config', 'ci/strict.yaml'], { cwd }).diagnostics, 'a.env'), ['error']);
  assert.deepEqual(rulesAt(checkJson(['.'], { cwd }).diagnostics, 'a.env'), []);
});

test("SARIF lists config/invalid among its rules, so the config file's findings have a descriptor and help link", () => {
  const cwd = workspace({ '.deploy-doctor.yaml': 'rulez: {}\n', 'a.env': 'A=1\n' });
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '.'], { cwd }).stdout) as {
    runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string }[] }[];
  };
  const [run] = sarif.runs;
  assert.ok(run!.results.some((result) => result.ruleId === 'config/invalid'));
  const descriptor = run!.tool.driver.rules.find((rule) => rule.id === 'config/invalid');
  assert.match(descriptor?.helpUri ?? '', /docs\/rules\/config\/invalid\.md$/);
});

test('--rule sets or turns off config/invalid like any rule', () => {
  const cwd = workspace({ '.deploy-doctor.yaml': 'rules:\n  env/duplicat-key: off\n', 'a.env': DUPLICATE });
  const invalid = (args: string[]) => checkJson(['.', ...args], { cwd }).diagnostics.filter((d) => d.rule === 'config/invalid').map((d) => d.severity);
  assert.deepEqual(invalid([]), ['error']);
  assert.deepEqual(invalid(['--rule', 'config/invalid=warning']), ['warning']);
  assert.deepEqual(invalid(['--rule', 'config/invalid=off']), []);
});
