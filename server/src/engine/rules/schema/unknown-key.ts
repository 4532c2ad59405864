import { closest, editDistance, envPrefixesOf, knownNames } from '../../../../../schemas/lookup';
import type { ProductDefinition } from '../../../../../schemas/types';
import type { Severity } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { checkedGroups, type CheckedGroup, type CheckedSetting } from './productSettings';
import { quoteToken } from '../../quote';

export const schemaUnknownKey = defineRule({
  meta: {
    id: 'schema/unknown-key',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'warning',
    description: 'A key with the product\'s prefix, or in its TOML tables, that the product does not read (a typo such as `FLYDESK_CORS_ORIGIN`); an error where the product refuses unknown keys.',
    fixable: true,
  },
  check(context) {
    for (const group of checkedGroups(context)) {
      const product = group.product;
      if (!product) continue;
      const reported = new Set<string>();
      for (const setting of group.settings) {
        if (reported.has(setting.occurrence.key)) continue;
        const problem = unknownKey(product, group, setting);
        if (!problem) continue;
        reported.add(setting.occurrence.key);
        report(context, group, setting, problem);
      }
    }
  },
});

interface Unknown {
  readonly message: string;
  readonly severity: Severity;
  /** The closest known key, for "did you mean" and the rename fix. */
  readonly suggestion: string | undefined;
}

/**
 * What is wrong with a key, remembered by product, format and key: the answer depends on nothing
 * else, and a file is checked again on every keystroke with its unknown keys unchanged (thousands
 * in a large .env), so each message is made once. Bounded, since keys are whatever the user types.
 */
function unknownKey(product: ProductDefinition, group: CheckedGroup, setting: CheckedSetting): Unknown | undefined {
  let byFormat = answersByProduct.get(product);
  if (!byFormat) answersByProduct.set(product, (byFormat = new Map()));
  let answers = byFormat.get(group.format);
  if (!answers) byFormat.set(group.format, (answers = new Map()));
  const key = setting.occurrence.key;
  const known = answers.get(key);
  if (known !== undefined) return known ?? undefined;
  const answer = group.format === 'toml' ? unknownTomlKey(product, setting) : unknownEnvKey(product, group, setting);
  if (answers.size >= ANSWERS_SIZE) answers.clear();
  answers.set(key, answer ?? null);
  return answer;
}

const answersByProduct = new WeakMap<ProductDefinition, Map<string, Map<string, Unknown | null>>>();
const ANSWERS_SIZE = 20_000;

function unknownEnvKey(product: ProductDefinition, group: CheckedGroup, setting: CheckedSetting): Unknown | undefined {
  const key = setting.occurrence.key;
  const policy = product.unknownKeys;
  // `setting.spec` is the key's spec of any source: a TOML key written as an env variable
  // (`database_url`) is known too, and belongs to the TOML file's checks.
  if (setting.spec) {
    if (setting.spec.notInDotenv && group.format === 'env') {
      return { message: `${quoteToken(key)}: ${setting.spec.notInDotenv}`, severity: 'error', suggestion: undefined };
    }
    return undefined;
  }
  const candidates = knownNames(product, 'env');
  const suggestion = closest(key, candidates);
  const prefixed = hasEnvPrefix(product, key);
  const did = suggestion ? ` Did you mean ${suggestion}?` : '';
  if (prefixed) {
    const refuses = policy?.effect === 'refuses-start' && group.format === 'env';
    // The policy's reason speaks of the product's own .env; elsewhere the key is only ignored.
    const why = refuses || policy?.effect === 'ignored' ? ` ${policy!.reason}` : ` ${product.name} does not read it, so the setting has no effect.`;
    return { message: `${product.name} has no setting ${quoteToken(key)}.${did}${why}`, severity: refuses ? 'error' : 'warning', suggestion };
  }
  if (policy?.scope === 'all' && group.format === 'env' && !policy.allow?.includes(key)) {
    return { message: `${quoteToken(key)} is not a ${product.name} setting.${did} ${policy.reason}`, severity: 'warning', suggestion };
  }
  // No prefix to go by: only a near miss of a known key is worth a word.
  if (suggestion && key.length >= 6 && editDistance(key.toUpperCase(), suggestion.toUpperCase()) <= 2) {
    return { message: `${product.name} does not read ${quoteToken(key)}. Did you mean ${suggestion}?`, severity: 'warning', suggestion };
  }
  return undefined;
}

/** True when `key` starts with one of the product's env prefixes (in any case, where the product ignores case). */
function hasEnvPrefix(product: ProductDefinition, key: string): boolean {
  const prefixes = envPrefixesOf(product);
  if (!product.caseInsensitiveKeys) return prefixes.some((prefix) => key.startsWith(prefix));
  const folded = key.toUpperCase();
  return prefixes.some((prefix) => folded.startsWith(prefix.toUpperCase()));
}

function unknownTomlKey(product: ProductDefinition, setting: CheckedSetting): Unknown | undefined {
  const policy = product.unknownTomlKeys;
  const key = setting.occurrence.key;
  if (!policy || setting.spec) return undefined;
  const tomlKeys = product.settings.filter((spec) => spec.source === 'toml');
  // A table that holds declared keys (`auth` of `auth.enabled`) is known too.
  if (tomlKeys.some((spec) => spec.key.startsWith(`${key}.`) || spec.aliases?.some((alias) => alias.startsWith(`${key}.`)))) return undefined;
  const suggestion = closest(key, tomlSiblings(product, parentOf(key)));
  const did = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  return {
    message: `${product.name} does not read \`${quoteToken(key)}\`.${did} ${policy.reason}.`.replace(/\.\.$/, '.'),
    severity: policy.effect === 'refuses-start' ? 'error' : 'warning',
    suggestion,
  };
}

function report(context: RuleContext, group: CheckedGroup, setting: CheckedSetting, problem: Unknown): void {
  const keySpan = setting.occurrence.keySpan;
  const edit = problem.suggestion
    ? renameEdit(group, setting.occurrence.key, context.document.text.slice(keySpan.start, keySpan.end), keySpan.start, problem.suggestion)
    : undefined;
  // Thousands of keys can be unknown in one file: most have no suggestion, and no fix list is made for them.
  const fixes = edit ? [{ title: `Rename to ${problem.suggestion}`, isPreferred: true, edits: [edit] }] : undefined;
  context.report({ span: keySpan, message: problem.message, severity: problem.severity, fixes });
}

/** The edit renaming a key; for TOML only the last part of the key as written changes. */
function renameEdit(group: CheckedGroup, key: string, written: string, start: number, suggestion: string) {
  if (group.format !== 'toml') return { span: { start, end: start + written.length }, newText: suggestion };
  const last = key.slice(key.lastIndexOf('.') + 1);
  const wanted = suggestion.slice(suggestion.lastIndexOf('.') + 1);
  const parent = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
  if (parent(key) !== parent(suggestion) || !written.endsWith(last)) return undefined;
  const end = start + written.length;
  return { span: { start: end - last.length, end }, newText: wanted };
}

const parentOf = (key: string) => (key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '');

const siblingsByProduct = new WeakMap<ProductDefinition, Map<string, readonly string[]>>();

/** The product's TOML keys in table `parent`: one array per table, so `closest` remembers its answers. */
function tomlSiblings(product: ProductDefinition, parent: string): readonly string[] {
  let byParent = siblingsByProduct.get(product);
  if (!byParent) siblingsByProduct.set(product, (byParent = new Map()));
  let siblings = byParent.get(parent);
  if (!siblings) {
    siblings = knownNames(product, 'toml').filter((name) => parentOf(name) === parent);
    // Tables come from what the user types: keep the memo small.
    if (byParent.size >= 1_000) byParent.clear();
    byParent.set(parent, siblings);
  }
  return siblings;
}
