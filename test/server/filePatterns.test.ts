import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine, pathToUri } from '../../server/src/engine';
import { matchesGlob } from '../../server/src/engine/detect/glob';
import { FILE_GLOBS, WATCHED_GLOBS } from '../../server/src/lsp/filePatterns';

const engine = new Engine();

test('every file the engine recognises by its name reaches the server (document selector and watchers)', () => {
  const paths = [
    '/w/.env',
    '/w/.env.production',
    '/w/.env.example',
    '/w/deploy/app.env',
    '/w/docker-compose.yml',
    '/w/docker-compose.override.yaml',
    '/w/compose.prod.yaml',
    '/w/config.toml',
    '/w/deploy/flovyn.toml',
    '/w/fraiseql.toml',
    '/w/nginx.conf',
    '/w/nginx/sites/app.conf',
    '/w/conf.d/default.conf',
    '/w/proxy/snippets/sse.conf',
    '/w/http.d/app.conf',
    '/w/templates/nginx/default.conf.template',
    '/w/site.nginx',
    '/home/u/.flovyn/credentials',
  ];
  for (const path of paths) {
    assert.ok(engine.kindOf(pathToUri(path), undefined), `${path} is a configuration file by name`);
    assert.ok(FILE_GLOBS.some((glob) => matchesGlob(path, glob)), `${path} matches a selector glob`);
  }
  // Content decides for these names: they reach the server, which sniffs them.
  assert.ok(FILE_GLOBS.some((glob) => matchesGlob('/etc/nginx/sites-available/default', glob)));
});

test('config files (.deploy-doctor.yaml, .yml, .json) are watched, and are no file kind of their own (not compose YAML)', () => {
  for (const name of ['.deploy-doctor.yaml', '.deploy-doctor.yml', '.deploy-doctor.json']) {
    const path = `/w/deploy/${name}`;
    assert.ok(WATCHED_GLOBS.some((glob) => matchesGlob(path, glob)), `${path} is watched`);
    assert.equal(FILE_GLOBS.some((glob) => matchesGlob(path, glob)), false, `${path} is not matched as a checked file`);
    assert.equal(engine.kindOf(pathToUri(path), 'services:\n  web:\n    image: nginx:1.27\n'), undefined);
  }
});
