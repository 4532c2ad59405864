import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DependencyGraph } from '../../server/src/lsp/dependencies';
import { memoryWorkspace } from '../../server/src/engine/testing';

const files = memoryWorkspace({ '/p/.env': 'A=1\n', '/p/docker-compose.yml': 'services: {}\n' });

test('a document depends on the files its last check read, missing ones included', () => {
  const graph = new DependencyGraph();
  const compose = 'file:///p/docker-compose.yml';
  const view = graph.recording(compose, files);
  assert.equal(view.readText('file:///p/.env'), 'A=1\n');
  assert.equal(view.readText('file:///p/app.env'), undefined);
  view.readText(compose);
  view.commit();
  assert.deepEqual(graph.dependentsOf('file:///p/.env'), [compose]);
  assert.deepEqual(graph.dependentsOf('file:///p/app.env', true), [compose], 'creating the missing env_file re-checks');
  assert.deepEqual(graph.dependentsOf(compose), [], 'a document does not depend on itself');
  assert.deepEqual(graph.dependentsOf('file:///p/nginx.conf'), []);
});

test('a new check replaces what the document depends on; listing the workspace makes it depend on created files', () => {
  const graph = new DependencyGraph();
  const nginx = 'file:///p/nginx.conf';
  const first = graph.recording(nginx, files);
  first.readText('file:///p/.env');
  first.commit();
  const second = graph.recording(nginx, files);
  second.files();
  second.commit();
  assert.deepEqual(graph.dependentsOf('file:///p/.env'), []);
  assert.deepEqual(graph.dependentsOf('file:///p/sites/new.conf'), [], 'a change to a file it never read');
  assert.deepEqual(graph.dependentsOf('file:///p/sites/new.conf', true), [nginx]);
  assert.deepEqual(graph.listers(), [nginx]);
  graph.forget(nginx);
  assert.deepEqual(graph.dependentsOf('file:///p/sites/new.conf', true), []);
});
