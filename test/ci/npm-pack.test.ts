/**
 * The npm package: `npm pack` of package.json's `files` (with this run's built hosts in dist/, so
 * the build is not run again: `--ignore-scripts` skips `prepack`), installed globally into a temp
 * prefix with `--offline`, then its two bins run as a user would.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { packThisBuild } from './packThisBuild';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { name: string; version: string; files: string[]; bin: Record<string, string> };
const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-pack-')));
after(() => rmSync(root, { recursive: true, force: true }));
const prefix = join(root, 'prefix');
let tarball = '';
let packedFiles: readonly string[] = [];

/** npm without the user's cache, config or network. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  return { ...inherited, npm_config_cache: join(root, 'npm-cache'), npm_config_userconfig: join(root, 'npmrc'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function npm(args: readonly string[], cwd: string) {
  const run = spawnSync('npm', args, { cwd, env: npmEnvironment(), encoding: 'utf8', timeout: 180_000 });
  if (run.error) throw run.error;
  return run;
}

before(() => {
  ({ tarball, files: packedFiles } = packThisBuild(root, npmEnvironment()));
  const install = npm(['install', '-g', '--prefix', prefix, '--offline', tarball], root);
  assert.equal(install.status, 0, install.stderr);
});

test('the tarball holds the bundles, the server bin and the docs, nothing else', () => {
  assert.deepEqual(packedFiles, ['LICENSE', 'README.md', ...pkg.files, 'package.json'].sort());
  assert.ok(existsSync(tarball));
});

test('the globally installed deploy-doctor checks a folder and reports the finding', () => {
  const fixture = join(root, 'fixture');
  mkdirSync(fixture);
  writeFileSync(join(fixture, '.env'), 'NODE_ENV=production\nJWT_SECRET=short1\n');
  const run = spawnSync(join(prefix, 'bin', 'deploy-doctor'), ['check', fixture, '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(run.stdout) as { diagnostics: { rule: string; line: number; column: number; endColumn: number }[] };
  assert.deepEqual(report.diagnostics.map((d) => [d.rule, d.line, d.column, d.endColumn]), [['secret/weak', 2, 12, 18]]);
  assert.doesNotMatch(run.stdout, /short1/);
});

test('deploy-doctor --version prints the package version', () => {
  const run = spawnSync(join(prefix, 'bin', 'deploy-doctor'), ['--version'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), pkg.version);
});

test('deploy-doctor-language-server --stdio answers initialize, then shuts down and exits 0', async () => {
  const server = spawn(join(prefix, 'bin', 'deploy-doctor-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  let buffer = Buffer.alloc(0);
  const responses = new Map<number, { result?: unknown; error?: unknown }>();
  let notify: (() => void) | undefined;
  server.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) break;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as { id?: number; method?: string; result?: unknown; error?: unknown };
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (typeof message.id === 'number' && message.method === undefined) responses.set(message.id, message);
      notify?.();
    }
  });
  const response = (id: number) =>
    new Promise<{ result?: unknown; error?: unknown }>((resolveResponse, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response ${id}`)), 30_000);
      const check = () => {
        const found = responses.get(id);
        if (found) {
          clearTimeout(timer);
          resolveResponse(found);
        }
      };
      notify = check;
      check();
    });
  const exited = new Promise<number | null>((resolveExit) => server.on('exit', (code) => resolveExit(code)));

  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  const initialize = (await response(1)) as { result?: { capabilities?: { textDocumentSync?: unknown }; serverInfo?: { name?: string } } };
  assert.ok(initialize.result?.capabilities?.textDocumentSync !== undefined, JSON.stringify(initialize));
  send({ method: 'initialized', params: {} });
  send({ id: 2, method: 'shutdown' });
  assert.equal((await response(2)).error, undefined);
  send({ method: 'exit' });
  assert.equal(await exited, 0);
});
