import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyTextEdits, placeEdits, type ResolvedTextEdit } from '../engine';
import { carrySecretSpans, maskSecretSettings, maskSpans } from './maskSecrets';

const at = (line: number, character: number, endCharacter: number, newText: string): ResolvedTextEdit => ({
  range: { start: { line, character }, end: { line, character: endCharacter } },
  newText,
});

test('an inserted setting keeps its key; a replaced value is masked whole', () => {
  const text = 'A=1\nKEY=weak\n';
  const edits = [at(1, 4, 8, 'Zm9vYmFyYmF6cXV4=='), at(2, 0, 0, 'JWT_SECRET=abcdef0123456789\n')];
  const next = applyTextEdits(text, edits);
  const spans = carrySecretSpans([], placeEdits(text, edits), () => true);
  assert.equal(maskSpans(next, spans), 'A=1\nKEY=<generated secret>\nJWT_SECRET=<generated secret>\n');
});

test('a later pass that edits around or inside a secret never uncovers part of it', () => {
  const text = 'KEY=\n';
  const first = [at(0, 4, 4, 'abc==def')];
  const afterFirst = applyTextEdits(text, first);
  let spans = carrySecretSpans([], placeEdits(text, first), () => true);
  // Quoting the value, and an edit inside it, in a second pass of safe fixes.
  const second = [at(0, 4, 4, '"'), at(0, 7, 8, '-'), at(0, 12, 12, '"')];
  const afterSecond = applyTextEdits(afterFirst, second);
  spans = carrySecretSpans(spans, placeEdits(afterFirst, second), () => false);
  assert.equal(afterSecond, 'KEY="abc-=def"\n');
  assert.equal(maskSpans(afterSecond, spans), 'KEY="<generated secret>"\n');
});

test('existing values of secret-named settings are masked in every line form; other settings stay', () => {
  const text = 'JWT_SECRET=hunter2hunter2\r\n  - DB_PASSWORD=pw-in-compose\n  API_TOKEN: "tok"\npassword = "toml-pw"\nJWT_SECRET_TTL=3600\nPORT=8080\nKEY=<generated secret>\n';
  assert.equal(
    maskSecretSettings(text),
    'JWT_SECRET=<secret>\r\n  - DB_PASSWORD=<secret>\n  API_TOKEN: <secret>\npassword = <secret>\nJWT_SECRET_TTL=3600\nPORT=8080\nKEY=<generated secret>\n',
  );
});
