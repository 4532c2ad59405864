import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { resolveSibling, uriToPath } from './uri';

test('resolveSibling: a path beside the file, encoded as VS Code encodes it', () => {
  assert.equal(resolveSibling('file:///app/docker-compose.yml', './config/app env.env'), 'file:///app/config/app%20env.env');
  assert.equal(resolveSibling('file:///app/deploy/docker-compose.yml', '../.env'), 'file:///app/.env');
  assert.equal(resolveSibling('file:///app/docker-compose.yml', '.env'), 'file:///app/.env');
});

test('resolveSibling: a lone UTF-16 half in the path becomes U+FFFD instead of throwing URIError', () => {
  const uri = resolveSibling('file:///app/docker-compose.yml', '\ud800.env');
  assert.equal(uriToPath(uri), '/app/\ufffd.env');
  assert.equal(uriToPath(resolveSibling('file:///app/docker-compose.yml', 'a\udc00b/\ud83d\ude00.env')), '/app/a\ufffdb/\ud83d\ude00.env');
});
