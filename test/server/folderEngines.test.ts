import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FolderEngines } from '../../server/src/lsp/folderEngines';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

const offSyntax = readSettings({ rules: { 'env/syntax': 'off' } });
const severityOf = (engines: FolderEngines, uri: string) => {
  const engine = engines.for(uri);
  return engine.severityOf(engine.rule('env/syntax')!);
};

test('a file takes the engine of the deepest folder that contains it; others, and non-file URIs, the window\'s', () => {
  const engines = new FolderEngines(DEFAULT_SETTINGS);
  engines.configure(DEFAULT_SETTINGS, [
    { folder: '/work/app', settings: offSyntax },
    { folder: '/work/app/legacy', settings: readSettings({ rules: { 'env/syntax': 'hint' } }) },
  ]);
  assert.equal(severityOf(engines, 'file:///work/app/.env'), 'off');
  assert.equal(severityOf(engines, 'file:///work/app/legacy/.env'), 'hint');
  // A sibling whose name starts with the folder's is not inside it.
  assert.equal(severityOf(engines, 'file:///work/application/.env'), 'error');
  assert.equal(severityOf(engines, 'file:///elsewhere/.env'), 'error');
  assert.equal(severityOf(engines, 'untitled:Untitled-1'), 'error');
});

test('a folder whose settings are the window\'s, or that the client answered nothing for, shares the window\'s engine', () => {
  const engines = new FolderEngines(DEFAULT_SETTINGS);
  engines.configure(offSyntax, [
    { folder: '/work/same', settings: offSyntax },
    { folder: '/work/unanswered', settings: undefined },
  ]);
  assert.equal(engines.for('file:///work/same/.env'), engines.window);
  assert.equal(engines.for('file:///work/unanswered/.env'), engines.window);
  assert.equal(severityOf(engines, 'file:///work/same/.env'), 'off');
});

test('file kinds are the window\'s in every folder: what is indexed does not depend on the folder', () => {
  const engines = new FolderEngines(DEFAULT_SETTINGS);
  const windowSettings = readSettings({ files: { associations: { '*.vars': 'env' } } });
  engines.configure(windowSettings, [{ folder: '/work/app', settings: readSettings({ rules: { 'env/syntax': 'off' }, files: { associations: { '*.vars': 'nginx' } } }) }]);
  assert.notEqual(engines.for('file:///work/app/a.vars'), engines.window);
  assert.equal(engines.for('file:///work/app/a.vars').kindOf('file:///work/app/a.vars', undefined), 'env');
});
