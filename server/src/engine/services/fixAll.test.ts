import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Engine } from '../engine';
import { applyEdits, memoryWorkspace } from '../testing';
import type { ResolvedFix } from '../types';
import { pathToUri } from '../uri';
import { fixAllEdits } from './fixAll';

const engine = new Engine();
const path = '/p/.env';
const uri = pathToUri(path);

function check(text: string) {
  return engine.check({ uri, text, kind: 'env' }, memoryWorkspace({ [path]: text }), { mode: 'production' }).diagnostics;
}

test('a fix that generates a secret says so; a deterministic one is safe', () => {
  const diagnostics = check('SECRET_KEY=changeme\nAPP_NAME=demo   \n');
  const safetyOf = (rule: string) => diagnostics.find((diagnostic) => diagnostic.rule === rule)?.fixes.find((fix) => fix.isPreferred)?.safety;
  const secretRule = diagnostics.find((diagnostic) => diagnostic.rule.startsWith('secret/') && diagnostic.fixes.some((fix) => fix.isPreferred));
  assert.ok(secretRule, diagnostics.map((diagnostic) => diagnostic.rule).join(', '));
  assert.equal(secretRule.fixes.find((fix) => fix.isPreferred)!.safety, 'secret');
  assert.equal(safetyOf('env/value-format'), 'safe');
});

test('fix all taking only safe fixes leaves the generated secret out; the editor\'s takes both', () => {
  const text = 'SECRET_KEY=changeme\nAPP_NAME=demo   \n';
  const diagnostics = check(text);
  const safeOnly = applyEdits(text, fixAllEdits(uri, diagnostics, (fix: ResolvedFix) => fix.safety === 'safe'));
  assert.equal(safeOnly, 'SECRET_KEY=changeme\nAPP_NAME=demo\n');
  const everything = applyEdits(text, fixAllEdits(uri, diagnostics));
  assert.match(everything, /^SECRET_KEY=(?!changeme)\S+\nAPP_NAME=demo\n$/);
});

test('a fix without a safety of its own is safe when preferred and a choice otherwise', () => {
  // env/key-format's rename (the app must then read the new name) is not preferred.
  const fixes = check('api-key=1\n').flatMap((diagnostic) => diagnostic.fixes);
  const rename = fixes.find((fix) => fix.title.startsWith('Rename to'));
  assert.ok(rename, fixes.map((fix) => fix.title).join(', '));
  assert.equal(rename.isPreferred, false);
  assert.equal(rename.safety, 'choice');
});
