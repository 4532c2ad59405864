import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { OUTSIDE_REASON } from '../../../shared/boundary';
import { engineFor, memoryWorkspace, textOf } from '../../testing';
import type { Diagnostic, FileKind, WorkspaceView } from '../../types';
import { pathToUri } from '../../uri';

const RULE = 'reference/outside-tree';

/** In-memory files, and paths the fake host refuses as outside the checked tree (never read). */
function hostWith(files: Readonly<Record<string, string>>, refused: readonly string[]): WorkspaceView {
  const memory = memoryWorkspace(files);
  const refusedUris = new Set(refused.map(pathToUri));
  return {
    readText: (uri) => (refusedUris.has(uri) ? undefined : memory.readText(uri)),
    refusal: (uri) => (refusedUris.has(uri) ? OUTSIDE_REASON : undefined),
    files: () => memory.files(),
  };
}

function check(path: string, text: string, kind: FileKind, host: WorkspaceView): readonly Diagnostic[] {
  return engineFor().check({ uri: pathToUri(path), text, kind }, host).diagnostics;
}

function ofRule(diagnostics: readonly Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.rule === rule);
}

test('compose include: short, `path:` and `path:` list entries the host refuses are reported at their path', () => {
  const text = [
    'include:',
    '  - ../outside/short.yaml',
    '  - path: /elsewhere/long.yaml',
    '  - path:',
    '      - inside.yaml',
    '      - ../outside/listed.yaml',
    '  - ../outside/absent.yaml',
    'services:',
    '  app:',
    '    image: nginx:1.27',
    '',
  ].join('\n');
  const host = hostWith({ '/project/inside.yaml': 'services: {}\n' }, ['/outside/short.yaml', '/elsewhere/long.yaml', '/outside/listed.yaml']);
  const findings = ofRule(check('/project/compose.yaml', text, 'compose', host), RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['../outside/short.yaml', '/elsewhere/long.yaml', '../outside/listed.yaml']);
  assert.deepEqual(findings.map((finding) => [finding.range.start.line, finding.range.start.character]), [[1, 4], [2, 10], [5, 8]]);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.message, 'The `include` `../outside/short.yaml` leads outside the checked tree: it is not read, so what it declares is not checked.');
  assert.deepEqual(findings[0]!.fixes, []);
});

test('env_file: string, list and `path:` items the host refuses are reported here, and compose/env-file-missing stays silent on them', () => {
  const text = [
    'services:',
    '  a:',
    '    image: x',
    '    env_file: ../outside/a.env',
    '  b:',
    '    image: x',
    '    env_file:',
    '      - present.env',
    '      - /secrets/b.env',
    '      - path: ../outside/optional.env',
    '        required: false',
    '      - missing.env',
    '',
  ].join('\n');
  const host = hostWith({ '/project/present.env': 'A=1\n' }, ['/outside/a.env', '/secrets/b.env', '/outside/optional.env']);
  const diagnostics = check('/project/docker-compose.yml', text, 'compose', host);
  const findings = ofRule(diagnostics, RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['../outside/a.env', '/secrets/b.env', '../outside/optional.env']);
  assert.equal(findings[0]!.message, 'The `env_file` `../outside/a.env` of service `a` leads outside the checked tree: it is not read, so its variables are not checked.');
  assert.ok(findings.every((finding) => finding.severity === 'warning' && finding.fixes.length === 0));
  // Only the file that is really missing is env-file-missing's.
  assert.deepEqual(ofRule(diagnostics, 'compose/env-file-missing').map((finding) => textOf(text, finding)), ['missing.env']);
});

test('an env_file path with a variable is resolved from .env before the host is asked', () => {
  const text = 'services:\n  a:\n    image: x\n    env_file: ${SECRETS_DIR}/app.env\n';
  const host = hostWith({ '/project/.env': 'SECRETS_DIR=/srv/secrets\n' }, ['/srv/secrets/app.env']);
  const findings = ofRule(check('/project/docker-compose.yml', text, 'compose', host), RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['${SECRETS_DIR}/app.env']);
  assert.match(findings[0]!.message, /^The `env_file` `\$\{SECRETS_DIR\}\/app\.env` of service `a` leads outside/);
});

test('a refused .env beside the compose file: one finding at the first variable it would have to set, and no undefined-variable claims', () => {
  const text = [
    'services:',
    '  app:',
    '    image: nginx:${TAG:-1.27}',
    '    env_file: ${STAGE}.env',
    '    environment:',
    '      TOKEN: ${TOKEN}',
    '      OTHER: ${OTHER:?set it}',
    '',
  ].join('\n');
  const host = hostWith({}, ['/project/.env']);
  const diagnostics = check('/project/docker-compose.yml', text, 'compose', host);
  // `${TAG:-…}` has a default; `${STAGE}` is the first one that needs a value.
  const findings = ofRule(diagnostics, RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['${STAGE}']);
  assert.equal(findings[0]!.message, 'The `.env` beside this compose file leads outside the checked tree: it is not read, so whether it sets `STAGE` (or the file\'s other variables) is not checked.');
  assert.deepEqual(ofRule(diagnostics, 'compose/undefined-variable'), []);
  // `${STAGE}.env` cannot be resolved without the `.env`: it is not called missing either.
  assert.deepEqual(ofRule(diagnostics, 'compose/env-file-missing'), []);
});

test('a refused .env is not reported when no variable needs it; a readable or absent one changes nothing', () => {
  const defaults = 'services:\n  app:\n    image: nginx:${TAG:-1.27}\n';
  assert.deepEqual(ofRule(check('/project/compose.yaml', defaults, 'compose', hostWith({}, ['/project/.env'])), RULE), []);
  const needs = 'services:\n  app:\n    image: nginx:${TAG}\n';
  const absent = check('/project/compose.yaml', needs, 'compose', hostWith({}, []));
  assert.deepEqual(ofRule(absent, RULE), []);
  assert.match(ofRule(absent, 'compose/undefined-variable')[0]!.message, /there is no `\.env` beside this compose file/);
  assert.deepEqual(ofRule(check('/project/compose.yaml', needs, 'compose', hostWith({ '/project/.env': 'TAG=1\n' }, [])), 'compose/undefined-variable'), []);
});

test('nginx include: a literal relative or absolute path the host refuses is reported at its argument, in any block', () => {
  const text = [
    'events {}',
    'http {',
    '    include ../../outside/http.conf;',
    '    server {',
    '        listen 80;',
    '        location / {',
    '            include "/srv/outside/location.conf";',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');
  const host = hostWith({}, ['/outside/http.conf', '/srv/outside/location.conf']);
  const findings = ofRule(check('/project/nginx/nginx.conf', text, 'nginx', host), RULE);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['../../outside/http.conf', '"/srv/outside/location.conf"']);
  assert.deepEqual(findings.map((finding) => finding.range.start), [{ line: 2, character: 12 }, { line: 6, character: 20 }]);
  assert.equal(findings[0]!.message, 'The `include` `../../outside/http.conf` leads outside the checked tree: it is not read, so the directives it holds are not checked.');
  assert.equal(findings[0]!.severity, 'warning');
});

test('nginx include: the parent of the file\'s folder counts as the configuration folder too', () => {
  const text = 'server {\n    listen 80;\n    include ../outside/snippet.conf;\n}\n';
  // From /project/nginx/conf.d/ the file's folder gives /project/nginx/outside/…, its parent /project/outside/….
  const host = hostWith({}, ['/project/outside/snippet.conf']);
  assert.deepEqual(ofRule(check('/project/nginx/conf.d/site.conf', text, 'nginx', host), RULE).map((finding) => textOf(text, finding)), ['../outside/snippet.conf']);
});

test('nginx include: globs, nginx\'s own folders, standard files, templated paths and includes found in the tree are not reported', () => {
  const text = [
    'http {',
    '    include /outside/*.conf;',
    '    include /etc/nginx/conf.d/site.conf;',
    '    include mime.types;',
    '    include ${SNIPPETS}/x.conf;',
    '    include snippets/proxy.conf;',
    '}',
    '',
  ].join('\n');
  // The host would refuse each of them: the rule does not ask, or finds the include in the tree first.
  const refused = ['/outside/a.conf', '/etc/nginx/conf.d/site.conf', '/project/nginx/mime.types', '/project/nginx/snippets/proxy.conf'];
  const host = hostWith({ '/project/nginx/snippets/proxy.conf': 'proxy_http_version 1.1;\n' }, refused);
  assert.deepEqual(ofRule(check('/project/nginx/nginx.conf', text, 'nginx', host), RULE), []);
});

test('the message quotes the path as written through quoteToken: bounded, control characters escaped', () => {
  const long = `../outside/${'deep/'.repeat(20)}x.yaml`;
  const text = `include:\n  - "${long}"\n  - "../outside/a\\tb.yaml"\nservices:\n  app:\n    image: nginx:1.27\n`;
  const host = hostWith({}, [`/outside/${'deep/'.repeat(20)}x.yaml`, '/outside/a\tb.yaml']);
  const findings = ofRule(check('/project/compose.yaml', text, 'compose', host), RULE);
  assert.equal(findings.length, 2);
  assert.match(findings[0]!.message, /^The `include` `\.\.\/outside\/deep\/[^`]{20,}…` leads outside/);
  assert.ok(!findings[0]!.message.includes(long));
  assert.match(findings[1]!.message, /`\.\.\/outside\/a\\tb\.yaml`/);
});
