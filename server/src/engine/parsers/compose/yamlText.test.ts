import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCompose } from './parse';
import { listItemValueText } from './yamlText';

/*
 * A value written into a `- KEY=value` list item reads back as `KEY=value`, in a plain, a double-
 * quoted and a single-quoted item alike (the whole item quoted when a plain one cannot hold it).
 */
const VALUE_CHARS = [...'aZ09-_.,:+=@%^~$#"\' \\{}[]&*!|>'];

function itemText(literal: string, quote: '"' | "'" | undefined): string {
  const inItem = listItemValueText(literal, quote);
  if (inItem === undefined) return JSON.stringify(`KEY=${literal}`);
  return quote ? `${quote}KEY=${inItem}${quote}` : `KEY=${inItem}`;
}

test('a value written into a `- KEY=value` item reads back as written, whatever its characters and the item quotes', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...VALUE_CHARS), { maxLength: 12 }).map((chars) => chars.join('')), fc.constantFrom<'"' | "'" | undefined>('"', "'", undefined), (literal, quote) => {
      const file = parseCompose(`services:\n  app:\n    environment:\n      - ${itemText(literal, quote)}\n`);
      assert.deepEqual(file.errors, []);
      assert.deepEqual(file.data, { services: { app: { environment: [`KEY=${literal}`] } } });
    }),
    { numRuns: 2000 },
  );
});

test('a generated password ending in `:` quotes the whole plain item instead of making it a mapping', () => {
  assert.equal(listItemValueText('Ab1-x:', undefined), undefined);
  assert.equal(listItemValueText('Ab1:x', undefined), 'Ab1:x');
  assert.equal(itemText('Ab1-x:', undefined), '"KEY=Ab1-x:"');
});
