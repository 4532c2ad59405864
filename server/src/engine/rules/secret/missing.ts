import { describeRequirement, isRequired } from '../../../../../schemas/view';
import { generatedSecretValue } from './generated';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { checkedGroups, isMissing, missingAnchor, occurrencesOf } from '../schema/productSettings';
import { insertSetting, replaceValue } from '../schema/settingEdits';
import { formatLabel } from './analysis';
import { quoteToken } from '../../quote';

export const secretMissing = defineRule({
  meta: {
    id: 'secret/missing',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'A secret the product requires in this mode is absent or empty.',
    fixable: true,
  },
  check(context) {
    for (const group of checkedGroups(context)) {
      const { product, view } = group;
      if (!product || !view || !group.complete) continue;
      for (const spec of product.settings) {
        if (!spec.secret || spec.keyPattern || !isRequired(product, spec, view) || !isMissing(group, spec)) continue;
        const present = occurrencesOf(group, spec)[0];
        const where = group.format === 'compose' ? ` in service \`${quoteToken(group.group.scope ?? '')}\`` : '';
        const reason = spec.requiredReason ? `: ${spec.requiredReason}` : '';
        const when = describeRequirement(spec.required);
        const message = `${product.name} needs ${spec.key}${when && when !== 'always' ? ` ${when}` : ''}${where}, and it is ${present ? 'empty' : 'not set'}${reason}.`;
        const fixes: Fix[] = [];
        const value = spec.secret.issuedBy ? undefined : generatedSecretValue(group, spec, spec.secret.format);
        if (value !== undefined) {
          const edit = present ? replaceValue(context, group, present, value, spec) : insertSetting(context, group, spec.key, value, spec);
          if (edit) fixes.push({ title: `${present ? 'Set' : 'Add'} ${spec.key} with a generated ${formatLabel(spec.secret.format)}`, isPreferred: true, safety: 'secret', edits: [edit] });
        }
        context.report({
          span: present ? present.occurrence.keySpan : missingAnchor(context, group),
          message: spec.secret.issuedBy ? `${message} Paste the value ${spec.secret.issuedBy} issued.` : message,
          fixes,
        });
      }
    }
  },
});
