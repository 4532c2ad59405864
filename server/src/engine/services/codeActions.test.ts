import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine } from '../engine';
import { applyEdits, memoryWorkspace } from '../testing';
import type { Diagnostic, FileKind } from '../types';
import { pathToUri } from '../uri';
import { codeActionsFor, disableAction, FIX_ALL_KIND, type CodeAction, type CodeActionDocument } from './codeActions';

const engine = new Engine();

function setup(path: string, text: string, kind: FileKind) {
  const document: CodeActionDocument = { uri: pathToUri(path), text, kind };
  const workspace = memoryWorkspace({ [path]: text });
  const diagnostics = engine.check(document, workspace).diagnostics;
  return { document, diagnostics, context: { engine, workspace } };
}

function applied(text: string, uri: string, action: CodeAction): string {
  return applyEdits(text, action.changes.filter((change) => change.uri === uri).flatMap((change) => change.edits));
}

function only(diagnostics: readonly Diagnostic[], rule: string): Diagnostic {
  const found = diagnostics.filter((diagnostic) => diagnostic.rule === rule);
  assert.equal(found.length, 1, `one ${rule} in ${diagnostics.map((diagnostic) => diagnostic.rule).join(', ')}`);
  return found[0]!;
}

test('disable for this line: a comment above, with the line indentation and the file line break', () => {
  const text = 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    restartt: always\r\n';
  const { document, diagnostics, context } = setup('/p/docker-compose.yml', text, 'compose');
  const diagnostic = only(diagnostics, 'compose/schema');
  const action = disableAction(document, diagnostic, context, diagnostics)!;
  assert.equal(action.title, 'Disable compose/schema for this line');
  assert.equal(action.kind, 'quickfix');
  const result = applied(text, document.uri, action);
  const line = diagnostic.range.start.line;
  const lines = result.split('\r\n');
  assert.equal(lines[line], '    # deploy-doctor disable-next-line compose/schema');
  assert.equal(result.replace('    # deploy-doctor disable-next-line compose/schema\r\n', ''), text, 'no other byte changes');
  const after = engine.check({ ...document, text: result }, context.workspace).diagnostics;
  assert.deepEqual(after.map((item) => item.rule), []);
});

test('disable for this line adds the rule to a disable-next-line comment already there', () => {
  const text = '# deploy-doctor disable-next-line env/key-format -- legacy name\nFOO=1\nFOO=2\n';
  const { document, diagnostics, context } = setup('/p/.env', text, 'env');
  const action = disableAction(document, only(diagnostics, 'env/duplicate-key'), context, diagnostics)!;
  assert.equal(applied(text, document.uri, action), '# deploy-doctor disable-next-line env/key-format, env/duplicate-key -- legacy name\nFOO=1\nFOO=2\n');
});

test('the comment goes after a byte-order mark on the first line', () => {
  const text = '\uFEFFFOO=1\nFOO=2\n';
  const { document, diagnostics, context } = setup('/p/.env', text, 'env');
  const action = disableAction(document, only(diagnostics, 'env/duplicate-key'), context, diagnostics)!;
  assert.equal(applied(text, document.uri, action), '\uFEFF# deploy-doctor disable-next-line env/duplicate-key\nFOO=1\nFOO=2\n');
});

test('where a line comment cannot silence the finding, the rule is disabled for the file', () => {
  // The finding is inside a block scalar: a comment line there would be part of the command.
  const text = 'services:\n  app:\n    image: alpine\n    command: |\n      echo start\n      echo ${MISSING}\n';
  const path = '/p/docker-compose.yml';
  const document: CodeActionDocument = { uri: pathToUri(path), text, kind: 'compose' };
  const workspace = memoryWorkspace({ [path]: text, '/p/.env': 'OTHER=1\n' });
  const diagnostics = engine.check(document, workspace).diagnostics;
  const action = disableAction(document, only(diagnostics, 'compose/undefined-variable'), { engine, workspace }, diagnostics)!;
  assert.equal(action.title, 'Disable compose/undefined-variable for this file');
  assert.equal(applied(text, document.uri, action), `# deploy-doctor disable compose/undefined-variable\n${text}`);
});

test('no disable action for the engine\'s own internal-error and unused-disable', () => {
  const text = '# deploy-doctor disable-next-line env/syntax\nFOO=1\n';
  const { document, diagnostics, context } = setup('/p/.env', text, 'env');
  assert.equal(disableAction(document, only(diagnostics, 'deploy-doctor/unused-disable'), context, diagnostics), undefined);
});

test('codeActionsFor: the rule fixes and one disable per rule and line; fix all only when its kind is wanted', () => {
  const text = 'A=1\nA=2\nB=1\nB=2\n';
  const { document, diagnostics, context } = setup('/p/.env', text, 'env');
  const first = diagnostics.filter((diagnostic) => diagnostic.range.start.line === 0);
  const actions = codeActionsFor(document, first, diagnostics, context, ['quickfix']);
  assert.deepEqual(
    actions.map((action) => [action.title, action.isPreferred]),
    [
      ['Delete the overridden line', true],
      ['Disable env/duplicate-key for this line', false],
    ],
  );
  assert.deepEqual(codeActionsFor(document, first, diagnostics, context, ['source']).map((action) => action.kind), [FIX_ALL_KIND]);
  const fixAll = codeActionsFor(document, [], diagnostics, context, ['source.fixAll'])[0]!;
  assert.equal(fixAll.title, 'Fix all Deploy Doctor problems in this file');
  assert.equal(applied(text, document.uri, fixAll), 'A=2\nB=2\n');
  assert.deepEqual(codeActionsFor(document, [], diagnostics, context, ['refactor']), []);
});
