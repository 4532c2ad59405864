import { parseBoolean } from '../../../../../schemas/booleans';
import type { ProductDefinition, SettingSpec } from '../../../../../schemas/types';
import { booleanParsingOf } from '../../../../../schemas/values';
import { defineRule } from '../rule';
import { reportProductChecks } from '../schema/productChecks';
import { checkedGroups, isMissing, missingAnchor, occurrencesOf, type CheckedGroup } from '../schema/productSettings';
import { insertSetting, replaceValue } from '../schema/settingEdits';

/** Development switches any Node service has, checked when no product says otherwise. */
const NODE_ENV: SettingSpec = {
  key: 'NODE_ENV',
  type: 'string',
  description: 'The Node.js environment.',
  production: { value: 'production', reason: 'libraries and frameworks keep development behaviour (verbose errors, no caching) unless NODE_ENV is `production`' },
};

export const securityDevMode = defineRule({
  meta: {
    id: 'security/dev-mode',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'A production file with development switches on: FLYDESK_DEV_MODE=true, NODE_ENV not production, `[auth] enabled = false`, skipped token verification.',
    fixable: true,
  },
  check(context) {
    if (context.mode !== 'production') return;
    for (const group of checkedGroups(context)) {
      if (group.template) continue;
      const product = group.product;
      const specs = product ? product.settings.filter((spec) => spec.production) : [NODE_ENV];
      for (const spec of specs) {
        const production = spec.production!;
        const found = product ? occurrencesOf(group, spec) : group.settings.filter((setting) => setting.occurrence.key === spec.key);
        for (const setting of found) {
          if (setting.value === undefined || setting.value.trim() === '' || !isDevelopmentValue(product, spec, setting.value, group)) continue;
          context.report({
            span: setting.occurrence.valueSpan,
            message: `${setting.occurrence.key} is set to a development value in a production file: ${production.reason}. Production needs \`${production.value}\`.`,
            fixes: [{ title: `Set ${setting.occurrence.key} to \`${production.value}\``, isPreferred: true, edits: [replaceValue(context, group, setting, production.value, spec)] }],
          });
        }
        if (product && production.reportMissing && group.complete && found.length === 0 && isMissing(group, spec) && spec.default !== undefined && isDevelopmentValue(product, spec, spec.default, group)) {
          const edit = insertSetting(context, group, spec.key, production.value, spec);
          context.report({
            span: missingAnchor(context, group),
            message: `${spec.key} is not set, and ${product.name} defaults to \`${spec.default}\`: ${production.reason}. Production needs ${spec.key}=${production.value}.`,
            fixes: edit ? [{ title: `Add ${spec.key}=${production.value}`, isPreferred: true, edits: [edit] }] : [],
          });
        }
      }
      reportProductChecks(context, group, 'security/dev-mode');
    }
  },
});

/** True when `value` switches `spec` to development, as the product reads it. */
function isDevelopmentValue(product: ProductDefinition | undefined, spec: SettingSpec, value: string, group: CheckedGroup): boolean {
  const production = spec.production!;
  const text = value.trim();
  if (production.developmentValues) return production.developmentValues.some((candidate) => candidate.toLowerCase() === text.toLowerCase());
  const parsing = product ? booleanParsingOf(product, spec, group.format) : undefined;
  if (parsing) {
    const actual = parseBoolean(text, parsing);
    const wanted = parseBoolean(production.value, parsing);
    // An unparseable boolean is `schema/invalid-value`'s.
    return actual !== undefined && actual !== wanted;
  }
  return text !== production.value;
}
