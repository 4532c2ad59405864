import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkJson, runCli, workspace } from './run';

const KEYS = ['file', 'rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message'];

test('JSON has SPEC §5 shape: version 1, files relative with `/`, 1-based exclusive-end columns', () => {
  const cwd = workspace({
    'deploy/.env': 'APP_NAME=demo\n# deploy-doctor disable-next-line env/duplicate-key\nLOG_LEVEL=info\nbad line here\n',
    'deploy/config.toml': 'title = "ok"\nname = "x" y\n',
    'deploy/docker-compose.yml': 'services:\n  web:\n    image: nginx\n    image: httpd\n',
  });
  const run = checkJson(['deploy'], { cwd });
  assert.equal(run.status, 1);
  assert.deepEqual(Object.keys(JSON.parse(run.stdout) as object), ['version', 'diagnostics']);
  for (const diagnostic of run.diagnostics) {
    assert.deepEqual(Object.keys(diagnostic).filter((key) => key !== 'product'), KEYS);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(diagnostic.severity));
  }
  const found = (rule: string, file: string) => {
    const match = run.diagnostics.find((d) => d.rule === rule && d.file === file);
    assert.ok(match, `${rule} in ${file}: ${JSON.stringify(run.diagnostics)}`);
    const { message: _message, product: _product, ...rest } = match;
    return rest;
  };
  // `bad line here` is the whole of line 4: columns 1 to 13, end one past it.
  assert.deepEqual(found('env/syntax', 'deploy/.env'), { file: 'deploy/.env', rule: 'env/syntax', severity: 'error', line: 4, column: 1, endLine: 4, endColumn: 14 });
  // The unused comment is the whole of line 2 (51 characters).
  assert.deepEqual(found('deploy-doctor/unused-disable', 'deploy/.env'), {
    file: 'deploy/.env', rule: 'deploy-doctor/unused-disable', severity: 'hint', line: 2, column: 1, endLine: 2, endColumn: 52,
  });
  // The stray `y` after the value, at column 12.
  assert.deepEqual(found('toml/syntax', 'deploy/config.toml'), { file: 'deploy/config.toml', rule: 'toml/syntax', severity: 'error', line: 2, column: 12, endLine: 2, endColumn: 13 });
  // The second `image` key, indented 4.
  assert.deepEqual(found('compose/syntax', 'deploy/docker-compose.yml'), {
    file: 'deploy/docker-compose.yml', rule: 'compose/syntax', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 10,
  });
});

test('nginx/syntax: a missing `;` is reported on the argument it runs on from', () => {
  const cwd = workspace({ 'nginx/nginx.conf': 'http {\n    server {\n        listen 80\n        server_name example.com;\n    }\n}\n' });
  const found = checkJson(['.'], { cwd }).diagnostics.find((d) => d.rule === 'nginx/syntax');
  // `80` on line 3: columns 16 and 17.
  assert.deepEqual(found && [found.file, found.line, found.column, found.endLine, found.endColumn], ['nginx/nginx.conf', 3, 16, 3, 18]);
});

test('file paths are relative to the current folder, wherever the checked path is', () => {
  const cwd = workspace({ 'a/b/.env': 'oops\n' });
  assert.deepEqual(checkJson(['a/b/.env'], { cwd }).diagnostics.map((d) => d.file), ['a/b/.env']);
  assert.deepEqual(checkJson(['b'], { cwd: `${cwd}/a` }).diagnostics.map((d) => d.file), ['b/.env']);
  assert.deepEqual(checkJson([`${cwd}/a/b`], { cwd: `${cwd}/a/b` }).diagnostics.map((d) => d.file), ['.env']);
  assert.deepEqual(checkJson(['../b/.env'], { cwd: `${cwd}/a/b` }).diagnostics.map((d) => d.file), ['.env']);
});

test('columns count UTF-16 code units, as the editor does', () => {
  // 😀 is two UTF-16 units, so the stray `y` is the 13th unit of the line (12th code point).
  const cwd = workspace({ 'config.toml': 'name = "😀" y\n' });
  const [diagnostic] = checkJson(['.'], { cwd }).diagnostics;
  assert.equal(diagnostic?.rule, 'toml/syntax');
  assert.deepEqual([diagnostic?.line, diagnostic?.column, diagnostic?.endColumn], [1, 13, 14]);
});

test('a leading byte-order mark is not counted: columns match the editor', () => {
  const cwd = workspace({ '.env': '\uFEFFnope\nAPP=1\n', 'plain.env': 'nope\nAPP=1\n' });
  const byFile = new Map(checkJson(['.'], { cwd }).diagnostics.map((d) => [d.file, [d.line, d.column, d.endColumn]]));
  assert.deepEqual(byFile.get('.env'), [1, 1, 5]);
  assert.deepEqual(byFile.get('plain.env'), [1, 1, 5]);
});

test('a UTF-16 file with a byte-order mark is read as text, not skipped as binary', () => {
  const text = 'APP_NAME=demo\nbroken\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const cwd = workspace({ '.env': utf16 });
  const run = checkJson(['.'], { cwd });
  assert.equal(run.stderr, '');
  assert.deepEqual(run.diagnostics.map((d) => [d.rule, d.line, d.column]), [['env/syntax', 2, 1]]);
});

test('`product` is present only when the file was detected as a product', () => {
  const cwd = workspace({ 'generic/.env': 'oops\n', 'desk/.env': 'FLYDESK_DEV_MODE=false\noops\n' });
  const diagnostics = checkJson(['.'], { cwd }).diagnostics;
  const generic = diagnostics.filter((d) => d.file === 'generic/.env');
  const desk = diagnostics.filter((d) => d.file === 'desk/.env');
  assert.ok(generic.length > 0 && desk.length > 0);
  for (const d of generic) assert.equal('product' in d, false, JSON.stringify(d));
  for (const d of desk) assert.equal(d.product, 'firefly-desk');
});

test('a clean run prints an empty diagnostics list', () => {
  const cwd = workspace({ '.env': 'APP_NAME=demo\n' });
  const run = runCli(['check', '--format=json', '.'], { cwd });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '{"version":1,"diagnostics":[]}\n');
});
