import { specOf } from '../../../../../schemas/lookup';
import type { ProductDefinition, SettingSpec, SettingsView } from '../../../../../schemas/types';
import { settingsView } from '../../../../../schemas/view';
import type { ParsedDocument } from '../../document';
import { composeEnvironmentGroups, type ComposeEnvironmentGroup } from '../../parsers/compose/environment';
import { composeInterpolator } from '../../parsers/compose/projectEnv';
import { composeSettingGroups, isChosenProduct, settingGroupsOf, type SettingGroup, type SettingOccurrence } from '../../settings';
import type { Mode, Span } from '../../types';
import { basename } from '../../uri';
import type { ProductSource } from '../../engine';
import type { RuleContext } from '../rule';
import { appendTo } from '../../collections';

/*
 * What the secret, CORS, security and schema rules share: a file's setting groups with their
 * product, a settings view for requirements and product checks, and which values can be
 * judged here (a compose `${VAR}` resolved from the project `.env` is judged in the `.env`).
 */

export type SettingsFormat = 'env' | 'compose' | 'toml';

export interface CheckedSetting {
  readonly occurrence: SettingOccurrence;
  readonly spec: SettingSpec | undefined;
  /** The value as the product reads it, when it is known from this file; undefined otherwise. */
  readonly value: string | undefined;
  /** True when `value` is a compose default (`${VAR:-default}`) used because the variable is unset. */
  readonly fromDefault: boolean;
  /** The text at the value's span, as written. */
  readonly written: string;
}

export interface CheckedGroup {
  readonly group: SettingGroup;
  readonly product: ProductDefinition | undefined;
  readonly format: SettingsFormat;
  readonly mode: Mode;
  readonly settings: readonly CheckedSetting[];
  /** The product's view of the group (undefined without a product). */
  readonly view: SettingsView | undefined;
  /**
   * True when every setting the product gets is in this group, so an absent key is really
   * absent: false for a compose service with `env_file:`, and for template files.
   */
  readonly complete: boolean;
  /** True for `.env.example` and other templates, whose values are placeholders by design. */
  readonly template: boolean;
  /** The compose service's environment, for inserting a setting. */
  readonly compose: ComposeEnvironmentGroup | undefined;
  /** The Docker secrets the compose service lists, by lower-case name (`isMissing` counts them as set). */
  readonly dockerSecrets: ReadonlySet<string>;
}

const TEMPLATE_NAME = /(^|[._-])(example|sample|template|dist|tpl|defaults?)([._-]|$)/i;
/** `$VAR`, `${VAR}` or `$(…)` in a .env value. */
const ENV_EXPANSION = /\$\{?[A-Za-z_]|\$\(/;
const INTERPOLATED_NAME = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
const WITH_DEFAULT = /\$\{[A-Za-z_][A-Za-z0-9_]*:?-/;

/** Shared by the many groups that have none: a compose file of thousands of services has one each. */
const NO_SECRETS: ReadonlySet<string> = new Set();
const NO_CHECKED_SETTINGS: readonly CheckedSetting[] = [];

/** True for files whose values are meant to be replaced (`.env.example`, `env.template`). */
export function isTemplateFile(uri: string): boolean {
  return TEMPLATE_NAME.test(basename(uri));
}

/*
 * One computation per check: keyed by the document and the check's workspace view (a new one per
 * check), since a compose file's values depend on the project `.env`, which may have changed
 * while the compose document (cached by the engine) did not.
 */
const cache = new WeakMap<ParsedDocument, WeakMap<object, Map<string, CheckedGroup[]>>>();

/** The setting groups of the checked file, computed once per check, product and mode. */
export function checkedGroups(context: RuleContext): CheckedGroup[] {
  const { document } = context;
  if (document.kind === 'nginx') return [];
  const cacheKey = `${context.product?.id ?? ''}|${isChosenProduct(context.productSource)}|${context.mode}`;
  let byWorkspace = cache.get(document);
  if (!byWorkspace) {
    byWorkspace = new WeakMap();
    cache.set(document, byWorkspace);
  }
  let byKey = byWorkspace.get(context.workspace);
  if (!byKey) {
    byKey = new Map();
    byWorkspace.set(context.workspace, byKey);
  }
  const cached = byKey.get(cacheKey);
  if (cached) return cached;
  const groups = computeGroups(context);
  byKey.set(cacheKey, groups);
  return groups;
}

function computeGroups(context: RuleContext): CheckedGroup[] {
  const { document, mode } = context;
  const template = isTemplateFile(document.uri);
  if (document.kind === 'compose') {
    const projectEnv = safeProjectEnv(context);
    const composeGroups = composeEnvironmentGroups(document.ast, projectEnv);
    return composeSettingGroups(composeGroups, context.product, context.products, isChosenProduct(context.productSource)).map((group, index) => {
      const compose = composeGroups[index];
      const secrets = dockerSecretsOf(document.ast.data, group.scope);
      const settings = group.settings.length === 0 ? NO_CHECKED_SETTINGS : group.settings.map((occurrence) => composeSetting(document.text, occurrence, group.product, projectEnv));
      const companion = isCompanion(group.product, compose?.image, group.scope);
      return build(group, 'compose', mode, settings, !template && !companion && (compose?.envFiles.length ?? 0) === 0, template, compose, secrets);
    });
  }
  const format: SettingsFormat = document.kind === 'toml' ? 'toml' : 'env';
  return settingGroupsOf(document, context.product, context.products).map((group) => {
    const settings = group.settings.map((occurrence): CheckedSetting => {
      const written = document.text.slice(occurrence.valueSpan.start, occurrence.valueSpan.end);
      const spec = group.product ? specOf(group.product, occurrence.key) : undefined;
      // `$VAR` in a .env is expanded by Compose when it reads the file, and `$(…)` is meant for a
      // shell (env/value-format reports it): either way the value is not known here.
      const unknown = format === 'env' && occurrence.value !== undefined && ENV_EXPANSION.test(occurrence.value);
      return { occurrence, spec, value: unknown ? undefined : occurrence.value, fromDefault: false, written };
    });
    return build(group, format, mode, settings, !template, template, undefined, NO_SECRETS);
  });
}

/**
 * True for a product's auxiliary service (a worker, a frontend), of which no setting is required:
 * by its image, or by its service name when it is built from source (`build:`, no `image:`).
 */
function isCompanion(product: ProductDefinition | undefined, image: string | undefined, service: string | undefined): boolean {
  const names = [image, image === undefined ? service : undefined].filter((name): name is string => name !== undefined);
  return names.some((name) => (product?.detect.companionImages ?? []).some((companion) => name.includes(companion)));
}

function build(
  group: SettingGroup,
  format: SettingsFormat,
  mode: Mode,
  settings: readonly CheckedSetting[],
  complete: boolean,
  template: boolean,
  compose: ComposeEnvironmentGroup | undefined,
  secrets: ReadonlySet<string>,
): CheckedGroup {
  const product = group.product;
  const view = product
    ? settingsView(
        product,
        settings.map((setting) => ({ key: setting.occurrence.key, value: setting.value ?? setting.occurrence.value, typedValue: setting.occurrence.typedValue })),
        mode,
        format,
      )
    : undefined;
  return {
    group,
    product,
    format,
    mode,
    settings,
    view,
    complete,
    template,
    compose,
    dockerSecrets: secrets,
  };
}

/**
 * A compose setting: a literal is judged here; a `${VAR}` that the project `.env` sets is judged
 * in that file; a `${VAR:-default}` whose variable is unset is judged by its default.
 */
function composeSetting(text: string, occurrence: SettingOccurrence, product: ProductDefinition | undefined, projectEnv: (name: string) => string | undefined): CheckedSetting {
  const written = text.slice(occurrence.valueSpan.start, occurrence.valueSpan.end);
  const spec = product ? specOf(product, occurrence.key) : undefined;
  if (!occurrence.interpolated) return { occurrence, spec, value: occurrence.value, fromDefault: false, written };
  const names = [...written.matchAll(INTERPOLATED_NAME)].map((match) => match[1]!);
  const fromProjectEnv = names.length === 0 || names.some((name) => projectEnv(name) !== undefined);
  const hasDefault = WITH_DEFAULT.test(written);
  if (fromProjectEnv || !hasDefault) return { occurrence, spec, value: undefined, fromDefault: false, written };
  return { occurrence, spec, value: occurrence.value, fromDefault: true, written };
}

function safeProjectEnv(context: RuleContext): (name: string) => string | undefined {
  try {
    return composeInterpolator(context.document.uri, context.workspace);
  } catch {
    return () => undefined;
  }
}

function dockerSecretsOf(data: unknown, service: string | undefined): ReadonlySet<string> {
  if (service === undefined || !isRecord(data) || !isRecord(data['services'])) return NO_SECRETS;
  const definition = data['services'][service];
  const secrets = isRecord(definition) ? definition['secrets'] : undefined;
  if (!Array.isArray(secrets) || secrets.length === 0) return NO_SECRETS;
  const names = new Set<string>();
  for (const item of secrets) {
    if (typeof item === 'string') names.add(item.toLowerCase());
    else if (isRecord(item) && typeof item['source'] === 'string') names.add(item['source'].toLowerCase());
  }
  return names;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings of a group that name `spec` (by key, alias or pattern). */
export function occurrencesOf(group: CheckedGroup, spec: SettingSpec): readonly CheckedSetting[] {
  // Rules ask this for every spec of the product: the group is indexed once, not filtered per spec.
  let bySpec = settingsBySpec.get(group);
  if (!bySpec) {
    bySpec = new Map();
    for (const setting of group.settings) if (setting.spec) appendTo(bySpec, setting.spec, setting);
    settingsBySpec.set(group, bySpec);
  }
  return bySpec.get(spec) ?? [];
}

const settingsBySpec = new WeakMap<CheckedGroup, Map<SettingSpec, CheckedSetting[]>>();

/** True when the group gives `spec` no usable value: absent, or present with an empty value known here. */
export function isMissing(group: CheckedGroup, spec: SettingSpec): boolean {
  const found = occurrencesOf(group, spec);
  if (found.length === 0) return !group.dockerSecrets.has(spec.key.toLowerCase());
  // A bare compose `KEY` or an unresolved `${VAR}` comes from the shell at run time: not missing.
  return found.every((setting) => setting.value !== undefined && setting.value.trim() === '' && !(group.format === 'compose' && setting.occurrence.interpolated));
}

/** Where a finding about an absent setting goes: the compose service's name, or the first line of the file. */
export function missingAnchor(context: RuleContext, group: CheckedGroup): Span {
  if (group.format === 'compose') return group.group.scopeSpan;
  const lines = context.document.lines;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = context.document.text.slice(start, end);
    if (content.trim() !== '' && !content.trim().startsWith('#')) return { start: start + (content.length - content.trimStart().length), end };
  }
  return { start: 0, end: lines.lineEnd(0) };
}

/** The groups of an analysed document, for hover and completion (which have no rule context). */
export function checkedGroupsOf(
  analyzed: { readonly document: ParsedDocument; readonly product: ProductDefinition | undefined; readonly productSource?: ProductSource | undefined; readonly mode: Mode },
  workspace: RuleContext['workspace'],
  products: readonly ProductDefinition[],
): CheckedGroup[] {
  const source = analyzed.productSource;
  const context: RuleContext = { document: analyzed.document, product: analyzed.product, ...(source !== undefined ? { productSource: source } : {}), products, mode: analyzed.mode, workspace, report: () => undefined };
  return checkedGroups(context);
}
