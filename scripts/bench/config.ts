/**
 * Config lookup: a generated repository of 2,000 configuration files in nested folders, with
 * `.deploy-doctor.yaml` at three levels (rules and `ignore:` at the root, an own product per
 * team, rule changes in some services), and the same files without any config. Measures, in
 * process, each file's check through ConfigChains + ConfigEngines (warm caches, as a host after
 * its first check) against the bare engine, the lookup alone, and the CLI on both trees; then
 * an editor's work after the root config is edited, for a comment and for a severity.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Engine, pathToUri, type FileKind, type WorkspaceView } from '../../server/src/engine';
import { configFileSystem } from '../../server/src/cli/projectConfig';
import { ConfigChains, ConfigEngines } from '../../server/src/engine/config';
import { generate } from './generate';
import { CLI } from './hosts';
import type { Recorder } from './results';
import { median, medianRun, ms, printTable, ratio, timed } from './stats';

const TEAMS = 10;
const SERVICES_PER_TEAM = 50;
/** Every fifth service has a config of its own, the third level. */
const SERVICE_CONFIG_EVERY = 5;
const VENDOR_FILES = 20;
const FILES: readonly { readonly kind: FileKind; readonly name: string }[] = [
  { kind: 'env', name: '.env' },
  { kind: 'toml', name: 'config.toml' },
  { kind: 'compose', name: 'docker-compose.yml' },
  { kind: 'nginx', name: 'nginx/nginx.conf' },
];
/** The gate: a bare check plus the lookup (chain and engine for the file, warm caches) over a bare check. */
const MAX_LOOKUP_OVERHEAD = 1.02;

const ROOT_CONFIG = `root: true
rules:
  secret/weak: warning
  nginx/tls: off
overrides:
  - files: ["teams/*/services/svc-4*/**"]
    mode: development
ignore: ["vendor/**"]
`;

function teamConfig(team: number): string {
  const prefix = `TEAM${team}_`;
  return `products:
  team-${team}-api:
    files: ["services/**/.env"]
    envPrefix: ${prefix}
    settings:
      ${prefix}DATABASE_URL: { type: url, schemes: [postgres, postgresql], required: production }
      ${prefix}JWT_SECRET: { secret: hex-32, required: always }
      ${prefix}PORT: { type: port, default: 8080 }
      ${prefix}LOG_LEVEL: { enum: [debug, info, warn, error] }
      ${prefix}CORS_ORIGINS: { type: origins }
rules:
  env/duplicate-key: error
`;
}

const SERVICE_CONFIG = `rules:
  compose/healthcheck-missing: off
  secret/placeholder: warning
`;

interface BenchFile {
  readonly path: string;
  readonly uri: string;
  readonly kind: FileKind;
  readonly text: string;
}

/** Writes the files under `root` (and, with `withConfig`, the config files); returns the files. */
function writeTree(root: string, withConfig: boolean): BenchFile[] {
  const files: BenchFile[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  const add = (path: string, kind: FileKind, text: string) => {
    write(path, text);
    files.push({ path, uri: pathToUri(path), kind, text });
  };
  mkdirSync(join(root, '.git'), { recursive: true });
  if (withConfig) write(join(root, '.deploy-doctor.yaml'), ROOT_CONFIG);
  for (let team = 0; team < TEAMS; team++) {
    const teamFolder = join(root, 'teams', `team-${team}`);
    if (withConfig) write(join(teamFolder, '.deploy-doctor.yaml'), teamConfig(team));
    for (let service = 0; service < SERVICES_PER_TEAM; service++) {
      const serviceFolder = join(teamFolder, 'services', `svc-${service}`);
      if (withConfig && service % SERVICE_CONFIG_EVERY === 0) write(join(serviceFolder, '.deploy-doctor.yaml'), SERVICE_CONFIG);
      for (const [index, file] of FILES.entries()) {
        let text = generate(file.kind, 20 + ((team * 31 + service * 7 + index * 11) % 41));
        if (file.kind === 'env') text += `TEAM${team}_DATABASE_URL=postgres://db:5432/app\nTEAM${team}_PORT=80${service % 10}\nTEAM${team}_LOG_LEVEL=info\n`;
        add(join(serviceFolder, file.name), file.kind, text);
      }
    }
  }
  for (let index = 0; index < VENDOR_FILES; index++) add(join(root, 'vendor', `lib-${index}`, '.env'), 'env', generate('env', 30));
  return files;
}

function workspaceOf(files: readonly BenchFile[]): WorkspaceView {
  const texts = new Map(files.map((file) => [file.uri, file.text]));
  const uris = [...texts.keys()];
  return { readText: (uri) => texts.get(uri), files: () => uris };
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

export function configBench(recorder: Recorder, quick: boolean): void {
  const folder = mkdtempSync(join(tmpdir(), 'dd-bench-config-'));
  const withConfig = join(folder, 'with-config');
  const withoutConfig = join(folder, 'without-config');
  const rounds = quick ? 3 : 7;
  try {
    const files = writeTree(withConfig, true);
    writeTree(withoutConfig, false);
    const workspace = workspaceOf(files);
    const bare = new Engine();
    const vocabulary = { ruleIds: new Set(bare.rules.map((rule) => rule.meta.id)), productIds: new Set(bare.products.map((product) => product.id)) };
    // Config files read from disk as the CLI reads them (without its boundary: the tree is ours).
    const chains = new ConfigChains(withConfig, configFileSystem(undefined), vocabulary);
    const engines = new ConfigEngines({ engineOptions: {}, checkOptions: {} }, bare);
    const setupOf = (file: BenchFile) => engines.setupFor(chains.chainFor(folderOf(file.path)), file.path);

    // The first lookup of every file: configs found and parsed, one engine made per resolved config.
    const cold = timed(() => files.map(setupOf));
    const setups = cold.result;
    const checked = files.filter((_, index) => !setups[index]!.ignored);
    const ignoredCount = files.length - checked.length;
    const engineCount = new Set(setups.map((setup) => setup.engine)).size;

    const checkBare = () => {
      for (const file of checked) {
        bare.forget(file.uri);
        bare.check({ uri: file.uri, text: file.text, kind: file.kind }, workspace);
      }
    };
    const checkConfigured = () => {
      for (const file of checked) {
        const setup = setupOf(file);
        setup.engine.forget(file.uri);
        setup.engine.check({ uri: file.uri, text: file.text, kind: file.kind }, workspace, setup.options);
      }
    };
    const lookUp = () => {
      for (const file of checked) setupOf(file);
    };
    // Warm both paths (and every engine's caches), then interleave the rounds so drift hits both alike.
    checkBare();
    checkConfigured();
    const bareRounds: number[] = [];
    const configuredRounds: number[] = [];
    const lookupRounds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(timed(checkBare).wallMs);
      configuredRounds.push(timed(checkConfigured).wallMs);
      lookupRounds.push(timed(() => {
        for (let repeat = 0; repeat < 10; repeat++) lookUp();
      }).wallMs / 10);
    }
    const perBare = median(bareRounds) / checked.length;
    const perConfigured = median(configuredRounds) / checked.length;
    const perLookup = median(lookupRounds) / checked.length;
    const overhead = (perBare + perLookup) / perBare;

    recorder.record('config.files', files.length, 'count');
    recorder.record('config.lookup.cold', cold.wallMs, 'ms', { note: 'first lookup of every file: configs found, parsed, engines made' });
    recorder.record('config.check.bare', perBare, 'ms', { note: 'per file, the bare engine (no config)' });
    recorder.record('config.check.configured', perConfigured, 'ms', { note: 'per file, lookup then check with the config’s engine (own products add checks)' });
    recorder.record('config.lookup.perCheck', perLookup, 'ms', { note: 'per file, ConfigChains.chainFor + ConfigEngines.setupFor, warm' });
    recorder.record('config.lookup.overhead', overhead, 'ratio', { max: MAX_LOOKUP_OVERHEAD, note: '(a bare check + the warm lookup) / a bare check, per file' });

    const runs = quick ? 1 : 3;
    const cliWith = medianRun(runs, process.execPath, [join(process.cwd(), CLI), 'check', '--format', 'json', '.'], { cwd: withConfig });
    const cliWithout = medianRun(runs, process.execPath, [join(process.cwd(), CLI), 'check', '--format', 'json', '.'], { cwd: withoutConfig });
    recorder.record('config.cli.withConfig', cliWith.wallMs, 'ms', { note: 'deploy-doctor check --format json . on the tree with config files' });
    recorder.record('config.cli.withoutConfig', cliWithout.wallMs, 'ms', { note: 'the same files, no config file' });
    recorder.record('config.cli.ratio', cliWith.wallMs / cliWithout.wallMs, 'ratio', { note: 'with config / without (own products add checks, ignore: skips files)' });

    // An editor's re-check after the root config is edited: reparse, look every file up again,
    // check those whose setup changed (a comment changes none; a rule at the root, all).
    const checkedKeys = new Map(checked.map((file) => [file.uri, setupOf(file).key]));
    const rootConfig = join(withConfig, '.deploy-doctor.yaml');
    const afterEdit = (text: string) => {
      writeFileSync(rootConfig, text);
      return timed(() => {
        chains.reload(withConfig);
        engines.sweep();
        let rechecked = 0;
        for (const file of checked) {
          const setup = setupOf(file);
          if (setup.key === checkedKeys.get(file.uri)) continue;
          rechecked++;
          setup.engine.forget(file.uri);
          setup.engine.check({ uri: file.uri, text: file.text, kind: file.kind }, workspace, setup.options);
        }
        return rechecked;
      });
    };
    const commentEdit = afterEdit(`# platform team\n\n${ROOT_CONFIG}`);
    const ruleEdit = afterEdit(ROOT_CONFIG.replace('secret/weak: warning', 'secret/weak: info'));
    writeFileSync(rootConfig, ROOT_CONFIG);
    recorder.record('config.edit.comment', commentEdit.wallMs, 'ms', { note: `root config edited (a comment): reparse, every file looked up, ${commentEdit.result} re-checked` });
    recorder.record('config.edit.rule', ruleEdit.wallMs, 'ms', { note: `root config edited (a severity): reparse, every file looked up, ${ruleEdit.result} re-checked` });

    printTable(
      `Config lookup: ${files.length} files, config files at 3 levels (${engineCount} engines, ${ignoredCount} files ignored); median of ${rounds} rounds`,
      ['what', 'time', ''],
      [
        ['first lookup of every file (cold)', ms(cold.wallMs), `${ms(cold.wallMs / files.length)} per file`],
        ['check, bare engine', ms(perBare), `per file, ${checked.length} files`],
        ['check through ConfigChains + ConfigEngines', ms(perConfigured), `per file, ${ratio(perConfigured / perBare)} of bare (own products add checks)`],
        ['the lookup alone (warm)', ms(perLookup), `per file: config lookup adds ${((overhead - 1) * 100).toFixed(2)}% per check (gate < ${Math.round((MAX_LOOKUP_OVERHEAD - 1) * 100)}%)`],
        ['CLI: tree with config files', ms(cliWith.wallMs), `exit ${cliWith.status}, ${findings(cliWith.stdout)} findings`],
        ['CLI: same files, no config', ms(cliWithout.wallMs), `exit ${cliWithout.status}, ${findings(cliWithout.stdout)} findings`],
        ['root config edited: a comment', ms(commentEdit.wallMs), `reparse and lookup of ${files.length} files; ${commentEdit.result} re-checked`],
        ['root config edited: a severity', ms(ruleEdit.wallMs), `reparse and lookup; ${ruleEdit.result} re-checked`],
      ],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function findings(stdout: string): number {
  try {
    return (JSON.parse(stdout) as { diagnostics: unknown[] }).diagnostics.length;
  } catch {
    return NaN;
  }
}
