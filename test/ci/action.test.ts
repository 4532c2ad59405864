/**
 * The composite GitHub Action (action.yml): its structure, and its `run:` steps executed with bash
 * as the runner would, against a workspace of fixture files. The install step runs with a stub
 * `npm` on PATH that records its arguments (the hosts this test run built stand in for what
 * `npm run build` makes); the check and SARIF steps run the real built CLI.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync, chmodSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { BUILT_CLI } from '../builtHosts';
import { readAction, runAction, type StepResult } from './actionRunner';

const action = readAction(resolve('action.yml'));

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An action checkout: action.yml and dist/ (this run's built hosts), and a stub npm that logs. */
function actionCheckout(): { actionPath: string; stubs: string; npmLog: string } {
  const actionPath = tempDir('deploy-doctor-action-');
  copyFileSync(resolve('action.yml'), join(actionPath, 'action.yml'));
  symlinkSync(dirname(BUILT_CLI), join(actionPath, 'dist'), 'dir');
  const stubs = join(actionPath, '.stubs');
  mkdirSync(stubs);
  const npmLog = join(actionPath, '.npm.log');
  writeFileSync(join(stubs, 'npm'), `#!/usr/bin/env bash\necho "$PWD|$*" >> ${JSON.stringify(npmLog)}\n`);
  chmodSync(join(stubs, 'npm'), 0o755);
  return { actionPath, stubs, npmLog };
}

function fixture(files: Readonly<Record<string, string>>): string {
  const root = tempDir('deploy-doctor-workspace-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function run(workspace: string, inputs: Readonly<Record<string, string>>) {
  const checkout = actionCheckout();
  const steps = runAction(action, { actionPath: checkout.actionPath, workspace, inputs, pathPrefix: checkout.stubs, scratch: tempDir('deploy-doctor-steps-') });
  const byId = (id: string): StepResult => {
    const found = steps.find((step) => step.step.id === id);
    assert.ok(found, `no step with id ${id}`);
    return found;
  };
  return { steps, byId, checkout };
}

const WEAK = { 'deploy/.env': 'NODE_ENV=production\nJWT_SECRET=short1\n' };
const STRONG = { 'deploy/.env': 'NODE_ENV=production\nJWT_SECRET=Xk29dLq8PzR4vN7sT1wY6bH3mJ5cF0gA\n' };

test('action.yml is a composite action with the documented inputs and defaults', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'format', 'paths', 'sarif', 'sarif-file']);
  assert.equal(action.inputs['paths']?.default, '.');
  assert.equal(action.inputs['format']?.default, 'github');
  assert.equal(action.inputs['args']?.default, '');
  assert.equal(action.inputs['sarif']?.default, 'false');
  assert.equal(action.inputs['sarif-file']?.default, 'deploy-doctor.sarif');
  assert.deepEqual(action.runs.steps.map((step) => step.id), ['install', 'check', 'sarif', undefined]);
  const upload = action.runs.steps[3];
  assert.equal(upload?.uses, 'github/codeql-action/upload-sarif@v3');
  assert.equal(upload?.with?.['sarif_file'], '${{ inputs.sarif-file }}');
});

test('no run: script interpolates an expression (inputs reach scripts only through env:)', () => {
  for (const step of action.runs.steps) {
    if (step.run !== undefined) assert.doesNotMatch(step.run, /\$\{\{/, `step ${step.name}`);
    assert.equal(step.uses === undefined, step.run !== undefined, `step ${step.name}: run or uses`);
  }
});

test('the install step runs npm ci and npm run build in the action folder', () => {
  const { byId, checkout } = run(fixture(STRONG), {});
  assert.equal(byId('install').outcome, 'success', byId('install').stderr);
  assert.deepEqual(readFileSync(checkout.npmLog, 'utf8').trimEnd().split('\n'), [`${checkout.actionPath}|ci --no-audit --no-fund`, `${checkout.actionPath}|run build`]);
});

test('a weak secret: annotations with the range, the check step fails, SARIF written and uploaded', () => {
  const workspace = fixture(WEAK);
  const { steps, byId } = run(workspace, { sarif: 'true' });
  const check = byId('check');
  assert.equal(check.outcome, 'failure');
  assert.equal(check.status, 1, check.stderr);
  assert.equal(check.stdout, '::error file=deploy/.env,line=2,col=12,endLine=2,endColumn=18,title=secret/weak::JWT_SECRET is shorter than 16 characters.\n');
  assert.doesNotMatch(check.stdout + check.stderr, /short1/, 'the secret is never printed');

  const sarif = byId('sarif');
  assert.equal(sarif.outcome, 'success', sarif.stderr);
  const report = JSON.parse(readFileSync(join(workspace, 'deploy-doctor.sarif'), 'utf8')) as {
    version: string;
    runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
  };
  assert.equal(report.version, '2.1.0');
  const results = report.runs[0]?.results ?? [];
  assert.deepEqual(
    results.map((result) => [result.ruleId, result.level, result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine, result.locations[0]?.physicalLocation.region.startColumn]),
    [['secret/weak', 'error', 'deploy/.env', 2, 12]],
  );
  const upload = steps[3];
  assert.equal(upload?.outcome, 'success', 'the upload runs after failing findings');
  assert.deepEqual(upload?.with, { sarif_file: 'deploy-doctor.sarif', category: 'deploy-doctor' });
});

test('a clean tree passes, prints nothing, and without sarif writes no report and uploads nothing', () => {
  const workspace = fixture(STRONG);
  const { steps, byId } = run(workspace, {});
  assert.equal(byId('check').outcome, 'success', byId('check').stderr);
  assert.equal(byId('check').stdout, '');
  assert.equal(byId('sarif').outcome, 'skipped');
  assert.equal(steps[3]?.outcome, 'skipped');
  assert.equal(existsSync(join(workspace, 'deploy-doctor.sarif')), false);
});

test('paths and args inputs: several paths, extra flags, a custom SARIF file', () => {
  const workspace = fixture({ ...WEAK, 'other/.env': 'NODE_ENV=production\nJWT_SECRET=tiny\n', 'skipped/.env': 'JWT_SECRET=tiny\n' });
  const { byId } = run(workspace, { paths: 'deploy\nother', args: '--rule secret/weak=warning --max-warnings 5', format: 'json', sarif: 'true', 'sarif-file': 'dd.sarif' });
  const check = byId('check');
  assert.equal(check.status, 0, check.stderr);
  const files = (JSON.parse(check.stdout) as { diagnostics: { file: string; rule: string; severity: string }[] }).diagnostics.map((d) => `${d.file} ${d.rule} ${d.severity}`);
  assert.deepEqual(files, ['deploy/.env secret/weak warning', 'other/.env secret/weak warning']);
  assert.equal(byId('sarif').outcome, 'success', byId('sarif').stderr);
  assert.ok(existsSync(join(workspace, 'dd.sarif')));
});

test('shell syntax in inputs is passed as words, never run', () => {
  const workspace = fixture(STRONG);
  const { byId } = run(workspace, { paths: '$(touch injected) `touch injected2` ;touch injected3', sarif: 'true' });
  // The words are taken as paths, which do not exist: a usage error, in both CLI steps.
  assert.equal(byId('check').status, 2);
  assert.equal(byId('sarif').outcome, 'failure');
  for (const name of ['injected', 'injected2', 'injected3']) assert.equal(existsSync(join(workspace, name)), false, name);
});

test('a usage error in args fails the SARIF step too (exit 2 is not findings)', () => {
  const { byId } = run(fixture(WEAK), { args: '--mode nope', sarif: 'true' });
  assert.equal(byId('check').status, 2);
  assert.match(byId('check').stderr, /--mode/);
  assert.equal(byId('sarif').outcome, 'failure');
});
