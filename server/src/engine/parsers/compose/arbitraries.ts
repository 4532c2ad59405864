import fc from 'fast-check';

/*
 * Arbitraries for compose YAML tests: mutations of a text (characters YAML cares about inserted,
 * lines dropped, duplicated and re-indented) and block-style YAML documents written in the many
 * ways YAML allows (spacing, comments, blank lines, indentation).
 */

export const YAML_NOISE = [':', ' ', '-', '#', '&', '*', '!', '|', '>', '{', '}', '[', ']', ',', '"', "'", '$', '${', '\n', '\r\n', '\t', '<<: ', '? ', '%', '@', '`', '\u00e9', '\ud83d\ude00', '\uFEFF'];

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'dropLine'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'indent'; line: number; by: number };

export const yamlMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_NOISE), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const step of mutations) {
    const lines = result.split('\n');
    switch (step.kind) {
      case 'insert': {
        const at = step.at % (result.length + 1);
        result = result.slice(0, at) + step.text + result.slice(at);
        break;
      }
      case 'delete': {
        const at = step.at % (result.length + 1);
        result = result.slice(0, at) + result.slice(at + step.length);
        break;
      }
      case 'dropLine':
        lines.splice(step.line % lines.length, 1);
        result = lines.join('\n');
        break;
      case 'duplicateLine': {
        const index = step.line % lines.length;
        lines.splice(index, 0, lines[index]!);
        result = lines.join('\n');
        break;
      }
      case 'indent': {
        const index = step.line % lines.length;
        const line = lines[index]!;
        lines[index] = step.by >= 0 ? ' '.repeat(step.by) + line : line.replace(new RegExp(`^ {0,${-step.by}}`), '');
        result = lines.join('\n');
        break;
      }
    }
  }
  return result;
}


/** A YAML document's shape; `scalar` and `flow` items are written as they appear in the text. */
export type YamlTree =
  | { readonly map: readonly (readonly [string, YamlTree])[] }
  | { readonly seq: readonly YamlTree[] }
  | { readonly scalar: string }
  | { readonly flow: readonly string[] }
  | { readonly flowCollection: FlowTree }
  | { readonly empty: true };

/** A flow collection's shape; its keys and scalars are written as they appear in the text. */
export type FlowTree = { readonly flowMap: readonly (readonly [string, FlowTree])[] } | { readonly flowSeq: readonly FlowTree[] } | { readonly item: string };

/** Scalars as written: every kind the core schema resolves, quoted ones, and near misses. */
const SCALARS = ['x', 'postgres:16', '"quoted"', "'single'", "'it''s'", '~', 'null', 'NULL', 'true', 'False', '0x1F', '0o17', '-1', '+3', '007', '1.50', '1e3', '.5', '.inf', '-.Inf', '.nan', '""', "''", '${VAR:-x}', 'a b  c', 'a#b', 'http://x:80/y', '80:80', '-x', ':x', '?x', 'no', 'yes', '1_000', '12:30', '"a: b"', '"#x"', "'\"'", 'é ü', "'a\\b'", '"$${x}"', '&a x', '&b 1', '*a', '*b', '{}', '{ }', '[*a, *b]', '[*a]', '|\n  line\n\n   more\n', '>-\n  a\n  b\n\n\n  c\n', '|+ # c\n  x\n\n', '>\n  folded\n', '|-\n  # not a comment\n', 'plain\n  goes on\n\n  - and on', '1\n  2'];
/** Written rarely: YAML beyond plain block style, and mistakes. */
const RARE_SCALARS = ['<<', 'x:', '- x', '"a\\"b"', '&a', '&a *b', '*a:', '{a: b}', '!reset x', '|', '>-', '[', '{a: b}', '@x', '%x', 'a: b', '"open'];
const FLOW_ITEMS = ['CMD', '"CMD-SHELL"', "'curl'", '-f', 'http://localhost', '1', 'true', 'a b', '"a, b"', '"]"', '""', 'x y'];
const KEYS = ['a', 'image', 'services', 'db', 'x-y', 'true', '1', 'null', '~', '-k', 'a b', 'k.v', '8080', 'a#b', '<<'];
const RARE_KEYS = ['"q"', '? k', '[k]', '- k', 'k:x', '*a'];
/** Keys and values of flow mappings, and items of flow sequences, as written. */
const FLOW_KEYS = ['a', 'image', 'k v', '1', 'true', '~', '<<', 'x-y', 'a:b', 'a#b', '"q"', "'s'", '"a: b"', "'it''s'", '""', 'http://x'];
/** Written rarely: keys the block reader leaves to `yaml`, and mistakes. */
const RARE_FLOW_KEYS = ['? k', '*a', '[k]', '{k: v}', 'k:', '', 'a #b', '&a k', '"k":v', '-', 'k,'];
const FLOW_SCALARS = [...FLOW_ITEMS, '*a', '*b', 'http://x:80/y', '"${VAR:-x}"', 'A=1', '"a: b"', "'it''s'", 'null', '~', '1.5', 'x#y', '-x'];
const RARE_FLOW_SCALARS = ['${VAR:-x}', '', '&a x', 'a: b', '#x', 'a]', 'a}', '{', '*a:', '"a\\"b"', '!t x', '? x', 'a #c', '"open'];
const flowKey = fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...FLOW_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE_FLOW_KEYS) });
const flowScalar = fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...FLOW_SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE_FLOW_SCALARS) }).map((item) => ({ item }));

export const flowTree: fc.Arbitrary<FlowTree> = fc.letrec<{ node: FlowTree; collection: FlowTree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, flowScalar, tie('collection')),
  collection: fc.oneof(
    { depthSize: 'small' },
    fc.array(fc.tuple(flowKey, tie('node')), { maxLength: 4 }).map((flowMap) => ({ flowMap })),
    fc.array(tie('node'), { maxLength: 4 }).map((flowSeq) => ({ flowSeq })),
  ),
})).collection;

const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE_KEYS) });

export const yamlTree: fc.Arbitrary<YamlTree> = fc.letrec<{ node: YamlTree; leaf: YamlTree }>((tie) => ({
  leaf: fc.oneof(
    { weight: 6, arbitrary: fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE_SCALARS) }).map((scalar) => ({ scalar })) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...FLOW_ITEMS), { maxLength: 4 }).map((flow) => ({ flow })) },
    { weight: 1, arbitrary: flowTree.map((flowCollection) => ({ flowCollection })) },
    { weight: 1, arbitrary: fc.constant({ empty: true as const }) },
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 5 }).map((map) => ({ map })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((seq) => ({ seq })),
  ),
})).node;

/** A document: a mapping at the root, written with format choices drawn from `seed`. */
export const blockYamlText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...KEYS.slice(0, 6)), yamlTree), { minLength: 1, maxLength: 5 }), fc.integer())
  .map(([entries, seed]) => new Writer(seed).document({ map: entries }));

/** A document that is one flow collection, on one line, perhaps with comments and blank lines around it. */
export const flowYamlText: fc.Arbitrary<string> = fc.tuple(flowTree, fc.integer()).map(([tree, seed]) => new Writer(seed).flowDocument(tree));

/** Writes a tree as block YAML, each spacing and comment choice from a seeded generator. */
class Writer {
  private readonly lines: string[] = [];
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  document(tree: YamlTree): string {
    this.noise(0);
    if (this.chance(0.1)) this.lines.push('---' + this.comment());
    this.block(tree, 0);
    this.noise(0);
    return this.lines.join('\n') + (this.chance(0.8) ? '\n' : '');
  }

  flowDocument(tree: FlowTree): string {
    this.noise(0);
    if (this.chance(0.1)) this.lines.push('---' + this.comment());
    this.lines.push(this.pick(['', '', '', ' ']) + this.flow(tree) + this.pick(['', '', ' ']) + this.comment());
    if (this.chance(0.2)) this.noise(0);
    return this.lines.join('\n') + (this.chance(0.8) ? '\n' : '');
  }

  /** A flow collection on one line, spaced and separated in the ways YAML allows; sometimes a trailing comma. */
  private flow(tree: FlowTree): string {
    if ('item' in tree) return tree.item;
    const pad = this.pick(['', '', ' ', '  ']);
    const separator = this.pick([', ', ', ', ',', ' , ']);
    const items = 'flowMap' in tree ? tree.flowMap.map(([key, value]) => key + this.pick([': ', ': ', ' : ', ':  ']) + this.flow(value)) : tree.flowSeq.map((item) => this.flow(item));
    const trailing = items.length > 0 && this.chance(0.15) ? this.pick([',', ' ,', ', ']) : '';
    const [open, close] = 'flowMap' in tree ? ['{', '}'] : ['[', ']'];
    return open + pad + items.join(separator) + trailing + pad + close;
  }

  /** A mapping or sequence starting on its own line at `indent`. */
  private block(tree: YamlTree, indent: number): void {
    if ('map' in tree) for (const [key, value] of tree.map) this.entry(' '.repeat(indent) + key + (this.chance(0.1) ? ' ' : '') + ':', value, indent);
    else if ('seq' in tree) for (const item of tree.seq) this.item(' '.repeat(indent), item, indent);
  }

  private entry(head: string, value: YamlTree, indent: number): void {
    if ('map' in value || 'seq' in value) {
      this.lines.push(head + (this.chance(0.2) ? this.pick([' &a', ' &b', ' &c']) : '') + this.comment());
      this.noise(indent);
      const step = 'seq' in value && this.chance(0.3) ? 0 : this.pick([1, 2, 2, 2, 4]);
      this.block(value, indent + step);
    } else {
      this.lines.push(head + this.inline(value, indent));
    }
    this.noise(indent);
  }

  private item(indentText: string, value: YamlTree, indent: number): void {
    const dash = indentText + '-' + ' '.repeat(this.pick([1, 1, 1, 3]));
    if ('map' in value && this.chance(0.7)) {
      // `- key: value`, the mapping's column the first key's.
      const column = dash.length;
      value.map.forEach(([key, entryValue], index) => this.entry((index === 0 ? dash : ' '.repeat(column)) + key + ':', entryValue, column));
    } else if ('seq' in value && this.chance(0.3)) {
      // `- - item`, the inner sequence's column its first `-`'s.
      const column = dash.length;
      value.seq.forEach((item, index) => this.item(index === 0 ? dash : ' '.repeat(column), item, column));
    } else if ('map' in value || 'seq' in value) {
      this.lines.push(indentText + '-' + this.comment());
      this.noise(indent);
      this.block(value, indent + this.pick([1, 2, 4]));
    } else {
      // Mostly `- ~`: an empty item is rare in compose files, and the block reader leaves it to `yaml`.
      const inline = this.inline('empty' in value && this.chance(0.8) ? { scalar: '~' } : value, indent);
      this.lines.push('empty' in value ? dash.trimEnd() + inline : dash + inline.trimStart());
    }
    this.noise(indent);
  }

  /** A value after `key:` or `-` in a collection at `indent` (a block scalar's lines below it). */
  private inline(value: YamlTree, indent: number): string {
    const space = ' '.repeat(this.pick([1, 1, 1, 2]));
    if ('scalar' in value && value.scalar.includes('\n')) {
      const [header, ...body] = value.scalar.replace(/\n$/, '').split('\n');
      const margin = ' '.repeat(indent + this.pick([1, 2, 4]));
      return space + header + body.map((line) => (line === '' ? '\n' : `\n${margin}${line.slice(2)}`)).join('');
    }
    if ('scalar' in value) return space + value.scalar + this.comment();
    if ('flowCollection' in value) return space + this.flow(value.flowCollection) + this.pick(['', '', ' ']) + this.comment();
    if ('flow' in value) {
      const pad = this.pick(['', ' ']);
      const separator = this.pick([', ', ',', ' , ']);
      return space + '[' + pad + value.flow.join(separator) + pad + ']' + this.comment();
    }
    return this.pick(['', ' ', '  ']) + this.comment();
  }

  private comment(): string {
    return this.chance(0.2) ? this.pick([' # c', '  #', ' #x: y', '   # - a']) : '';
  }

  /** Blank lines and comment lines, at any indentation. */
  private noise(indent: number): void {
    while (this.chance(0.15)) {
      this.lines.push(this.chance(0.3) ? ' '.repeat(this.pick([0, 0, 2])) : ' '.repeat(this.pick([0, indent, indent, indent + 2, Math.max(0, indent - 2)])) + '# n');
    }
  }

  private chance(probability: number): boolean {
    return this.next() < probability;
  }

  private pick<T>(choices: readonly T[]): T {
    return choices[Math.floor(this.next() * choices.length)]!;
  }

  /** mulberry32 */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
