import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ConfigChains, parseProjectConfig, resolveForFile, type ConfigFileSystem, type ConfigVocabulary } from '.';
import { configDiagnostics } from './diagnostics';

/*
 * `.deploy-doctor.yaml` as a user writes it: the valid parts apply, each mistake is reported at
 * its exact place with a did-you-mean, and nearer configs and later overrides win.
 */

const vocabulary: ConfigVocabulary = {
  ruleIds: new Set(['env/duplicate-key', 'env/missing-value', 'nginx/unknown-directive']),
  productIds: new Set(['fraiseql', 'flovyn']),
};

/** The text a problem's span covers, to assert positions as a user sees them. */
function marked(text: string): { text: string; message: string }[] {
  return parseProjectConfig(text, vocabulary).problems.map((problem) => ({ text: text.slice(problem.span.start, problem.span.end), message: problem.message }));
}

test('a valid config yields rules, overrides, ignore and nginx modules', () => {
  const config = parseProjectConfig(
    ['root: true', 'rules:', '  env/duplicate-key: off', 'overrides:', '  - files: ["deploy/**/*.env"]', '    rules: { env/missing-value: hint }', '    product: fraiseql', '    mode: development', 'ignore: [vendor/**]', 'nginx:', '  modules: [headers-more, lua]', ''].join('\n'),
    vocabulary,
  );
  assert.deepEqual(config.problems, []);
  assert.equal(config.root, true);
  assert.deepEqual(config.rules, { 'env/duplicate-key': 'off' });
  assert.deepEqual(config.overrides, [{ files: ['deploy/**/*.env'], rules: { 'env/missing-value': 'hint' }, product: 'fraiseql', mode: 'development' }]);
  assert.deepEqual(config.ignore, ['vendor/**']);
  assert.deepEqual(config.nginxModules, ['headers-more', 'lua']);
});

test('an unknown rule id is marked on its key with a did-you-mean, and the other rules still apply', () => {
  const text = 'rules:\n  env/duplicat-key: off\n  env/missing-value: info\n';
  assert.deepEqual(marked(text), [{ text: 'env/duplicat-key', message: 'Unknown rule id `env/duplicat-key`; did you mean `env/duplicate-key`?' }]);
  assert.deepEqual(parseProjectConfig(text, vocabulary).rules, { 'env/missing-value': 'info' });
});

test('a bad severity, an unknown key and a bad mode are marked on their values', () => {
  assert.deepEqual(marked('rules:\n  env/duplicate-key: warn\nrulez: {}\noverrides:\n  - files: [a.env]\n    mode: prod\n'), [
    { text: 'warn', message: 'Bad severity of `env/duplicate-key`: `warn`; did you mean `warning`?' },
    { text: 'rulez', message: 'Unknown config key `rulez`; did you mean `rules`?' },
    { text: 'prod', message: 'Bad `mode`: `prod`; did you mean `production`?' },
  ]);
});

test('wrong types, bad globs and a missing files key are reported where they are written', () => {
  assert.deepEqual(marked('ignore: 3\noverrides:\n  - files: ["{a,b"]\n  - mode: production\nnginx:\n  modules: [1]\n'), [
    { text: '3', message: 'A glob is a non-empty string.' },
    { text: '"{a,b"', message: 'Bad glob `{a,b`: unbalanced `{`/`}`.' },
    { text: 'mode: production\n', message: 'An override needs `files:`, the globs it applies to.' },
    { text: '1', message: 'A module name is a non-empty string.' },
  ]);
});

test('an override naming an unknown product is dropped and marked on the product with a did-you-mean', () => {
  const text = 'overrides:\n  - files: [x.env]\n    product: fraiseq\n';
  assert.deepEqual(marked(text), [{ text: 'fraiseq', message: 'Unknown product `fraiseq`; did you mean `fraiseql`?' }]);
  assert.deepEqual(parseProjectConfig(text, vocabulary).overrides, []);
});

test('a YAML syntax error is positioned and the parts before it still apply', () => {
  const text = 'rules:\n  env/duplicate-key: off\nignore: [a, b\n';
  const config = parseProjectConfig(text, vocabulary);
  assert.ok(config.problems.length > 0);
  assert.match(config.problems[0]!.message, /^YAML: /);
  assert.ok(config.problems[0]!.span.start >= text.indexOf('ignore'), 'the error is at the broken list, not at the top');
  assert.deepEqual(config.rules, { 'env/duplicate-key': 'off' });
});

test('1 MB of garbage gives one positioned error, no crash', () => {
  const garbage = 'x: [{"'.repeat(200_000);
  const config = parseProjectConfig(garbage, vocabulary);
  assert.equal(config.problems.length, 1);
  assert.deepEqual(config.problems[0]!.span, { start: 0, end: 0 });
  assert.match(config.problems[0]!.message, /more than the \d+ read/);
});

test('a JSON config reads as YAML does', () => {
  const config = parseProjectConfig('{"rules": {"env/duplicate-key": "error"}, "ignore": ["dist/**"]}', vocabulary);
  assert.deepEqual(config.problems, []);
  assert.deepEqual(config.rules, { 'env/duplicate-key': 'error' });
  assert.deepEqual(config.ignore, ['dist/**']);
});

test('config diagnostics carry the rule id, the range and the docs link', () => {
  const text = 'rules:\n  env/duplicat-key: off\n';
  const [diagnostic] = configDiagnostics('file:///w/.deploy-doctor.yaml', text, parseProjectConfig(text, vocabulary));
  assert.equal(diagnostic!.rule, 'config/invalid');
  assert.deepEqual(diagnostic!.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 18 } });
  assert.match(diagnostic!.docsUrl, /config\/invalid\.md$/);
});

test('resolution: nearer config wins, later overrides win, globs are relative to the config folder', () => {
  const outer = parseProjectConfig('rules: { env/duplicate-key: error, env/missing-value: warning }\nignore: [vendor/**]\n', vocabulary);
  const inner = parseProjectConfig(
    'rules: { env/duplicate-key: hint }\noverrides:\n  - files: ["*.prod.env"]\n    rules: { env/missing-value: off }\n    mode: production\n  - files: ["app.prod.env"]\n    rules: { env/missing-value: info }\n',
    vocabulary,
  );
  const chain = [{ folder: '/w', config: outer }, { folder: '/w/svc', config: inner }];
  const resolved = resolveForFile(chain, '/w/svc/app.prod.env');
  assert.deepEqual(resolved.severities, { 'env/duplicate-key': 'hint', 'env/missing-value': 'info' });
  assert.equal(resolved.mode, 'production');
  assert.equal(resolved.ignored, false);
  assert.deepEqual(resolveForFile(chain, '/w/svc/.env').severities, { 'env/duplicate-key': 'hint', 'env/missing-value': 'warning' });
  assert.equal(resolveForFile(chain, '/w/vendor/x/.env').ignored, true);
  assert.equal(resolveForFile(chain, '/w/svc/vendor/x/.env').ignored, false, "the outer config's `vendor/**` is relative to /w");
});

function memoryFileSystem(files: Record<string, string>, directories: readonly string[] = []): ConfigFileSystem & { reads: number } {
  const fileSystem = {
    reads: 0,
    readText(path: string) {
      fileSystem.reads++;
      return files[path];
    },
    isDirectory: (path: string) => directories.includes(path),
  };
  return fileSystem;
}

test('discovery walks up to the workspace folder and stops at root: true and at .git', () => {
  const fileSystem = memoryFileSystem(
    {
      '/outside/.deploy-doctor.yaml': 'rules: { env/duplicate-key: off }\n',
      '/outside/ws/.deploy-doctor.yml': 'rules: { env/duplicate-key: info }\n',
      '/outside/ws/a/.deploy-doctor.json': '{"root": true}',
      '/outside/ws/repo/b/.deploy-doctor.yaml': 'rules: { env/missing-value: hint }\n',
      '/outside/ws/.deploy-doctor.yaml': 'rules: { env/duplicate-key: warning }\n',
    },
    ['/outside/ws/repo/.git'],
  );
  const chains = new ConfigChains('/outside/ws', fileSystem, vocabulary);
  assert.deepEqual(chains.chainFor('/outside/ws/c').map((located) => located.folder), ['/outside/ws'], 'never above the workspace folder');
  assert.deepEqual(resolveForFile(chains.chainFor('/outside/ws/c'), '/outside/ws/c/.env').severities, { 'env/duplicate-key': 'warning' }, '.yaml is read before .yml');
  assert.deepEqual(chains.chainFor('/outside/ws/a/d').map((located) => located.folder), ['/outside/ws/a']);
  assert.deepEqual(chains.chainFor('/outside/ws/repo/b').map((located) => located.folder), ['/outside/ws/repo/b'], 'a .git folder is a repository root');
  const reads = fileSystem.reads;
  chains.chainFor('/outside/ws/c');
  assert.equal(fileSystem.reads, reads, 'chains are cached per folder');
  chains.invalidate();
  chains.chainFor('/outside/ws/c');
  assert.ok(fileSystem.reads > reads, 'invalidate re-reads');
});
