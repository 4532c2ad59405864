import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { BUILT_CLI } from '../builtHosts';
import { LspSession } from './lspSession';

/*
 * Issue 19's "same findings in every host": the built CLI as a process and the language server
 * check one workspace under one `.deploy-doctor.yaml` and must report the same rule ids,
 * severities and ranges per file (test/vscode/suite/projectConfig.test.ts does it in VS Code).
 */

const FIXTURE = resolve('test/fixtures/config-workspace');
const LSP_SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];
const LANGUAGES: Record<string, string> = { '.env': 'dotenv', '.yml': 'dockercompose', '.toml': 'toml', '.conf': 'nginx', '.yaml': 'yaml' };

/** One finding in one shape: rule, severity, then 0-based start line/character and end line/character. */
type Finding = readonly [string, string, number, number, number, number];

interface CliJson {
  diagnostics: { file: string; rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[];
}

let session: LspSession | undefined;
after(async () => session?.stop());

function filesOf(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

const sorted = (findings: Finding[]) => findings.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('the CLI (--format json) and the language server report the same findings under the same config file', async () => {
  const cli = spawnSync(process.execPath, [BUILT_CLI, 'check', '--format', 'json', '.'], { cwd: FIXTURE, encoding: 'utf8', timeout: 60_000 });
  assert.equal(cli.status, 1, cli.stderr);
  const fromCli = new Map<string, Finding[]>();
  for (const d of (JSON.parse(cli.stdout) as CliJson).diagnostics) {
    // The CLI prints 1-based lines and columns, the end column one past the last character: the LSP's end character, plus one.
    const list = fromCli.get(d.file) ?? [];
    list.push([d.rule, d.severity, d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1]);
    fromCli.set(d.file, list);
  }

  ({ session } = await LspSession.start({ folder: FIXTURE, settings: { deployDoctor: { debounceMs: 20 } } }));
  const fromLsp = new Map<string, Finding[]>();
  for (const path of filesOf(FIXTURE)) {
    const uri = pathToFileURL(path).href;
    const extension = /\.[a-z]+$/.exec(path)?.[0] ?? '';
    const { diagnostics } = await session.openChecked(uri, readFileSync(path, 'utf8'), LANGUAGES[extension] ?? 'plaintext');
    if (diagnostics.length === 0) continue;
    fromLsp.set(
      relative(FIXTURE, path),
      diagnostics.map((d) => [String(d.code), LSP_SEVERITIES[d.severity ?? 0]!, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    );
  }

  const shape = (findings: Map<string, Finding[]>) => Object.fromEntries([...findings].map(([file, list]) => [file, sorted(list)]).sort());
  assert.deepEqual(shape(fromLsp), shape(fromCli));
  // The fixture exercises what the config does: every kind has findings, the config file its own, the ignored file none.
  assert.deepEqual(Object.keys(shape(fromCli)), ['.deploy-doctor.yaml', 'config.toml', 'docker-compose.yml', 'nginx/nginx.conf', 'services/billing/.env']);
  const rules = [...fromCli.values()].flat().map(([rule, severity]) => `${rule}=${severity}`);
  assert.ok(rules.includes('compose/image-tag=info'), 'the severity override applies');
  assert.ok(rules.includes('secret/missing=error'), "the own product's required secret is reported");
  assert.ok(!rules.some((rule) => rule.startsWith('env/duplicate-key') || rule.startsWith('nginx/version-disclosure')), 'the rules turned off are off');
});
