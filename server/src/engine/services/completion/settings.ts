import { knownNames, specOf } from '../../../../../schemas/lookup';
import type { ProductDefinition, SettingSpec } from '../../../../../schemas/types';
import { isRequired } from '../../../../../schemas/view';
import { generateKey } from '../../keygen';
import { settingKey } from '../../parsers/toml/paths';
import { checkedGroupsOf, type CheckedGroup } from '../../rules/schema/productSettings';
import { formatLabel } from '../../rules/secret/analysis';
import type { Span } from '../../types';
import { settingMarkdown } from '../hover/settings';
import type { CompletionItem, CompletionProvider, CursorContext } from '../types';

/**
 * Completion of product settings: in a key position, the product's keys not yet set (with a
 * value snippet; secrets with a generated value); in a value position, the allowed values of an
 * enum or boolean and, for a secret, a freshly generated value in its format.
 */
export const settingsCompletion: CompletionProvider = {
  kinds: ['env', 'compose', 'toml'],
  complete(context: CursorContext): readonly CompletionItem[] {
    const { analyzed, offset } = context;
    const { document } = analyzed;
    const groups = checkedGroupsOf(analyzed, context.workspace, context.products);
    const line = document.lines.lineAt(offset);
    const lineStart = document.lines.lineStart(line);
    const before = document.text.slice(lineStart, offset);
    const position = cursorPosition(document.kind, before, offset);
    if (!position) return [];
    const group = groupAt(groups, document.kind, offset);
    const product = group?.product;
    if (!group || !product) return [];
    if (position.kind === 'key') return keyItems(product, group, position.replace, document.kind, tableAt(document, offset), analyzed.mode);
    const spec = specOf(product, position.key);
    return spec ? valueItems(product, spec, position.replace, position.quoted ? 'quoted' : document.kind) : [];
  },
};

type CursorPosition = { kind: 'key'; replace: Span } | { kind: 'value'; key: string; replace: Span; quoted: boolean };

/** Whether the cursor is where a key or a value is written, and the text a completion replaces. */
function cursorPosition(kind: string, before: string, offset: number): CursorPosition | undefined {
  const patterns: Record<string, { key: RegExp; value: RegExp }> = {
    env: { key: /^\s*(?:export\s+)?([A-Za-z0-9_]*)$/, value: /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(["']?)([^"'#\s]*)$/ },
    compose: { key: /^\s*(?:-\s*)?["']?([A-Za-z0-9_]*)$/, value: /^\s*(?:-\s*["']?([A-Za-z_][A-Za-z0-9_]*)=|([A-Za-z_][A-Za-z0-9_]*):\s+)(["']?)([^"'#\s]*)$/ },
    toml: { key: /^\s*([A-Za-z0-9_.-]*)$/, value: /^\s*([A-Za-z0-9_.-]+)\s*=\s*(["']?)([^"'#\s]*)$/ },
  };
  const pattern = patterns[kind];
  if (!pattern) return undefined;
  const value = pattern.value.exec(before);
  if (value) {
    const key = kind === 'compose' ? (value[1] ?? value[2])! : value[1]!;
    const partial = kind === 'compose' ? value[4]! : value[3]!;
    const quote = kind === 'compose' ? value[3]! : value[2]!;
    return { kind: 'value', key, replace: { start: offset - partial.length, end: offset }, quoted: quote !== '' };
  }
  const key = pattern.key.exec(before);
  if (key) return { kind: 'key', replace: { start: offset - key[1]!.length, end: offset } };
  return undefined;
}

/** The group the cursor is in: the whole file, or the compose service whose block holds the offset. */
function groupAt(groups: readonly CheckedGroup[], kind: string, offset: number): CheckedGroup | undefined {
  if (kind !== 'compose') return groups[0];
  let best: CheckedGroup | undefined;
  for (const group of groups) {
    if (group.group.scopeSpan.start <= offset && (!best || group.group.scopeSpan.start > best.group.scopeSpan.start)) best = group;
  }
  return best;
}

/** The TOML table the cursor is in (`auth.jwt`), or '' at the top level. */
function tableAt(document: CursorContext['analyzed']['document'], offset: number): string {
  if (document.kind !== 'toml') return '';
  let current = '';
  for (const table of document.ast.tables) {
    if (table.span.start < offset) current = settingKey(table.path);
  }
  return current;
}

function keyItems(product: ProductDefinition, group: CheckedGroup, replace: Span, kind: string, table: string, mode: 'production' | 'development'): CompletionItem[] {
  const present = new Set(group.settings.map((setting) => setting.spec ?? setting.occurrence.key));
  const source = kind === 'toml' ? 'toml' : 'env';
  const items: CompletionItem[] = [];
  for (const name of knownNames(product, source)) {
    const spec = specOf(product, name);
    if (!spec || present.has(spec) || spec.notInDotenv || spec.type === 'table') continue;
    let label = name;
    if (source === 'toml') {
      const parent = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
      if (parent !== table) continue;
      label = name.slice(name.lastIndexOf('.') + 1);
    }
    if (name !== spec.key && source === 'env') continue;
    const required = group.view ? isRequired(product, spec, group.view) : false;
    const separator = kind === 'env' ? '=' : kind === 'compose' ? (replaceIsListItem(group) ? '=' : ': ') : ' = ';
    const { text, isSnippet } = valueSnippet(spec, kind);
    items.push({
      label,
      kind: spec.secret ? 'secret' : 'key',
      detail: `${product.name}${spec.secret ? ' · secret' : ''}${required ? ' · required' : ''}`,
      documentation: settingMarkdown(product, spec, name, mode, required),
      insertText: `${label}${separator}${text}`,
      ...(isSnippet ? { isSnippet: true } : {}),
      replace,
      sortText: `${required ? '0' : '1'}${label}`,
    });
  }
  return items;
}

function replaceIsListItem(group: CheckedGroup): boolean {
  return group.compose?.form === 'list';
}

/** What follows `KEY=` in a completed key: a generated secret, or a snippet with the default or choices. */
function valueSnippet(spec: SettingSpec, kind: string): { text: string; isSnippet: boolean } {
  if (spec.secret && !spec.secret.issuedBy) return { text: quoteFor(kind, generateKey(spec.secret.format), spec), isSnippet: false };
  const choices = spec.type === 'enum' ? spec.enum! : undefined;
  if (choices) return { text: `\${1|${choices.map(escapeChoice).join(',')}|}`, isSnippet: true };
  const start = spec.production?.value ?? spec.example ?? spec.default ?? '';
  return { text: `\${1:${escapeSnippet(quoteFor(kind, start, spec))}}`, isSnippet: true };
}

function valueItems(product: ProductDefinition, spec: SettingSpec, replace: Span, kind: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (spec.secret && !spec.secret.issuedBy) {
    items.push({
      label: `Generate ${formatLabel(spec.secret.format)}`,
      kind: 'secret',
      detail: `${product.name} · a fresh value from crypto.randomBytes`,
      insertText: quoteFor(kind, generateKey(spec.secret.format), spec),
      replace,
      sortText: '0',
    });
  }
  const values = spec.type === 'enum' ? spec.enum! : spec.type === 'boolean' ? booleanWords(product, spec) : [];
  for (const value of values) {
    items.push({
      label: value,
      kind: 'value',
      detail: value === spec.default ? `${product.name} · default` : value === spec.production?.value ? `${product.name} · production` : product.name,
      insertText: quoteFor(kind, value, spec),
      replace,
      sortText: `1${value}`,
    });
  }
  return items;
}

function booleanWords(product: ProductDefinition, spec: SettingSpec): string[] {
  const parsing = spec.source === 'toml' ? undefined : spec.boolean ?? product.booleans;
  return parsing ? [parsing.trueValues[0]!, parsing.falseValues[0] ?? 'false'] : ['true', 'false'];
}

/** TOML strings need quotes; env and compose values are written bare (generated values need none). */
function quoteFor(kind: string, value: string, spec: SettingSpec): string {
  if (kind !== 'toml') return value;
  if (spec.type === 'boolean' || spec.type === 'integer' || spec.type === 'port' || spec.type === 'number' || spec.type === 'list') return value;
  return JSON.stringify(value);
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}
