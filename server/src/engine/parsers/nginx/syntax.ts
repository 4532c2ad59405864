/**
 * Reads the reference's syntax lines (`<code>on</code> | <code>off</code>`, `<em><code>size</code></em>`,
 * `[<code>ssl</code>]`, `<em><code>code</code></em> &hellip; <em><code>uri</code></em>`) into what a
 * checker can use: how many arguments a directive takes and, when the syntax is a fixed sequence,
 * what each position accepts. Everything the grammar cannot pin down (an optional part, a
 * `key=value` parameter, a placeholder such as `file`) accepts any word, so the checks only
 * report what the documentation rules out.
 */

export type Slot =
  | { readonly kind: 'literal'; readonly values: readonly string[] }
  | { readonly kind: 'size' | 'time' | 'number' | 'variable' | 'any' }
  /** A form only the commercial NGINX Plus accepts: open-source nginx refuses any value here. */
  | { readonly kind: 'commercial'; readonly name: string };

/**
 * A syntax of required words followed only by optional keywords and `key=value` parameters
 * (`listen address[:port] [default_server] [ssl] [backlog=number] …`): what may follow.
 */
export interface ArgumentOptions {
  readonly required: number;
  /** Bare words allowed after the required ones (`ssl`, `always`). */
  readonly keywords: ReadonlySet<string>;
  /** Names allowed before `=` (`backlog`, `zone`). */
  readonly keys: ReadonlySet<string>;
}

/** What the documentation around a syntax line adds to it. */
export interface SyntaxNotes {
  /** Placeholders the description reserves for the commercial NGINX Plus (`server_tokens string`). */
  readonly commercial?: ReadonlySet<string>;
  /** Words the description names as a `[parameters]` placeholder's parameters (upstream `server`'s `weight`, `backup`…). */
  readonly parameters?: ReadonlySet<string>;
}

export interface ArgumentShape {
  readonly min: number;
  /** `Infinity` when a part repeats. */
  readonly max: number;
  /** True when the syntax ends with `{...}`. */
  readonly block: boolean;
  /** When every alternative is a fixed sequence of words: each alternative's slots. */
  readonly fixed: readonly (readonly Slot[])[] | undefined;
  /** When the syntax is required words then optional keywords and parameters. */
  readonly options?: ArgumentOptions;
  /** When the syntax is a list of fixed words (`off | expired | no-cache | … ...`): the words. */
  readonly choices?: readonly string[];
}

type Token =
  | { readonly type: 'literal' | 'placeholder' | 'glue'; readonly text: string; readonly spaced: boolean }
  | { readonly type: '[' | ']' | '|' | 'repeat' | 'block'; readonly spaced: boolean };

/** A word of the syntax: one argument. `slot` is undefined for compound words (`zone=name:size`). */
interface Word {
  readonly type: 'word';
  readonly slot: Slot;
  /** The word's single literal (`ssl`), or the literal before `=` of a `key=value` word, for options. */
  readonly keyword?: string;
  readonly key?: string;
  /** A `[parameters]` placeholder. */
  readonly parameters?: boolean;
  /** An expression such as `(condition)`, or `parameters`: nginx reads any number of words there. */
  readonly expression: boolean;
}
interface Optional {
  readonly type: 'optional';
  readonly alternatives: Sequence[];
}
interface Repeat {
  readonly type: 'repeat';
  readonly item: Item;
}
type Item = Word | Optional | Repeat;
type Sequence = Item[];

export function argumentShapeOf(syntax: string, notes: SyntaxNotes = {}): ArgumentShape {
  const tokens = tokenize(syntax);
  const block = tokens.some((token) => token.type === 'block');
  const parser = new SyntaxParser(tokens.filter((token) => token.type !== 'block'), notes);
  const alternatives = parser.alternatives();
  let min = Infinity;
  let max = 0;
  for (const sequence of alternatives) {
    const [low, high] = countOf(sequence);
    min = Math.min(min, low);
    max = Math.max(max, high);
  }
  if (alternatives.length === 0) min = 0;
  const fixed = alternatives.every((sequence) => sequence.every((item) => item.type === 'word' && !item.expression))
    ? alternatives.map((sequence) => sequence.map((item) => (item as Word).slot))
    : undefined;
  const options = alternatives.length === 1 ? optionsOf(alternatives[0]!, notes) : undefined;
  const choices = choicesOf(alternatives);
  return { min, max, block, fixed, ...(options ? { options } : {}), ...(choices ? { choices } : {}) };
}

/** `off | expired | no-cache | … any ...`: every alternative one fixed word, the list repeating. */
function choicesOf(alternatives: readonly Sequence[]): string[] | undefined {
  const words: string[] = [];
  let repeats = false;
  for (const sequence of alternatives) {
    if (sequence.length !== 1) return undefined;
    let item = sequence[0]!;
    if (item.type === 'repeat') {
      repeats = true;
      item = item.item;
    }
    if (item.type !== 'word' || item.slot.kind !== 'literal') return undefined;
    words.push(...item.slot.values);
  }
  return repeats ? words : undefined;
}

/** Required words, then only optional keywords and `key=value` words (or documented `[parameters]`). */
function optionsOf(sequence: Sequence, notes: SyntaxNotes): ArgumentOptions | undefined {
  let required = 0;
  while (required < sequence.length && sequence[required]!.type === 'word' && !(sequence[required] as Word).expression) required++;
  const rest = sequence.slice(required);
  if (rest.length === 0) return undefined;
  const keywords = new Set<string>();
  const keys = new Set<string>();
  const collect = (item: Item): boolean => {
    if (item.type === 'repeat') return false;
    if (item.type === 'optional') return item.alternatives.every((alternative) => alternative.every(collect));
    if (item.parameters) {
      if (!notes.parameters || notes.parameters.size === 0) return false;
      for (const word of notes.parameters) {
        keywords.add(word);
        keys.add(word);
      }
      return true;
    }
    if (item.keyword === undefined && item.key === undefined) return false;
    if (item.keyword !== undefined) keywords.add(item.keyword);
    if (item.key !== undefined) keys.add(item.key);
    return true;
  };
  if (!rest.every((item) => item.type === 'optional' && collect(item))) return undefined;
  return { required, keywords, keys };
}

function countOf(sequence: Sequence): [number, number] {
  let min = 0;
  let max = 0;
  for (const item of sequence) {
    const [low, high] = itemCount(item);
    min += low;
    max += high;
  }
  return [min, max];
}

function itemCount(item: Item): [number, number] {
  switch (item.type) {
    case 'word':
      return item.expression ? [1, Infinity] : [1, 1];
    case 'optional': {
      let high = 0;
      for (const sequence of item.alternatives) high = Math.max(high, countOf(sequence)[1]);
      return [0, high];
    }
    case 'repeat':
      return [itemCount(item.item)[0], Infinity];
  }
}

class SyntaxParser {
  private at = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly notes: SyntaxNotes,
  ) {}

  /** alternatives := sequence ('|' sequence)* */
  alternatives(): Sequence[] {
    const result: Sequence[] = [this.sequence()];
    while (this.peek()?.type === '|') {
      this.at++;
      result.push(this.sequence());
    }
    return result;
  }

  private sequence(): Sequence {
    const items: Sequence = [];
    for (;;) {
      const token = this.peek();
      if (!token || token.type === '|' || token.type === ']') return items;
      if (token.type === 'repeat') {
        this.at++;
        const last = items.pop();
        if (last) items.push({ type: 'repeat', item: last });
        continue;
      }
      if (token.type === '[') {
        this.at++;
        const alternatives = this.alternatives();
        if (this.peek()?.type === ']') this.at++;
        items.push({ type: 'optional', alternatives });
        continue;
      }
      items.push(this.word());
    }
  }

  /** A word: tokens glued together without spaces (`address[:port]`, `keys_zone=name:size`). */
  private word(): Word {
    const parts: Token[] = [this.tokens[this.at++]!];
    let depth = 0;
    for (;;) {
      const token = this.peek();
      if (!token || token.spaced) break;
      if (token.type === ']') {
        if (depth === 0) break;
        depth--;
      } else if (token.type === '[') depth++;
      else if (token.type === 'repeat') break;
      parts.push(token);
      this.at++;
    }
    const texts = parts.map((part) => ('text' in part ? part.text : part.type)).join('');
    // `(condition)` is several words to nginx; `[parameters]` stands for any number of them.
    const expression = texts.includes('(') || texts === 'parameters';
    if (parts.length === 1) {
      const only = parts[0]!;
      if (only.type === 'literal') {
        const key = /^([a-z_0-9]+)=$/.exec(only.text)?.[1];
        if (key) return { type: 'word', slot: { kind: 'any' }, expression, key };
        // `gzip[=level]` written as one literal: `gzip` alone or `gzip=…`.
        const optionalValue = /^([a-z_0-9]+)\[=$/.exec(only.text)?.[1];
        if (optionalValue) return { type: 'word', slot: { kind: 'any' }, expression, keyword: optionalValue, key: optionalValue };
        return { type: 'word', slot: { kind: 'literal', values: [only.text] }, expression, keyword: only.text };
      }
      if (only.type === 'placeholder') {
        if (this.notes.commercial?.has(only.text)) return { type: 'word', slot: { kind: 'commercial', name: only.text }, expression };
        return { type: 'word', slot: placeholderSlot(only.text), expression, ...(only.text === 'parameters' ? { parameters: true } : {}) };
      }
    }
    const [first, second] = parts;
    if (first?.type === 'literal' && second && 'text' in second && second.text.startsWith('=') && /^[a-z_0-9]+$/.test(first.text)) {
      return { type: 'word', slot: { kind: 'any' }, expression, key: first.text };
    }
    return { type: 'word', slot: { kind: 'any' }, expression };
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
}

/** Placeholders that stand for several words are open-ended; typed ones are checked. */
function placeholderSlot(name: string): Slot {
  if (name === 'size') return { kind: 'size' };
  if (name === 'time') return { kind: 'time' };
  if (name === 'number') return { kind: 'number' };
  if (name.startsWith('$')) return { kind: 'variable' };
  return { kind: 'any' };
}

function tokenize(html: string): Token[] {
  const source = html
    .replace(/<\/?p>/g, '')
    .replace(/&hellip;/g, '…')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
  const tokens: Token[] = [];
  let spaced = true;
  let at = 0;
  while (at < source.length) {
    const ch = source[at]!;
    if (/\s/.test(ch)) {
      spaced = true;
      at++;
      continue;
    }
    if (source.startsWith('<em><code>', at)) {
      const end = source.indexOf('</code></em>', at);
      const text = source.slice(at + 10, end < 0 ? source.length : end);
      tokens.push({ type: 'placeholder', text, spaced });
      at = end < 0 ? source.length : end + 12;
    } else if (source.startsWith('<code>', at)) {
      const end = source.indexOf('</code>', at);
      const text = source.slice(at + 6, end < 0 ? source.length : end);
      tokens.push(text === '{...}' ? { type: 'block', spaced } : { type: 'literal', text, spaced });
      at = end < 0 ? source.length : end + 7;
    } else if (ch === '[' || ch === ']' || ch === '|') {
      tokens.push({ type: ch, spaced });
      at++;
    } else if (ch === '…' || source.startsWith('...', at)) {
      tokens.push({ type: 'repeat', spaced });
      at += ch === '…' ? 1 : 3;
    } else {
      let end = at;
      while (end < source.length && !/[\s[\]|<\u2026]/.test(source[end]!) && !source.startsWith('...', end)) end++;
      if (end === at) end++;
      const text = source.slice(at, end);
      tokens.push({ type: /^[A-Za-z][\w-]*$/.test(text) ? 'placeholder' : 'glue', text, spaced });
      at = end;
    }
    spaced = false;
  }
  return tokens;
}

// ---- values -----------------------------------------------------------------------------------

/** nginx sizes: `512`, `16k`, `10M`, `1g` (ngx_parse_size / ngx_parse_offset). */
export const SIZE = /^\d+[kKmMgG]?$/;
/** nginx times: `30`, `75s`, `1h30m`, `500ms`, `1d 12h` (ngx_parse_time). */
export const TIME = /^(?:\d+(?:ms|[yMwdhms])?\s*)+$/;

const INTEGER = /^-?\d+$/;

/**
 * True when `value` fits `slot`. Words with variables or template expressions are not judged.
 * Asked for every argument: no closure (V8 would allocate a context on every call), and the value
 * is lower-cased once.
 */
export function slotAccepts(slot: Slot, value: string): boolean {
  switch (slot.kind) {
    case 'any':
      return true;
    case 'literal': {
      const lowered = value.toLowerCase();
      for (const literal of slot.values) if (literal.toLowerCase() === lowered) return true;
      return false;
    }
    case 'size':
      return SIZE.test(value);
    case 'time':
      return TIME.test(value);
    case 'number':
      return INTEGER.test(value);
    case 'variable':
      return value.startsWith('$');
    case 'commercial':
      return false;
  }
}

/** True when `value` is one of the keywords or `key=value` parameters `options` allows. */
export function optionAccepts(options: ArgumentOptions, value: string): boolean {
  if (options.keywords.has(value)) return true;
  const equals = value.indexOf('=');
  return equals > 0 && options.keys.has(value.slice(0, equals));
}

/** Bytes of an nginx size (`10m` → 10485760), or undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const match = /^(\d+)([kKmMgG]?)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(match[1]) * factor;
}

/** Seconds of an nginx time (`5m` → 300, `300` → 300, `1h30m` → 5400), or undefined. */
export function parseSeconds(value: string): number | undefined {
  const text = value.trim();
  if (!TIME.test(text)) return undefined;
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };
  let total = 0;
  for (const match of text.matchAll(/(\d+)(ms|[yMwdhms])?/g)) total += Number(match[1]) * units[match[2] ?? 's']!;
  return total;
}
