import { generateKey } from '../../keygen';
import { quoteToken } from '../../quote';
import type { Fix, TextEdit } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { checkedGroups, type CheckedGroup, type CheckedSetting } from '../schema/productSettings';
import { replaceValue } from '../schema/settingEdits';
import { generatedSecretValue } from './generated';
import { describeOrigin, formatFor, formatLabel, isSecretLikeKey, placeholderOrigin } from './analysis';

export const secretPlaceholder = defineRule({
  meta: {
    id: 'secret/placeholder',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'A secret set to a known default or placeholder value (from the guides, the products or common examples).',
    fixable: true,
  },
  check(context) {
    for (const group of checkedGroups(context)) {
      if (group.template) continue;
      for (const setting of group.settings) {
        const { spec, value } = setting;
        const key = setting.occurrence.key;
        if (value !== undefined && !setting.fromDefault) reportUrlPassword(context, group, setting);
        if (value === undefined || (spec ? !spec.secret : !isSecretLikeKey(key))) continue;
        const origin = placeholderOrigin(value, spec, group.product);
        if (!origin) continue;
        const format = formatFor(key, spec);
        const issuedBy = spec?.secret?.issuedBy;
        const consequence = issuedBy
          ? `replace it with the value ${issuedBy} issued`
          : 'anyone who read the same guide knows it; generate a real one';
        const fixes: Fix[] = [];
        if (setting.fromDefault) {
          const edit = requireVariableEdit(setting.written, setting.occurrence.valueSpan);
          // A choice: Compose then refuses to start until someone sets the variable in `.env`.
          if (edit) fixes.push({ title: 'Require the variable instead of falling back to the placeholder', isPreferred: true, safety: 'choice', edits: [edit] });
          context.report({
            span: setting.occurrence.valueSpan,
            severity: context.mode === 'production' ? 'error' : 'warning',
            message: `${quoteToken(key)} falls back to ${describeOrigin(origin, group.product)} when the variable is not set in .env: ${consequence}.`,
            fixes,
          });
          continue;
        }
        const generated = generatedSecretValue(group, spec, format);
        if (generated !== undefined) {
          fixes.push({
            title: issuedBy ? `Replace with a generated ${formatLabel(format)} (then register it with ${issuedBy})` : `Replace with a generated ${formatLabel(format)}`,
            isPreferred: !issuedBy,
            safety: 'secret',
            edits: [replaceValue(context, group, setting, generated, spec)],
          });
        }
        context.report({
          span: setting.occurrence.valueSpan,
          severity: context.mode === 'production' ? 'error' : 'warning',
          message: `${quoteToken(key)} is set to ${describeOrigin(origin, group.product)}: ${consequence}.`,
          fixes,
        });
      }
    }
  },
});

/**
 * A placeholder password inside a connection URL (`postgres://user:strong_password@db/app`):
 * reported at the password only, replaced by a generated hex key (no characters to escape).
 */
function reportUrlPassword(context: RuleContext, group: CheckedGroup, setting: CheckedSetting): void {
  if (!setting.written.includes('@')) return;
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@/\s]+)@/i.exec(setting.written.replace(/^["']/, ''));
  if (!match || /\$/.test(match[2]!)) return;
  const password = safeDecode(match[2]!);
  const origin = placeholderOrigin(password, undefined, group.product);
  if (!origin) return;
  const quoteOffset = /^["']/.test(setting.written) ? 1 : 0;
  const start = setting.occurrence.valueSpan.start + quoteOffset + match[1]!.length;
  const span = { start, end: start + match[2]!.length };
  context.report({
    span,
    severity: context.mode === 'production' ? 'error' : 'warning',
    message: `The password in ${quoteToken(setting.occurrence.key)} is ${describeOrigin(origin, group.product)}: set a real database password (and the same one on the database server).`,
    fixes: [{ title: 'Replace the password with a generated hex key (32 bytes)', isPreferred: false, safety: 'secret', edits: [{ span, newText: generateKey('hex-32') }] }],
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `${VAR:-placeholder}` → `${VAR:?VAR must be set}`: Compose then refuses to start without it. */
function requireVariableEdit(written: string, span: TextEdit['span']): TextEdit | undefined {
  const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?-[^}]*\}$/.exec(written.replace(/^["']|["']$/g, ''));
  if (!match) return undefined;
  const offset = written.startsWith('"') || written.startsWith("'") ? 1 : 0;
  const inner = written.slice(offset, written.length - offset);
  return { span: { start: span.start + offset, end: span.start + offset + inner.length }, newText: `\${${match[1]}:?${match[1]} must be set}` };
}
