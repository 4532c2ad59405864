import { quoteToken } from '../../quote';
import { generatedSecretValue } from './generated';
import type { Fix, Severity } from '../../types';
import { defineRule } from '../rule';
import { checkedGroups } from '../schema/productSettings';
import { reportProductChecks } from '../schema/productChecks';
import { replaceValue } from '../schema/settingEdits';
import { formatFor, formatLabel, isSecretLikeKey, placeholderOrigin, weaknessOf } from './analysis';

export const secretWeak = defineRule({
  meta: {
    id: 'secret/weak',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'A secret too short or of the wrong shape for the product: a Fernet key that does not decode to 32 bytes, a short JWT secret, a weak admin password, one repeated character or low entropy.',
    fixable: true,
  },
  check(context) {
    const severity: Severity = context.mode === 'production' ? 'error' : 'warning';
    for (const group of checkedGroups(context)) {
      if (group.template) continue;
      for (const setting of group.settings) {
        const { spec, value } = setting;
        const key = setting.occurrence.key;
        if (value === undefined || value.trim() === '' || (spec ? !spec.secret : !isSecretLikeKey(key))) continue;
        // Placeholders are `secret/placeholder`'s; one finding per value.
        if (placeholderOrigin(value, spec, group.product)) continue;
        const weakness = weaknessOf(value, spec, context.mode, key);
        if (!weakness) continue;
        const product = group.product;
        const effect = spec?.secret?.weakEffect;
        const consequence = weakness.refusesStart ? effect ?? `${product?.name ?? 'the product'} refuses to start` : effect;
        const format = formatFor(key, spec);
        const issuedBy = spec?.secret?.issuedBy;
        const generated = setting.fromDefault ? undefined : generatedSecretValue(group, spec, format);
        const fixes: Fix[] =
          generated === undefined
            ? []
            : [
                {
                  title: issuedBy ? `Replace with a generated ${formatLabel(format)} (then register it with ${issuedBy})` : `Replace with a generated ${formatLabel(format)}`,
                  isPreferred: !issuedBy,
                  safety: 'secret',
                  edits: [replaceValue(context, group, setting, generated, spec)],
                },
              ];
        context.report({
          span: setting.occurrence.valueSpan,
          severity,
          message: `${quoteToken(key)} ${weakness.reason}${consequence ? `; ${consequence}` : ''}.`,
          fixes,
        });
      }
      reportProductChecks(context, group, 'secret/weak');
    }
  },
});
