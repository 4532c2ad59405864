import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { ProductDefinition } from '../../../schemas/types';
import { defineRule } from './rules/rule';
import { applyFix, checkText, findingsOf, textOf } from './testing';

/*
 * The engine's promises to every host, checked with the real .env parser and rules defined here:
 * a failing rule is contained, directive comments suppress and configure, user severities
 * apply, and a product is detected from its definition alone.
 */

/** Reports every key, naming the product and mode it was given. */
const everyKey = defineRule({
  meta: { id: 'test/every-key', kinds: ['env'], defaultSeverity: 'warning', description: 'Reports every key.', fixable: false },
  check({ document, product, mode, report }) {
    for (const entry of document.ast.entries) report({ span: entry.keySpan, message: `${entry.key} (${product?.id ?? 'no product'}, ${mode})` });
  },
});

const throwing = defineRule({
  meta: { id: 'test/throws', kinds: ['env'], defaultSeverity: 'error', description: 'Always fails.', fixable: false },
  check({ document }) {
    throw new TypeError(`cannot handle ${document.text}`);
  },
});

const secondKeyRule = defineRule({
  meta: { id: 'test/other', kinds: ['env'], defaultSeverity: 'info', description: 'Reports every key too.', fixable: false },
  check({ document, report }) {
    for (const entry of document.ast.entries) report({ span: entry.keySpan, message: 'other' });
  },
});

const keysReported = (text: string, diagnostics: readonly { span: { start: number; end: number } }[]) => diagnostics.map((d) => textOf(text, d));

test('a rule that throws yields one internal-error diagnostic; the other rules still report', () => {
  const text = 'API_SECRET=hunter2\nPORT=80\n';
  const result = checkText(text, { kind: 'env', rules: [throwing, everyKey] });
  const internal = findingsOf(result, 'deploy-doctor/internal-error');
  assert.equal(internal.length, 1);
  assert.match(internal[0]!.message, /^Rule test\/throws failed on this file/);
  assert.match(internal[0]!.message, /TypeError/);
  assert.doesNotMatch(internal[0]!.message, /hunter2/, 'the error text may quote the file: it is not shown');
  assert.deepEqual(keysReported(text, findingsOf(result, 'test/every-key')), ['API_SECRET', 'PORT']);
});

test('disable-next-line suppresses the named rules on the next line only', () => {
  const text = 'A=1\n# deploy-doctor disable-next-line test/every-key, test/other\nB=2\nC=3\n';
  const result = checkText(text, { kind: 'env', rules: [everyKey, secondKeyRule] });
  assert.deepEqual(keysReported(text, findingsOf(result, 'test/every-key')), ['A', 'C']);
  assert.deepEqual(keysReported(text, findingsOf(result, 'test/other')), ['A', 'C']);
  assert.deepEqual(findingsOf(result, 'deploy-doctor/unused-disable'), []);
});

test('disable suppresses the rule from its line to the end of the file, and no other rule', () => {
  const text = 'A=1\n# deploy-doctor disable test/every-key\nB=2\n\nC=3\n';
  const result = checkText(text, { kind: 'env', rules: [everyKey, secondKeyRule] });
  assert.deepEqual(keysReported(text, findingsOf(result, 'test/every-key')), ['A']);
  assert.deepEqual(keysReported(text, findingsOf(result, 'test/other')), ['A', 'B', 'C']);
});

test('a suppression that suppresses nothing is an unused-disable hint whose fix removes the comment line', () => {
  const text = 'A=1\r\n# deploy-doctor disable-next-line test/every-key\r\n\r\nB=2\r\n';
  const result = checkText(text, { kind: 'env', rules: [everyKey] });
  assert.deepEqual(keysReported(text, findingsOf(result, 'test/every-key')), ['A', 'B']);
  const [unused, ...rest] = findingsOf(result, 'deploy-doctor/unused-disable');
  assert.deepEqual(rest, []);
  assert.equal(unused!.severity, 'hint');
  assert.equal(textOf(text, unused!), '# deploy-doctor disable-next-line test/every-key');
  assert.match(unused!.message, /suppresses nothing \(test\/every-key\)/);
  assert.equal(applyFix(text, result.uri, unused!.fixes[0]!), 'A=1\r\n\r\nB=2\r\n');
});

test('severity overrides: off drops the rule, a severity replaces the default', () => {
  const text = 'A=1\n';
  const off = checkText(text, { kind: 'env', rules: [everyKey, secondKeyRule], severities: { 'test/every-key': 'off' } });
  assert.deepEqual(findingsOf(off, 'test/every-key'), []);
  assert.equal(findingsOf(off, 'test/other').length, 1);
  const raised = checkText(text, { kind: 'env', rules: [everyKey], severities: { 'test/every-key': 'error' } });
  assert.deepEqual(findingsOf(raised, 'test/every-key').map((d) => d.severity), ['error']);
});

test('mode=development in the first 10 lines sets the mode rules see', () => {
  const production = checkText('A=1\n', { kind: 'env', rules: [everyKey] });
  assert.equal(production.mode, 'production');
  const text = '# comment\n# deploy-doctor mode=development\nA=1\n';
  const development = checkText(text, { kind: 'env', rules: [everyKey] });
  assert.equal(development.mode, 'development');
  assert.match(findingsOf(development, 'test/every-key')[0]!.message, /development\)$/);
  const late = checkText(`${'X=1\n'.repeat(10)}# deploy-doctor mode=development\n`, { kind: 'env', rules: [everyKey] });
  assert.equal(late.mode, 'production');
  assert.equal(findingsOf(late, 'deploy-doctor/unused-disable').length, 1, 'a setting past line 10 is reported, not applied');
});

test('a product defined only as data is detected by its env prefix', () => {
  const acme: ProductDefinition = {
    id: 'acme',
    name: 'Acme Server',
    version: '1.0.0',
    detect: { envPrefixes: ['ACME_'] },
    settings: [],
  };
  const text = 'PORT=80\nACME_MODE=fast\n';
  const detected = checkText(text, { kind: 'env', rules: [everyKey], products: [acme] });
  assert.equal(detected.product, 'acme');
  assert.equal(detected.productSource, 'content');
  assert.match(findingsOf(detected, 'test/every-key')[0]!.message, /\(acme, production\)/);
  assert.equal(findingsOf(detected, 'test/every-key')[0]!.product, 'acme');
  const other = checkText('PORT=80\n', { kind: 'env', rules: [everyKey], products: [acme] });
  assert.equal(other.product, undefined);
});
