/**
 * Runs the `run:` steps of the composite action in action.yml with bash, the way the GitHub runner
 * does (`bash --noprofile --norc -eo pipefail`, the step's `env:` and `working-directory`, its
 * `if:`), with the action's inputs given by the test. `uses:` steps are not run: their `if:` and
 * `with:` are resolved and returned so a test can check what they would receive.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ActionInput {
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: string;
}

export interface ActionStep {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}

export interface ActionDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, ActionInput>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

export function readAction(path: string): ActionDefinition {
  return parse(readFileSync(path, 'utf8')) as ActionDefinition;
}

export interface StepResult {
  readonly step: ActionStep;
  readonly outcome: 'success' | 'failure' | 'skipped';
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** A `uses:` step's `with:`, resolved; undefined for `run:` steps. */
  readonly with?: Readonly<Record<string, string>>;
}

export interface RunContext {
  readonly actionPath: string;
  readonly workspace: string;
  /** Inputs the workflow gives; the others take their default. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Prepended to PATH (a folder of stubs). */
  readonly pathPrefix?: string;
  /** Where step scripts are written. */
  readonly scratch: string;
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;
const WHOLE_EXPRESSION = /^\$\{\{\s*(.*?)\s*\}\}$/s;
const EQUALS = /^([\w.-]+)\s*==\s*'([^']*)'$/;

export function runAction(action: ActionDefinition, context: RunContext): StepResult[] {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = context.inputs[name] ?? input.default ?? '';
  for (const name of Object.keys(context.inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const results: StepResult[] = [];
  const outcomes: Record<string, StepResult['outcome']> = {};
  const values = (path: string): string => {
    const [scope, name, field] = path.split('.');
    if (scope === 'inputs' && name !== undefined && name in inputs) return inputs[name] ?? '';
    if (path === 'github.action_path') return context.actionPath;
    if (path === 'github.workspace') return context.workspace;
    if (scope === 'steps' && name !== undefined && field === 'outcome') return outcomes[name] ?? '';
    throw new Error(`the test runner does not know the expression ${path}`);
  };
  const substitute = (text: string): string => text.replace(EXPRESSION, (_whole, path: string) => values(path));

  action.runs.steps.forEach((step, index) => {
    const failedBefore = results.some((result) => result.outcome === 'failure');
    const condition = step.if === undefined ? 'success()' : (WHOLE_EXPRESSION.exec(step.if)?.[1] ?? step.if);
    const runs = evaluateCondition(condition, failedBefore, values);
    let result: StepResult;
    if (!runs) result = { step, outcome: 'skipped', status: null, stdout: '', stderr: '' };
    else if (step.uses !== undefined) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value))]));
      result = { step, outcome: 'success', status: 0, stdout: '', stderr: '', with: resolved };
    } else result = runScript(step, index, context, substitute);
    results.push(result);
    if (step.id !== undefined) outcomes[step.id] = result.outcome;
  });
  return results;
}

function runScript(step: ActionStep, index: number, context: RunContext, substitute: (text: string) => string): StepResult {
  if (step.shell !== 'bash') throw new Error(`step ${step.name ?? index}: expected shell: bash`);
  const script = join(context.scratch, `step-${index}.sh`);
  writeFileSync(script, step.run ?? '');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') env[key] = value;
  env['GITHUB_ACTION_PATH'] = context.actionPath;
  env['GITHUB_WORKSPACE'] = context.workspace;
  env['GITHUB_ACTIONS'] = 'true';
  if (context.pathPrefix !== undefined) env['PATH'] = `${context.pathPrefix}:${env['PATH'] ?? ''}`;
  for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(String(value));
  const cwd = step['working-directory'] === undefined ? context.workspace : substitute(step['working-directory']);
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { step, outcome: run.status === 0 ? 'success' : 'failure', status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * The subset of GitHub's expression language action.yml uses: `&&` of `success()`, `always()`,
 * `!cancelled()` and `<context> == '<text>'`. Anything else is an error, not a guess.
 */
function evaluateCondition(condition: string, failedBefore: boolean, values: (path: string) => string): boolean {
  const terms = condition.split('&&').map((term) => term.trim());
  const hasStatusCheck = terms.some((term) => term === 'always()' || term === '!cancelled()' || term === 'success()' || term === 'failure()');
  let result = hasStatusCheck ? true : !failedBefore;
  for (const term of terms) {
    if (term === 'always()' || term === '!cancelled()') continue;
    if (term === 'success()') result &&= !failedBefore;
    else if (term === 'failure()') result &&= failedBefore;
    else {
      const match = EQUALS.exec(term);
      if (!match?.[1]) throw new Error(`the test runner cannot evaluate \`${term}\``);
      result &&= values(match[1]) === match[2];
    }
  }
  return result;
}
