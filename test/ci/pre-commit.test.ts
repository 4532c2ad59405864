/**
 * The pre-commit hook (.pre-commit-hooks.yaml). Its `files`/`exclude` regexes are compared with
 * the engine's detector on a list of names; then Debian's `pre-commit` runs it for real in a
 * scratch git repository: the hook definition as a `repo: local` hook whose `language: node`
 * environment installs this run's `npm pack` tarball (`additional_dependencies`), offline. Users
 * use the remote form (`repo:` this repository), which pre-commit installs the same way after
 * building the package from the clone (`npm install` + `npm pack`, whose `prepack` builds).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { detectKind } from '../../server/src/engine/detect/kind';
import { packThisBuild } from './packThisBuild';

interface HookDefinition {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly files: string;
  readonly exclude: string;
}

const [hook] = parseYaml(readFileSync(resolve('.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-pre-commit-')));
after(() => rmSync(root, { recursive: true, force: true }));

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });

/**
 * Which paths pre-commit passes to the hook, computed as pre-commit does (Python's `re.search`
 * with `files`, and not with `exclude`): the regexes use Python's scoped `(?-i:…)`, which
 * Node's RegExp does not read.
 */
function selectedByPreCommit(paths: readonly string[]): boolean[] {
  const script = 'import json, re, sys\nfiles, exclude, paths = json.load(sys.stdin)\ninclude, skip = re.compile(files), re.compile(exclude)\njson.dump([bool(include.search(p)) and not skip.search(p) for p in paths], sys.stdout)';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify([hook!.files, hook!.exclude, paths]), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as boolean[];
}

const NGINX_TEXT = 'server {\n  listen 80;\n}\n';

test('the hook is deploy-doctor check, language node, on the files the detector checks', { skip: python.status !== 0 ? 'python3 is not installed' : undefined }, () => {
  assert.ok(hook);
  assert.deepEqual([hook.id, hook.entry, hook.language], ['deploy-doctor', 'deploy-doctor check', 'node']);
  const names = [
    '.env', 'app/.env', '.env.production', '.ENV.local', 'prod.env', 'deploy/api.env', '.env.example', '.env.example.yml', '.env.sample.json', 'env', 'environment.ts',
    'docker-compose.yml', 'compose.yaml', 'deploy/docker-compose.prod.yml', 'Compose.YAML', 'compose-dev.yml', 'my-compose.yml', 'docker-compose.json',
    'config.toml', 'fraiseql.toml', 'config/app.toml', 'deploy/flovyn/server.toml', '.flovyn/credentials', 'Cargo.toml', 'pyproject.toml', 'src/settings.toml',
    'nginx.conf', 'site.nginx', 'nginx/conf.d/api.conf', 'conf.d/default.conf', 'snippets/ssl.conf', 'etc/nginx/templates/app.conf.template', 'app.conf', 'src/app.conf',
    'README.md', 'package.json', 'docs/nginx.md',
    // Mixed case: the detector reads most names in any case, but `config.toml`, `nginx.conf` and
    // `.flovyn/credentials` only as written (a `.toml` or `.conf` in a config folder in any case).
    '.Env', 'PROD.ENV', '.env.Example.YML', 'Docker-Compose.Prod.YML', 'FraiseQL.toml', 'Site.NGINX', 'NGINX/Conf.D/API.CONF', 'Sites-Enabled/API.conf',
    'Config.toml', 'CONFIG.TOML', 'app/Config.toml', 'config/Config.TOML', 'Deploy/Server.Toml', '.flovyn/Credentials', '.FLOVYN/credentials', '.Flovyn/server.toml',
    'Nginx.conf', 'NGINX.CONF', 'nginx/NGINX.CONF', 'conf.d/Nginx.conf',
  ];
  const verdicts = selectedByPreCommit(names);
  const selected = new Map(names.map((name, index) => [name, verdicts[index]!]));
  for (const name of names) assert.equal(selected.get(name), detectKind(`file:///repo/${name}`, undefined) !== undefined, name);
  assert.deepEqual(['Config.toml', 'CONFIG.TOML', '.flovyn/Credentials', '.FLOVYN/credentials', 'Nginx.conf', 'NGINX.CONF'].filter((name) => selected.get(name)), [], 'names the detector reads only as written');
  assert.deepEqual(['config/Config.TOML', 'nginx/NGINX.CONF', 'PROD.ENV', 'FraiseQL.toml'].filter((name) => !selected.get(name)), [], 'names the detector reads in any case');
  // Names under sites-*/ are nginx by folder (with a .conf) or by content (no extension); the hook passes them all.
  const sites = ['sites-available/default', 'sites-enabled/api.conf', 'etc/nginx/sites-available/shop'];
  assert.deepEqual(selectedByPreCommit(sites), [true, true, true]);
  for (const name of sites) assert.equal(detectKind(`file:///repo/${name}`, NGINX_TEXT), 'nginx', name);
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const git = spawnSync('git', ['--version'], { encoding: 'utf8' });
const missing = preCommit.status !== 0 ? 'pre-commit is not installed (scripts/install-system-deps.sh installs it)' : git.status !== 0 ? 'git is not installed' : undefined;

/** npm and pre-commit with no user cache or config, and npm offline (the tarball has no dependencies). */
function environment(): NodeJS.ProcessEnv {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  return {
    ...inherited,
    PRE_COMMIT_HOME: join(root, 'pre-commit-home'),
    PRE_COMMIT_COLOR: 'never',
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_userconfig: join(root, 'npmrc'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(root, 'gitconfig'),
  };
}

function run(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: environment(), encoding: 'utf8', timeout: 300_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('pre-commit: a commit with a weak secret in .env fails with the finding; a fixed one passes', { skip: missing, timeout: 600_000 }, () => {
  assert.ok(hook);
  const { tarball } = packThisBuild(root, environment());
  const repo = join(root, 'repo');
  mkdirSync(repo);
  writeFileSync(join(root, 'gitconfig'), '[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n');
  assert.equal(run('git', ['init', '-q'], repo).status, 0);
  const config = { repos: [{ repo: 'local', hooks: [{ ...hook, additional_dependencies: [tarball] }] }] };
  writeFileSync(join(repo, '.pre-commit-config.yaml'), JSON.stringify(config, null, 2));
  const installed = run('pre-commit', ['install'], repo);
  assert.equal(installed.status, 0, installed.output);

  writeFileSync(join(repo, '.env'), 'NODE_ENV=production\nJWT_SECRET=short1\n');
  writeFileSync(join(repo, 'README.md'), 'not checked\n');
  assert.equal(run('git', ['add', '.'], repo).status, 0);
  const rejected = run('git', ['commit', '-q', '-m', 'weak secret'], repo);
  assert.notEqual(rejected.status, 0, rejected.output);
  assert.match(rejected.output, /Deploy Doctor\.+Failed/);
  assert.match(rejected.output, /^\.env {2}\(production\)\n {2}2:12 {2}error {2}JWT_SECRET is shorter than 16 characters\. {2}secret\/weak$/m);
  assert.doesNotMatch(rejected.output, /short1/);
  assert.equal(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], repo).status, 1, 'nothing committed');

  writeFileSync(join(repo, '.env'), `NODE_ENV=production\nJWT_SECRET=${randomBytes(32).toString('hex')}\n`);
  assert.equal(run('git', ['add', '.env'], repo).status, 0);
  const accepted = run('git', ['commit', '-q', '-m', 'strong secret'], repo);
  assert.equal(accepted.status, 0, accepted.output);
  assert.match(accepted.output, /Deploy Doctor\.+Passed/);
  assert.equal(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], repo).status, 0, 'committed');
});
