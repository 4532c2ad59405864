import type { ProductDefinition, SettingSpec } from './types';

/*
 * Finding a product's setting by the name a file uses: the key itself, an alias the product
 * also accepts, a key family's pattern, ignoring case where the product does.
 */

/** The spec of `key` for `product`, or undefined when the product does not read it. */
export function specOf(product: ProductDefinition, key: string): SettingSpec | undefined {
  const index = indexOf(product);
  const exact = index.byName.get(key) ?? (product.caseInsensitiveKeys ? index.byLowerName.get(key.toLowerCase()) : undefined);
  if (exact) return exact;
  if (index.families.length === 0) return undefined;
  const written = product.caseInsensitiveKeys ? key.toUpperCase() : key;
  // A loop, not `find`: a closure over `written` would make V8 allocate a context on every call,
  // and this is asked for every setting by several rules.
  for (const spec of index.families) if (spec.keyPattern!.test(written)) return spec;
  return undefined;
}

/** The names a spec may be written as: its key and its aliases. */
export function namesOf(spec: SettingSpec): readonly string[] {
  return spec.aliases ? [spec.key, ...spec.aliases] : [spec.key];
}

/** True when `key` names `spec` (directly, by alias or by pattern), under the product's case rule. */
export function isNameOf(product: ProductDefinition, spec: SettingSpec, key: string): boolean {
  if (product.caseInsensitiveKeys) {
    const folded = key.toLowerCase();
    if (spec.key.toLowerCase() === folded) return true;
    for (const alias of spec.aliases ?? []) if (alias.toLowerCase() === folded) return true;
  } else if (spec.key === key || spec.aliases?.includes(key)) return true;
  return spec.keyPattern?.test(key) ?? false;
}

/** The env prefixes whose keys the product's schema covers. */
export function envPrefixesOf(product: ProductDefinition): readonly string[] {
  return product.envPrefixes ?? product.detect.envPrefixes ?? [];
}

/** The concrete names of the product's settings (no families), for suggestions and completion. */
export function knownNames(product: ProductDefinition, source: 'env' | 'toml'): readonly string[] {
  // Asked once per unknown key: computed once per product.
  let names = knownNamesCache.get(product);
  if (!names) {
    const of = (wanted: 'env' | 'toml') => product.settings.filter((spec) => !spec.keyPattern && (spec.source ?? 'env') === wanted).flatMap((spec) => namesOf(spec));
    names = { env: of('env'), toml: of('toml') };
    knownNamesCache.set(product, names);
  }
  return names[source];
}

const knownNamesCache = new WeakMap<ProductDefinition, Readonly<Record<'env' | 'toml', readonly string[]>>>();

interface SpecIndex {
  readonly byName: ReadonlyMap<string, SettingSpec>;
  readonly byLowerName: ReadonlyMap<string, SettingSpec>;
  /** The specs with a `keyPattern`, in schema order: a few, where the settings are hundreds. */
  readonly families: readonly SettingSpec[];
}

const indexes = new WeakMap<ProductDefinition, SpecIndex>();

function indexOf(product: ProductDefinition): SpecIndex {
  let index = indexes.get(product);
  if (!index) {
    const byName = new Map<string, SettingSpec>();
    const byLowerName = new Map<string, SettingSpec>();
    const families: SettingSpec[] = [];
    for (const spec of product.settings) {
      if (spec.keyPattern) {
        families.push(spec);
        continue;
      }
      for (const name of namesOf(spec)) {
        byName.set(name, spec);
        byLowerName.set(name.toLowerCase(), spec);
      }
    }
    index = { byName, byLowerName, families };
    indexes.set(product, index);
  }
  return index;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Answers of `closest` by candidate list: a file is checked again on every keystroke, and its
 * unknown keys have not changed. Bounded, since keys come from whatever the user types.
 */
const closestCache = new WeakMap<readonly string[], Map<string, string | undefined>>();
const CLOSEST_CACHE_SIZE = 20_000;

/** The candidate closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let answers = closestCache.get(candidates);
  if (!answers) closestCache.set(candidates, (answers = new Map()));
  if (answers.has(name)) return answers.get(name);
  const answer = closestUncached(name, candidates);
  if (answers.size >= CLOSEST_CACHE_SIZE) answers.clear();
  answers.set(name, answer);
  return answer;
}

function closestUncached(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  const upper = name.toUpperCase();
  // A quarter of the name, at least 2 edits: `FLYDESK_CORS_ORIGIN` → `FLYDESK_CORS_ORIGINS`, not unrelated keys.
  const allowed = Math.max(2, Math.floor(name.length / 4));
  const counts = characterCounts(upper);
  const uppers = upperCased(candidates);
  for (const [index, candidate] of candidates.entries()) {
    // Only a candidate nearer than the best so far (and within `allowed`) can change the answer:
    // the distance is computed no further than that, so a file of unknown keys stays fast.
    const limit = best ? best.distance - 1 : allowed;
    const other = uppers[index]!;
    if (Math.abs(other.length - upper.length) > limit || bagDistance(counts, upper.length, other) > limit) continue;
    const distance = editDistanceWithin(upper, other, limit);
    if (distance <= limit) best = { candidate, distance };
  }
  return best?.candidate;
}

const upperCache = new WeakMap<readonly string[], readonly string[]>();

function upperCased(candidates: readonly string[]): readonly string[] {
  let uppers = upperCache.get(candidates);
  if (!uppers) {
    uppers = candidates.map((candidate) => candidate.toUpperCase());
    upperCache.set(candidates, uppers);
  }
  return uppers;
}

/** How many times each character occurs (by its code modulo 128: a merged count only lowers the bound below). */
function characterCounts(text: string): Int32Array {
  const counts = new Int32Array(128);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 127]!++;
  return counts;
}

/**
 * A lower bound of the edit distance, cheap to compute: the characters one string has that the
 * other lacks (each edit fixes at most one on each side). `counts` are `a`'s, restored on return.
 */
function bagDistance(counts: Int32Array, aLength: number, b: string): number {
  let unmatched = 0;
  for (let i = 0; i < b.length; i++) if (counts[b.charCodeAt(i) & 127]!-- <= 0) unmatched++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) & 127]!++;
  return Math.max(unmatched, aLength - (b.length - unmatched));
}

/**
 * The Levenshtein distance when it is at most `limit`; otherwise `limit + 1`. Only the diagonal
 * band of width `limit` is computed (cells outside it exceed the limit), and it stops at the first
 * row whose every cell is past the limit: distances never shrink from one row to the next.
 */
function editDistanceWithin(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (limit < 0 || Math.abs(a.length - b.length) > limit) return over;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    let rowMin = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = over;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** The two rows `editDistanceWithin` works in, reused from call to call. */
let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];
