import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { interpolate, scanInterpolation } from './interpolation';

test('every Compose reference form is read, with exact spans', () => {
  const text = 'a $A b ${B} ${C:-d} ${D-d} ${E:?need E} ${F?x} ${G:+r} ${H+r} $$I';
  const scan = scanInterpolation(text, 10);
  assert.deepEqual(
    scan.references.map((ref) => [ref.name, ref.operator ?? '', text.slice(ref.span.start - 10, ref.span.end - 10), text.slice(ref.nameSpan.start - 10, ref.nameSpan.end - 10)]),
    [
      ['A', '', '$A', 'A'],
      ['B', '', '${B}', 'B'],
      ['C', ':-', '${C:-d}', 'C'],
      ['D', '-', '${D-d}', 'D'],
      ['E', ':?', '${E:?need E}', 'E'],
      ['F', '?', '${F?x}', 'F'],
      ['G', ':+', '${G:+r}', 'G'],
      ['H', '+', '${H+r}', 'H'],
    ],
  );
  assert.deepEqual(scan.invalid, []);
});

test('references nested in a default are found and marked nested', () => {
  const scan = scanInterpolation('${A:-${B:-x}}');
  assert.deepEqual(
    scan.references.map((ref) => [ref.name, ref.nested, ref.span]),
    [
      ['A', false, { start: 0, end: 13 }],
      ['B', true, { start: 5, end: 12 }],
    ],
  );
});

test('a `$` Compose cannot read is invalid', () => {
  assert.deepEqual(scanInterpolation('echo $ 1').invalid, [{ start: 5, end: 7 }]);
  assert.deepEqual(scanInterpolation("awk '{print $0}'").invalid, [{ start: 12, end: 14 }]);
  assert.deepEqual(scanInterpolation('${}').invalid, [{ start: 0, end: 3 }]);
  assert.deepEqual(scanInterpolation('x ${A').invalid, [{ start: 2, end: 5 }]);
  assert.deepEqual(scanInterpolation('price: 5$').invalid, [{ start: 8, end: 9 }]);
  assert.deepEqual(scanInterpolation('awk {print $$0}').invalid, []);
});

test('interpolate computes values as Compose does', () => {
  const env: Record<string, string> = { A: 'a', EMPTY: '' };
  const lookup = (name: string) => env[name];
  assert.equal(interpolate('x-${A}-$A-$$A', lookup), 'x-a-a-$A');
  assert.equal(interpolate('${MISSING}', lookup), '');
  assert.equal(interpolate('${EMPTY:-d}|${EMPTY-d}|${MISSING-d}', lookup), 'd||d');
  assert.equal(interpolate('${A:+r}|${EMPTY:+r}|${EMPTY+r}|${MISSING+r}', lookup), 'r||r|');
  assert.equal(interpolate('${MISSING:-${A}}', lookup), 'a');
  assert.equal(interpolate('${EMPTY:?required}', lookup), undefined);
  assert.equal(interpolate('${EMPTY?required}', lookup), '');
  assert.equal(interpolate('$ oops', lookup), undefined);
});
