import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../server/src/engine/testing';
import { compare, STRUCTURAL_RULES, type Comparison } from './compare';
import { MUTATION_KINDS, mutants, type MutationKind } from './mutate';
import { findNginx, judge } from './nginxRun';
import { localizePaths, placementOf, renderTemplates, wrap, type Paths } from './prepare';
import { corpusSources, fixtureSources, guideSources, type Source } from './sources';

/*
 * Agreement with nginx itself. Every nginx file of ../shared/corpus, of the guides and of the
 * project's fixtures, plus at least 300 mutants of them, is made a complete configuration and
 * judged by `nginx -t` and by our structural rules (syntax, unknown directive, context,
 * arguments); see compare.ts for what counts as agreeing. Prints the agreement figure and every
 * disagreement.
 */

const MIN_MUTANTS = 300;
const MUTANT_THRESHOLD = 0.95;
const CONCURRENCY = 3;

interface Case {
  readonly name: string;
  readonly source: Source;
  readonly kind: 'original' | MutationKind;
  readonly raw: string;
}

interface Outcome {
  readonly testCase: Case;
  readonly comparison: Comparison;
  readonly adjustments: readonly string[];
}

test('nginx -t and Deploy Doctor agree on originals and mutants', async (t) => {
  const nginx = findNginx();
  if (!nginx) {
    t.skip('nginx is not installed (scripts/install-system-deps.sh installs Debian\'s nginx); the agreement test needs `nginx -t`.');
    return;
  }
  const corpus = corpusSources();
  if (!corpus) t.diagnostic('../shared/corpus is absent: only the guides and the fixtures are compared.');
  const sources = [...(corpus ?? []), ...guideSources(), ...fixtureSources()];
  const perSource = Math.ceil((MIN_MUTANTS * 1.15) / sources.length);
  const cases: Case[] = [];
  sources.forEach((source, index) => {
    cases.push({ name: source.name, source, kind: 'original', raw: source.text });
    for (const mutant of mutants(source.text, perSource, 1000 + index)) {
      cases.push({ name: `${source.name} [${mutant.description}]`, source, kind: mutant.kind, raw: mutant.text });
    }
  });

  const root = mkdtempSync(path.join(tmpdir(), 'dd-nginx-agreement-'));
  try {
    const paths = setUp(root);
    const outcomes = await pool(cases, CONCURRENCY, (testCase, slot) => run(nginx, path.join(root, `slot${slot}`), testCase, paths));
    report(t, outcomes);

    const originals = outcomes.filter((outcome) => outcome.testCase.kind === 'original');
    const mutated = outcomes.filter((outcome) => outcome.testCase.kind !== 'original');
    // Without the corpus the fixtures alone may not yield 300 distinct mutants; the ratio still holds.
    if (corpus) assert.ok(mutated.length >= MIN_MUTANTS, `only ${mutated.length} mutants`);
    assert.deepEqual(
      originals.filter((outcome) => !outcome.comparison.agree).map((outcome) => `${outcome.testCase.name}: ${outcome.comparison.reason}`),
      [],
      'every original agrees',
    );
    const agreeing = mutated.filter((outcome) => outcome.comparison.agree).length;
    assert.ok(agreeing / mutated.length >= MUTANT_THRESHOLD, `mutants agree ${agreeing}/${mutated.length}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** One folder per concurrent nginx, each with the files a Debian /etc/nginx has, and a certificate. */
function setUp(root: string): Paths {
  let certificate: string | undefined;
  let key: string | undefined;
  try {
    certificate = path.join(root, 'cert.pem');
    key = path.join(root, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-keyout', key, '-out', certificate], { stdio: 'ignore' });
  } catch {
    certificate = undefined;
    key = undefined;
  }
  mkdirSync(path.join(root, 'logs'), { recursive: true });
  mkdirSync(path.join(root, 'cache'), { recursive: true });
  for (let slot = 0; slot < CONCURRENCY; slot++) {
    const folder = path.join(root, `slot${slot}`);
    mkdirSync(path.join(folder, 'logs'), { recursive: true });
    for (const name of existsSync('/etc/nginx') ? readdirSync('/etc/nginx') : []) {
      const file = path.join('/etc/nginx', name);
      if (name !== 'nginx.conf' && statSync(file).isFile()) copyFileSync(file, path.join(folder, name));
    }
  }
  return { certificate, key, scratch: root };
}

async function run(nginx: string, folder: string, testCase: Case, paths: Paths): Promise<Outcome> {
  const rendered = renderTemplates(testCase.raw);
  const prepared = localizePaths(wrap(rendered, placementOf(rendered)), paths);
  const judged = await judge(nginx, folder, prepared, paths);
  const ours = checkText(judged.text, { path: '/agreement/nginx.conf', kind: 'nginx' }).diagnostics;
  return { testCase, comparison: compare(judged.text, judged.verdict, ours), adjustments: judged.adjustments };
}

async function pool<T, R>(items: readonly T[], size: number, work: (item: T, slot: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async (_, slot) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, slot);
      }
    }),
  );
  return results;
}

function report(t: { diagnostic(message: string): void }, outcomes: readonly Outcome[]): void {
  const line = (label: string, list: readonly Outcome[]) => {
    const agreeing = list.filter((outcome) => outcome.comparison.agree).length;
    const percent = list.length === 0 ? 100 : (100 * agreeing) / list.length;
    return `${label}: ${agreeing}/${list.length} (${percent.toFixed(1)}%)`;
  };
  const originals = outcomes.filter((outcome) => outcome.testCase.kind === 'original');
  const mutated = outcomes.filter((outcome) => outcome.testCase.kind !== 'original');
  const lines = [
    line('nginx agreement', outcomes),
    `  ${line('originals', originals)}`,
    `  ${line('mutants', mutated)}`,
    `  mutants by kind: ${MUTATION_KINDS.map((kind) => line(kind, mutated.filter((outcome) => outcome.testCase.kind === kind))).join(', ')}`,
    `  structural rules compared: ${STRUCTURAL_RULES.join(', ')}`,
    `  nginx rejected for other reasons (only the lines before its error compared): ${outcomes.filter((outcome) => !outcome.comparison.judged).length}`,
    `  adjusted for this machine (missing files, hosts, modules, newer directives): ${outcomes.filter((outcome) => outcome.adjustments.length > 0).length}`,
  ];
  const otherReasons = new Map<string, number>();
  for (const outcome of outcomes.filter((candidate) => !candidate.comparison.judged)) {
    const reason = outcome.comparison.reason.replace(/"[^"]*"/g, '"…"');
    otherReasons.set(reason, (otherReasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of [...otherReasons].sort((a, b) => b[1] - a[1])) lines.push(`    ${count} × ${reason}`);
  for (const outcome of outcomes.filter((candidate) => !candidate.comparison.agree)) lines.push(`  DISAGREE ${outcome.testCase.name}: ${outcome.comparison.reason}`);
  console.log(lines.join('\n'));
  for (const text of lines) t.diagnostic(text);
}
