import type { SettingSpec } from '../../../../../schemas/types';
import { describeRequirement, isRequired } from '../../../../../schemas/view';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { reportProductChecks } from './productChecks';
import { checkedGroups, isMissing, missingAnchor, occurrencesOf } from './productSettings';
import { insertSetting, replaceValue } from './settingEdits';
import { quoteToken } from '../../quote';

export const schemaMissingRequired = defineRule({
  meta: {
    id: 'schema/missing-required',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'A (non-secret) setting the product requires in this mode is absent or empty: OIDC settings when dev mode is off, the tenant id for Microsoft, DATABASE_URL in production, S3 settings for S3 storage.',
    fixable: true,
  },
  check(context) {
    for (const group of checkedGroups(context)) {
      const { product, view } = group;
      if (!product || !view) continue;
      if (group.complete) {
        for (const spec of product.settings) {
          if (spec.secret || spec.keyPattern || !isRequired(product, spec, view) || !isMissing(group, spec)) continue;
          const present = occurrencesOf(group, spec)[0];
          const when = describeRequirement(spec.required);
          const where = group.format === 'compose' ? ` in service \`${quoteToken(group.group.scope ?? '')}\`` : '';
          const reason = spec.requiredReason ? `: ${spec.requiredReason}` : '';
          const value = startingValue(spec);
          const edit = present ? replaceValue(context, group, present, value, spec) : insertSetting(context, group, spec.key, value, spec);
          const fixes: Fix[] = edit ? [{ title: value ? `${present ? 'Set' : 'Add'} ${spec.key}=${value} (then fill in your value)` : `Add ${spec.key}= (then fill in its value)`, isPreferred: true, safety: 'choice', edits: [edit] }] : [];
          context.report({
            span: present ? present.occurrence.keySpan : missingAnchor(context, group),
            message: `${product.name} requires ${spec.key}${when && when !== 'always' ? ` ${when}` : ''}${where}, and it is ${present ? 'empty' : 'not set'}${reason}.`,
            fixes,
          });
        }
      }
      reportProductChecks(context, group, 'schema/missing-required');
    }
  },
});

/** A value to fill in: the spec's example, an origin for CORS lists, the first enum value. Never a secret. */
function startingValue(spec: SettingSpec): string {
  if (spec.example !== undefined) return spec.example;
  if (spec.type === 'json-list' && spec.cors) return '["https://your-site.example"]';
  if (spec.cors) return 'https://your-site.example';
  if (spec.type === 'enum') return spec.enum![0]!;
  if (spec.type === 'url' && spec.schemes) return `${spec.schemes[0]}://`;
  if (spec.type === 'url') return 'https://';
  return '';
}
