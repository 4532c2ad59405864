import { describeRequirement, isRequired } from '../../../../../schemas/view';
import type { ProductDefinition, SettingSpec } from '../../../../../schemas/types';
import { checkedGroupsOf } from '../../rules/schema/productSettings';
import { formatLabel } from '../../rules/secret/analysis';
import { KEY_FORMATS } from '../../keygen';
import type { CursorContext, HoverProvider, HoverResult } from '../types';

/**
 * Hover on a product setting in a `.env`, a compose service's `environment:` or a TOML file:
 * the product, what the setting does, its type, default and allowed values, whether this mode
 * requires it and, for a secret, the format to generate. Never the setting's value.
 */
export const settingsHover: HoverProvider = {
  kinds: ['env', 'compose', 'toml'],
  hover(context: CursorContext): HoverResult | undefined {
    const { analyzed, offset } = context;
    for (const group of checkedGroupsOf(analyzed, context.workspace, context.products)) {
      const setting = group.settings.find((candidate) => candidate.occurrence.keySpan.start <= offset && offset <= candidate.occurrence.keySpan.end);
      if (!setting || !group.product || !setting.spec) continue;
      const required = group.view && isRequired(group.product, setting.spec, group.view);
      return { span: setting.occurrence.keySpan, markdown: settingMarkdown(group.product, setting.spec, setting.occurrence.key, analyzed.mode, required ?? false) };
    }
    return undefined;
  },
};

/** The hover text of a setting; exported for completion's documentation. */
export function settingMarkdown(product: ProductDefinition, spec: SettingSpec, key: string, mode: 'production' | 'development', required: boolean): string {
  const lines: string[] = [`**${key}** · ${product.name}${spec.secret ? ' · secret' : ''}`, '', spec.description, ''];
  const facts: string[] = [`Type: ${typeText(product, spec)}`];
  if (spec.default !== undefined && spec.default !== '' && !spec.secret) facts.push(`Default: \`${spec.default}\``);
  if (spec.required !== undefined) {
    facts.push(`Required ${describeRequirement(spec.required)}${required ? ` — **required here** (${mode})` : ` — not required here (${mode})`}`);
  }
  if (spec.secret) {
    const info = KEY_FORMATS.find((candidate) => candidate.format === spec.secret!.format);
    if (spec.secret.issuedBy) facts.push(`Issued by ${spec.secret.issuedBy}: paste the value it gives you`);
    else facts.push(`Format: ${formatLabel(spec.secret.format)}${info ? ` (\`${info.equivalent}\`)` : ''}; use *Deploy Doctor: Generate Key…*`);
    if (spec.secret.minLength) facts.push(`At least ${spec.secret.minLength} characters in production`);
    if (spec.secret.complexity) facts.push('Needs a lowercase and an uppercase letter, a digit and a symbol');
  }
  if (spec.production) facts.push(`Production value: \`${spec.production.value}\``);
  if (spec.requiresTls) facts.push('Must be `https://` in production');
  if (spec.aliases?.length) facts.push(`Also accepted as: ${spec.aliases.map((alias) => `\`${alias}\``).join(', ')}`);
  if (spec.notInDotenv) facts.push(`Not in a .env: ${spec.notInDotenv}`);
  if (spec.unused) facts.push(`Note: ${spec.unused}`);
  lines.push(...facts.map((fact) => `- ${fact}`), '', `*Schema: ${product.version}*`);
  return lines.join('\n');
}

function typeText(product: ProductDefinition, spec: SettingSpec): string {
  switch (spec.type) {
    case 'enum':
      return `one of ${spec.enum!.map((value) => `\`${value}\``).join(', ')}`;
    case 'boolean': {
      const parsing = spec.boolean ?? product.booleans;
      return parsing ? `boolean, ${parsing.name}` : 'boolean';
    }
    case 'url':
      return spec.schemes ? `URL (${spec.schemes.map((scheme) => `\`${scheme}://\``).join(', ')})` : 'URL';
    case 'integer':
    case 'number':
    case 'port':
      return `${spec.type}${spec.min !== undefined || spec.max !== undefined ? ` (${spec.min ?? '…'}–${spec.max ?? '…'})` : ''}`;
    case 'path':
      return spec.absolutePath ? `absolute path${spec.absolutePath === 'production' ? ' in production' : ''}` : 'path';
    case 'json-list':
      return 'JSON list (`["…", "…"]`)';
    case 'comma-list':
      return 'comma-separated list';
    default:
      return spec.type;
  }
}
