import { checkValue } from '../../../../../schemas/values';
import type { Fix, Severity } from '../../types';
import { defineRule } from '../rule';
import { reportProductChecks } from './productChecks';
import { checkedGroups } from './productSettings';
import { mayReplaceWithDerivedValue, replaceValue } from './settingEdits';

export const schemaInvalidValue = defineRule({
  meta: {
    id: 'schema/invalid-value',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'A value of the wrong type, enum, range or format for the product: booleans as the product parses them, integers, ports, durations, enums, URL schemes, absolute paths, UUIDs, JSON lists.',
    fixable: true,
  },
  check(context) {
    for (const group of checkedGroups(context)) {
      const product = group.product;
      if (!product) continue;
      for (const setting of group.settings) {
        const { spec, value } = setting;
        if (!spec || value === undefined) continue;
        const problem = checkValue(product, spec, { value, typedValue: setting.occurrence.typedValue, format: group.format, mode: context.mode });
        if (!problem) continue;
        const severity: Severity = problem.effect === 'ignored' || problem.effect === 'against-guide' ? 'warning' : 'error';
        const span = setting.occurrence.valueSpan.start === setting.occurrence.valueSpan.end ? setting.occurrence.keySpan : setting.occurrence.valueSpan;
        const fixes: Fix[] =
          problem.fixValue !== undefined && !setting.fromDefault && mayReplaceWithDerivedValue(group, setting)
            ? [{ title: problem.fixTitle ?? `Set ${setting.occurrence.key} to \`${problem.fixValue}\``, isPreferred: true, edits: [replaceValue(context, group, setting, problem.fixValue, spec)] }]
            : [];
        context.report({ span, severity, message: problem.message, fixes });
      }
      reportProductChecks(context, group, 'schema/invalid-value');
    }
  },
});
