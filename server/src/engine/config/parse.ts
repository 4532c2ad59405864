import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { ownProductsFrom, type OwnProduct } from '../../../../schemas/own';
import { closestName } from '../rules/compose/closest';
import type { Mode, ProductId, SeverityOverride, Span } from '../types';

/** File names of a project config, in the order a folder's config is looked for. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.deploy-doctor.yaml', '.deploy-doctor.yml', '.deploy-doctor.json'];

/** Larger files are reported, not parsed: a config is a page of settings, and parsing megabytes of garbage would stall every check. */
export const MAX_CONFIG_CHARS = 256 * 1024;
/** A broken file yields many cascading YAML errors; the first few say what is wrong. */
const MAX_SYNTAX_PROBLEMS = 20;

export const SEVERITY_VALUES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];
export const MODE_VALUES: readonly Mode[] = ['production', 'development'];
/** `$schema` names the JSON Schema for editors (`.deploy-doctor.json`); the checker ignores it. */
export const TOP_LEVEL_KEYS = ['$schema', 'root', 'rules', 'overrides', 'products', 'ignore', 'nginx'] as const;
export const OVERRIDE_KEYS = ['files', 'rules', 'product', 'mode'] as const;
export const NGINX_KEYS = ['modules'] as const;

export interface ConfigProblem {
  readonly span: Span;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface ConfigOverride {
  /** Globs relative to the config file's folder. */
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly product?: ProductId;
  readonly mode?: Mode;
}

/** The valid parts of one `.deploy-doctor.yaml`; what was invalid is in `problems`. */
export interface ProjectConfig {
  readonly root: boolean;
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly overrides: readonly ConfigOverride[];
  readonly ownProducts: readonly OwnProduct[];
  /** Globs relative to the config file's folder. */
  readonly ignore: readonly string[];
  readonly nginxModules: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

/** What validation checks names against. */
export interface ConfigVocabulary {
  readonly ruleIds: ReadonlySet<string>;
  readonly productIds: ReadonlySet<string>;
}

const EMPTY_CONFIG: Omit<ProjectConfig, 'problems'> = { root: false, rules: {}, overrides: [], ownProducts: [], ignore: [], nginxModules: [] };

/** Parses and validates a config file's text (YAML, or JSON, which YAML reads too). Never throws. */
export function parseProjectConfig(text: string, vocabulary: ConfigVocabulary): ProjectConfig {
  if (text.length > MAX_CONFIG_CHARS) {
    return { ...EMPTY_CONFIG, problems: [{ span: { start: 0, end: 0 }, severity: 'error', message: `Config file is ${text.length} characters, more than the ${MAX_CONFIG_CHARS} read; it is ignored.` }] };
  }
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const validator = new ConfigValidator(text, document, vocabulary);
  return validator.run();
}

class ConfigValidator {
  private readonly problems: ConfigProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly document: Document,
    private readonly vocabulary: ConfigVocabulary,
  ) {}

  run(): ProjectConfig {
    for (const error of this.document.errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
      this.report(error.pos[0], error.pos[1], `YAML: ${firstLine(error.message)}`);
    }
    const contents = this.document.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return { ...EMPTY_CONFIG, problems: this.problems };
    if (!isMap(contents)) {
      this.problemAt(contents, 'A config file is a mapping of keys (`rules:`, `overrides:`, …).');
      return { ...EMPTY_CONFIG, problems: this.problems };
    }
    let root = false;
    let rules: Record<string, SeverityOverride> = {};
    let overrides: ConfigOverride[] = [];
    let ownProducts: readonly OwnProduct[] = [];
    let ignore: string[] = [];
    let nginxModules: string[] = [];
    for (const pair of contents.items) {
      const key = keyName(pair.key);
      const value = pair.value as YamlNode | null;
      if (key === undefined) {
        this.problemAt(pair.key as YamlNode | null, 'Config keys are plain names.');
        continue;
      }
      switch (key) {
        case '$schema':
          if (!isScalar(value) || typeof value.value !== 'string') this.problemAt(value ?? (pair.key as YamlNode), '`$schema` is the path or URL of the JSON Schema, for editors.');
          break;
        case 'root':
          if (isScalar(value) && typeof value.value === 'boolean') root = value.value;
          else this.problemAt(value ?? (pair.key as YamlNode), '`root` is `true` or `false`.');
          break;
        case 'rules':
          rules = this.rules(value, pair.key as YamlNode);
          break;
        case 'overrides':
          overrides = this.overrides(value, pair.key as YamlNode);
          break;
        case 'products':
          ownProducts = this.products(value);
          break;
        case 'ignore':
          ignore = this.globs(value, pair.key as YamlNode, 'ignore');
          break;
        case 'nginx':
          nginxModules = this.nginx(value, pair.key as YamlNode);
          break;
        default:
          this.unknownKey(pair.key as YamlNode, key, TOP_LEVEL_KEYS, 'config key');
      }
    }
    // `overrides:` may come before `products:`: re-check its product names against the own products.
    const productIds = new Set([...this.vocabulary.productIds, ...ownProducts.map((own) => own.definition.id)]);
    overrides = overrides.filter((override) => override.product === undefined || productIds.has(override.product) || this.unknownProductLate(contents, override));
    return { root, rules, overrides, ownProducts, ignore, nginxModules, problems: this.problems };
  }

  private rules(node: YamlNode | null, keyNode: YamlNode): Record<string, SeverityOverride> {
    const rules: Record<string, SeverityOverride> = {};
    if (!isMap(node)) {
      this.problemAt(node ?? keyNode, '`rules` maps rule ids to `error`, `warning`, `info`, `hint` or `off`.');
      return rules;
    }
    for (const pair of node.items) {
      const id = keyName(pair.key);
      if (id === undefined) {
        this.problemAt(pair.key as YamlNode | null, 'A rule id is a plain name such as `env/duplicate-key`.');
        continue;
      }
      if (!this.vocabulary.ruleIds.has(id)) {
        this.unknownKey(pair.key as YamlNode, id, this.vocabulary.ruleIds, 'rule id');
        continue;
      }
      const value = pair.value as YamlNode | null;
      const severity = isScalar(value) ? value.value : undefined;
      if (typeof severity === 'string' && (SEVERITY_VALUES as readonly string[]).includes(severity)) rules[id] = severity as SeverityOverride;
      else this.badChoice(value ?? (pair.key as YamlNode), severity, SEVERITY_VALUES, `severity of \`${id}\``);
    }
    return rules;
  }

  private overrides(node: YamlNode | null, keyNode: YamlNode): ConfigOverride[] {
    if (!isSeq(node)) {
      this.problemAt(node ?? keyNode, '`overrides` is a list of `{files, rules, product, mode}` entries.');
      return [];
    }
    const result: ConfigOverride[] = [];
    for (const item of node.items as (YamlNode | null)[]) {
      if (!isMap(item)) {
        this.problemAt(item ?? node, 'An override is a mapping with `files:` and `rules:`, `product:` or `mode:`.');
        continue;
      }
      let files: string[] | undefined;
      let filesKey = false;
      let rules: Record<string, SeverityOverride> = {};
      let product: ProductId | undefined;
      let mode: Mode | undefined;
      for (const pair of item.items) {
        const key = keyName(pair.key);
        const value = pair.value as YamlNode | null;
        if (key === 'files') {
          filesKey = true;
          files = this.globs(value, pair.key as YamlNode, 'files');
        } else if (key === 'rules') rules = this.rules(value, pair.key as YamlNode);
        else if (key === 'product') {
          if (isScalar(value) && typeof value.value === 'string' && value.value !== '') product = value.value;
          else this.problemAt(value ?? (pair.key as YamlNode), '`product` is a product id.');
        } else if (key === 'mode') {
          const modeValue = isScalar(value) ? value.value : undefined;
          if (typeof modeValue === 'string' && (MODE_VALUES as readonly string[]).includes(modeValue)) mode = modeValue as Mode;
          else this.badChoice(value ?? (pair.key as YamlNode), modeValue, MODE_VALUES, '`mode`');
        } else this.unknownKey(pair.key as YamlNode | null, key ?? '', OVERRIDE_KEYS, 'override key');
      }
      if (!files || files.length === 0) {
        // Invalid globs were reported one by one; only a missing `files:` needs its own message.
        if (!filesKey) this.problemAt(item, 'An override needs `files:`, the globs it applies to.');
        continue;
      }
      result.push({ files, rules, ...(product !== undefined ? { product } : {}), ...(mode !== undefined ? { mode } : {}) });
    }
    return result;
  }

  private unknownProductLate(contents: YamlNode, override: ConfigOverride): false {
    const node = this.document.getIn(['overrides'], true) as YamlNode | undefined;
    const productNode = isSeq(node) ? findProductNode(node, override.product!) : undefined;
    const known = [...this.vocabulary.productIds];
    const guess = closestName(override.product!, known);
    this.problemAt(productNode ?? contents, `Unknown product \`${override.product}\`${guess ? `; did you mean \`${guess}\`?` : ` (known: ${known.join(', ')}).`}`);
    return false;
  }

  private products(node: YamlNode | null): readonly OwnProduct[] {
    if (node === null) return [];
    const { products, problems } = ownProductsFrom(node.toJSON());
    for (const problem of problems) {
      const target = this.nodeAtPath(['products', ...problem.path]);
      this.problemAt(target ?? node, problem.message, problem.severity);
    }
    return products;
  }

  private globs(node: YamlNode | null, keyNode: YamlNode, key: string): string[] {
    const items = isSeq(node) ? (node.items as (YamlNode | null)[]) : isScalar(node) ? [node] : undefined;
    if (!items) {
      this.problemAt(node ?? keyNode, `\`${key}\` is a list of globs.`);
      return [];
    }
    const globs: string[] = [];
    for (const item of items) {
      const glob = isScalar(item) ? item.value : undefined;
      if (typeof glob !== 'string' || glob === '') this.problemAt(item ?? keyNode, 'A glob is a non-empty string.');
      else if (!bracesBalanced(glob)) this.problemAt(item, `Bad glob \`${glob}\`: unbalanced \`{\`/\`}\`.`);
      else if (glob.startsWith('/') || glob.split('/').includes('..')) this.problemAt(item, `Glob \`${glob}\` leaves the config file's folder; globs are relative to it.`);
      else globs.push(glob);
    }
    return globs;
  }

  private nginx(node: YamlNode | null, keyNode: YamlNode): string[] {
    if (!isMap(node)) {
      this.problemAt(node ?? keyNode, '`nginx` is a mapping, such as `modules: [headers-more]`.');
      return [];
    }
    let modules: string[] = [];
    for (const pair of node.items) {
      const key = keyName(pair.key);
      const value = pair.value as YamlNode | null;
      if (key !== 'modules') {
        this.unknownKey(pair.key as YamlNode | null, key ?? '', NGINX_KEYS, 'nginx key');
        continue;
      }
      if (!isSeq(value)) {
        this.problemAt(value ?? (pair.key as YamlNode), '`modules` is a list of third-party module names.');
        continue;
      }
      modules = [];
      for (const item of value.items as (YamlNode | null)[]) {
        const name = isScalar(item) ? item.value : undefined;
        if (typeof name === 'string' && name !== '') modules.push(name);
        else this.problemAt(item ?? value, 'A module name is a non-empty string.');
      }
    }
    return modules;
  }

  private nodeAtPath(path: readonly (string | number)[]): YamlNode | undefined {
    // The deepest node that exists: a problem about a missing key points at its parent.
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      const last = prefix[prefix.length - 1];
      const parent = length === 1 ? this.document.contents : (this.document.getIn(prefix.slice(0, -1), true) as YamlNode | undefined);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => keyName(item.key) === String(last));
        if (pair) return (pair.key as YamlNode | null) ?? undefined;
      } else if (isSeq(parent) && typeof last === 'number') {
        const item = parent.items[last] as YamlNode | null | undefined;
        if (item) return item;
      }
    }
    return undefined;
  }

  private unknownKey(node: YamlNode | null, name: string, known: Iterable<string>, what: string): void {
    const guess = closestName(name, known);
    this.problemAt(node, `Unknown ${what} \`${name}\`${guess ? `; did you mean \`${guess}\`?` : '.'}`);
  }

  private badChoice(node: YamlNode, value: unknown, choices: readonly string[], what: string): void {
    // `warn` for `warning`: a prefix is as likely a meaning as a typo.
    const guess = typeof value === 'string' && value !== '' ? (closestName(value, choices) ?? choices.find((choice) => choice.startsWith(value))) : undefined;
    const shown = typeof value === 'string' ? `\`${value}\`` : 'this value';
    this.problemAt(node, `Bad ${what}: ${shown}${guess ? `; did you mean \`${guess}\`?` : `; expected ${choices.map((choice) => `\`${choice}\``).join(', ')}.`}`);
  }

  private problemAt(node: YamlNode | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    const range = node?.range;
    if (range) this.report(range[0], range[1], message, severity);
    else this.report(0, 0, message, severity);
  }

  private report(start: number, end: number, message: string, severity: 'error' | 'warning' = 'error'): void {
    const clampedStart = Math.max(0, Math.min(start, this.text.length));
    this.problems.push({ span: { start: clampedStart, end: Math.max(clampedStart, Math.min(end, this.text.length)) }, message, severity });
  }
}

function keyName(key: unknown): string | undefined {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

function findProductNode(overrides: YamlNode, product: string): YamlNode | undefined {
  if (!isSeq(overrides)) return undefined;
  for (const item of overrides.items) {
    if (!isMap(item)) continue;
    const value = item.get('product', true);
    if (isScalar(value) && value.value === product) return value;
  }
  return undefined;
}

function bracesBalanced(glob: string): boolean {
  let depth = 0;
  for (const c of glob) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline < 0 ? message : message.slice(0, newline);
}
