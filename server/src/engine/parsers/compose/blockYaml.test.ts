import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type ScalarTag } from 'yaml';
import { blockYamlText, flowYamlText, mutate, yamlMutation } from './arbitraries';
import { MAY_NOT_BE_STRING, readBlockYaml } from './blockYaml';
import { PARSE_OPTIONS, readWithYamlPackage } from './parse';
import { filesUnder } from '../../testing';

/*
 * `readBlockYaml` reads a subset of YAML itself and leaves the rest to the `yaml` package. Wherever
 * it accepts a text, it must give what `yaml` gives: the same nodes (kind, value, offsets, quoting,
 * format), the same comments and line starts, and `yaml` must find nothing wrong with the text.
 * DD_PROPERTY_RUNS raises the number of cases.
 */
const RUNS = Math.max(2000, Number(process.env['DD_PROPERTY_RUNS'] ?? 0) || 0);

/** What the engine can read off a node, as plain data to compare. */
function describe(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { key: describe(node.key), value: describe(node.value) };
  if (isScalar(node)) {
    const value = typeof node.value === 'symbol' ? `symbol ${node.value.description}` : node.value;
    return { scalar: value, range: node.range, type: node.type, source: node.source, format: node.format, tag: node.tag, anchor: node.anchor, minFractionDigits: node.minFractionDigits };
  }
  if (isMap(node) || isSeq(node)) {
    return { [isMap(node) ? 'map' : 'seq']: node.items.map(describe), range: node.range, flow: Boolean(node.flow), tag: node.tag, anchor: node.anchor };
  }
  if (isAlias(node)) return { alias: node.source, range: node.range };
  return { other: String(node) };
}

/** The document as data, or the error that stopped it (an alias to no anchor, a merge of a scalar). */
function dataOf(document: Document): unknown {
  try {
    return { data: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Whether the block reader accepts `text`; when it does, asserts it agrees with `yaml`. */
function agreesWithYaml(text: string): boolean {
  const blockLines = new LineCounter();
  const block = readBlockYaml(text, PARSE_OPTIONS, blockLines);
  if (!block) return false;
  const fullLines = new LineCounter();
  const full = readWithYamlPackage(text, fullLines);
  const context = `\n--- text ---\n${text}\n---`;
  assert.deepEqual(full.errors, [], `yaml finds errors in a text the block reader accepted:${context}`);
  assert.deepEqual(full.document.errors.map((error) => error.message), [], `yaml finds errors in a text the block reader accepted:${context}`);
  assert.deepEqual(full.document.warnings.map((error) => error.message), [], `yaml warns about a text the block reader accepted:${context}`);
  assert.deepEqual(describe(block.document.contents), describe(full.document.contents), `the nodes differ:${context}`);
  assert.deepEqual(block.document.range, full.document.range, `the document ranges differ:${context}`);
  assert.equal(block.document.directives.docStart, full.document.directives.docStart, `\`---\` is read differently:${context}`);
  assert.deepEqual(block.comments, full.comments, `the comments differ:${context}`);
  assert.deepEqual(blockLines.lineStarts, fullLines.lineStarts, `the line starts differ:${context}`);
  assert.deepEqual(dataOf(block.document), dataOf(full.document), `the data differ:${context}`);
  return true;
}

/** A text's line ends as written: LF, CRLF, or every other line each. */
const LINE_ENDS: readonly ((text: string) => string)[] = [
  (text) => text,
  (text) => text.replaceAll('\n', '\r\n'),
  (text) => {
    let line = 0;
    return text.replace(/\n/g, () => (line++ % 2 ? '\r\n' : '\n'));
  },
];

const corpus = join(process.cwd(), '..', 'shared', 'corpus');

/** The compose and YAML files of the corpus, the examples and the VS Code test workspace. */
const REAL_FILES = [corpus, join(process.cwd(), 'examples'), join(process.cwd(), 'test', 'vscode', 'fixtures')]
  .flatMap((dir) => filesUnder(dir, (name) => /\.ya?ml$/i.test(name)))
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

test('real compose files: where the block reader accepts one, it reads what yaml reads', () => {
  const accepted = REAL_FILES.filter(({ text }) => agreesWithYaml(text));
  // Most real files are plain block YAML; the rest use anchors, block scalars or flow mappings.
  assert.ok(REAL_FILES.length >= 5, `expected the example compose files, found ${REAL_FILES.length}`);
  assert.ok(accepted.length >= REAL_FILES.length / 2, `the block reader accepted only ${accepted.length} of ${REAL_FILES.length} real files`);
});

test(`generated block YAML, with LF, CRLF or mixed line ends: the block reader reads what yaml reads, and accepts most of it (${RUNS} cases)`, () => {
  let accepted = 0;
  fc.assert(
    fc.property(blockYamlText, fc.constantFrom(...LINE_ENDS), (text, lineEnds) => {
      if (agreesWithYaml(lineEnds(text))) accepted++;
    }),
    { numRuns: RUNS },
  );
  assert.ok(accepted >= RUNS / 5, `the block reader accepted only ${accepted} of ${RUNS} generated documents`);
});

test(`mutated block YAML and real files: wherever the block reader accepts the text, it reads what yaml reads (${RUNS} cases)`, () => {
  const seeds = fc.oneof(blockYamlText, flowYamlText, ...(REAL_FILES.length ? [fc.constantFrom(...REAL_FILES.map(({ text }) => text))] : []));
  fc.assert(
    fc.property(seeds, fc.array(yamlMutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
      agreesWithYaml(mutate(seed, mutations));
    }),
    { numRuns: RUNS },
  );
});

test(`generated one-line flow collections as the whole document: the block reader reads what yaml reads, and accepts many (${RUNS / 2} cases)`, () => {
  let accepted = 0;
  fc.assert(
    fc.property(flowYamlText, fc.constantFrom(...LINE_ENDS), (text, lineEnds) => {
      if (agreesWithYaml(lineEnds(text))) accepted++;
    }),
    { numRuns: RUNS / 2 },
  );
  assert.ok(accepted >= RUNS / 20, `the block reader accepted only ${accepted} of ${RUNS / 2} generated flow documents`);
});

test('one-line flow mappings: the block reader reads each accepted form as yaml does', () => {
  const texts = [
    'a: {k: v, k2: [a, b], k3: {x: y}}\n',
    'a: {k: v , k2:  w }  # c\nb: 1\n',
    'a: {k  : v}\n',
    'a: { k: v }\n',
    'a: {x: "q", y: \'z\', z: \'it\'\'s\'}\n',
    'a: {"k": v, \'j\' : w}\n',
    'a: {k: 1, j: true, l: ~, m: null, n: 1.5, o: 0x1F}\n',
    'a: {1: 2, true: x, ~: y}\n',
    'a: {url: http://x:80/y, a:b: c, a#b: d, k v: w w}\n',
    'a: {k: -x, j: x-y}\n',
    'x: &b {p: q}\na: {<<: *b, k: *b , j: z}\n',
    'x: &b {p: q}\na: [*b, {k: *b}]\n',
    'a: {k: {}, j: [], l: { }, m: [ ]}\n',
    'a: [{a: b}, {}, { }, [c, [d]]]\n',
    'a: [ {a: b} , c ]\n',
    'a: {k: {x: y} , j: [z] }\n',
    'a: {k: v,}\n',
    'a: {k: v, }\n',
    'a: [x, y,]\n',
    'a: [x,y ,]\n',
    '- {a: b}\n- [ {a: b}, c ]\n',
    '- &x {a: b}\n- *x\n',
    'a: {k: v}\n  # deeper comment\nb: 1\n',
    'a: {k: v} # c\n',
    'services: {app: {environment: [A=1,A=1,A=1,]}}',
    '{a: b}',
    '{a: b}\n',
    '{a: b} # c',
    '{a: b}  \n',
    '# c\n\n{a: b, c: [d]}\n',
    '---\n{a: b}\n',
    '--- # x\n{a: b}\n',
    '[a, {k: v}, [c]] # x\n',
    '{}\n',
    '[]\n',
    'a: {k: v}\r\nb: {j: w}\r\n',
  ];
  for (const text of texts) assert.ok(agreesWithYaml(text), `the block reader left ${JSON.stringify(text)} to yaml`);
});

test('flow mappings the block reader leaves to yaml: it gives up, and the file is read by yaml alone', () => {
  const texts = [
    'a: {k}\n',
    'a: {k, j: v}\n',
    'a: {k:v}\n',
    'a: {k: }\n',
    'a: {k: , j: v}\n',
    'a: {k:, j: v}\n',
    'a: {? k: v}\n',
    'a: {k: v,,}\n',
    'a: {, k: v}\n',
    'a: [x,,y]\n',
    'a: {k: v\n  , j: w}\n',
    'a: {k: v, # c\n  j: w}\n',
    'a: {k: v #c}\n',
    'a: {*x : v}\n',
    'a: {[k]: v}\n',
    'a: {{k: v}: w}\n',
    'a: {k: &x v}\n',
    'a: {k: !t v}\n',
    'a: {"k":v}\n',
    'a: {k: a: b}\n',
    'a: {k: v]\n',
    'a: [k: v]\n',
    'a: [{k: v}: w]\n',
    'a: {k: v} x\n',
    'a: {k: v}: w\n',
    '{a: b}: c\n',
    '{a: b}\nc: d\n',
    '{a: b}\n# after\n',
    '{a: b}\n\n',
    '  {a: b}\n',
    'a: {k: "x\\"y"}\n',
    'a: {k: ${VAR:-x}}\n',
  ];
  for (const text of texts) assert.equal(readBlockYaml(text, PARSE_OPTIONS, new LineCounter()), undefined, `the block reader read ${JSON.stringify(text)}`);
});

test('block scalars ending the text in spaces without a line break: a kept scalar runs to their end only when they are as deep as its content', () => {
  // Found by the mutation test: the offsets differed, not the value.
  const texts = ['a: |+\n  x\n\n  ', 'a: |+\n  x\n  ', 'a: >+\n  x\n\n  ', 'a: |+\n    x\n\n  ', 'a:\n  b: |+\n    x\n\n  ', 'a:\n  - |+\n    x\n   ', '  # n\na :  |+ # c\n    x\n\n    ', 'a: |\n  x\n\n  ', 'a: |-\n  x\n  '];
  const accepted = texts.filter((text) => agreesWithYaml(text));
  assert.ok(accepted.length >= 7, `the block reader accepted only ${accepted.length} of ${texts.length}`);
});

test('plain scalars the block reader takes for strings without trying the tags are strings to every default tag', () => {
  const tags = new Document(null, PARSE_OPTIONS).schema.tags.filter((tag): tag is ScalarTag => !tag.collection && Boolean(tag.default) && 'test' in tag && tag.test !== undefined);
  assert.ok(tags.length >= 5, 'expected the core schema tags');
  const tails = ['', '0', '1', '7', 'x', 'e3', '.5', 'ull', 'rue', 'alse', 'nf', 'an', '<', 'ULL', 'RUE', 'ALSE'];
  for (let code = 0x21; code < 0x7f; code++) {
    if (MAY_NOT_BE_STRING.has(code)) continue;
    for (const tail of tails) {
      const source = String.fromCharCode(code) + tail;
      for (const tag of tags) assert.ok(!tag.test!.test(source), `${tag.tag} matches ${JSON.stringify(source)}`);
    }
  }
});
