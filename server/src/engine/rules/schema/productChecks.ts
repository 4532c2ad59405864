import { isNameOf } from '../../../../../schemas/lookup';
import type { ProductCheckFinding } from '../../../../../schemas/types';
import type { Fix, Span } from '../../types';
import type { RuleContext } from '../rule';
import { missingAnchor, type CheckedGroup } from './productSettings';
import { mayReplaceWithDerivedValue, replaceValue } from './settingEdits';

/*
 * A product's own cross-setting checks (`ProductDefinition.checks`) run once per group; each
 * rule reports the findings addressed to it, at the setting they name.
 */

const results = new WeakMap<CheckedGroup, readonly ProductCheckFinding[]>();

export function productCheckFindings(group: CheckedGroup): readonly ProductCheckFinding[] {
  let found = results.get(group);
  if (!found) {
    const { product, view } = group;
    try {
      found = product?.checks && view ? product.checks(view) : [];
    } catch {
      // A product check is data-driven code: one that fails must not take the rule down with it.
      found = [];
    }
    results.set(group, found);
  }
  return found;
}

/** Reports the product-check findings of `rule` for one group. */
export function reportProductChecks(context: RuleContext, group: CheckedGroup, rule: ProductCheckFinding['rule']): void {
  if (!group.product) return;
  for (const finding of productCheckFindings(group)) {
    if (finding.rule !== rule) continue;
    const key = finding.key;
    const settings = key === undefined ? [] : group.settings.filter((setting) => setting.occurrence.key === key || (setting.spec !== undefined && isNameOf(group.product!, setting.spec, key)));
    const setting = settings[finding.occurrence ?? 0];
    let span: Span;
    if (!setting) span = missingAnchor(context, group);
    else if (finding.at === 'key' || setting.occurrence.valueSpan.start === setting.occurrence.valueSpan.end) span = setting.occurrence.keySpan;
    else span = setting.occurrence.valueSpan;
    const fixes: Fix[] =
      setting && finding.fixValue !== undefined && !setting.fromDefault && mayReplaceWithDerivedValue(group, setting)
        ? [{ title: finding.fixTitle ?? `Set ${setting.occurrence.key} to \`${finding.fixValue}\``, isPreferred: true, edits: [replaceValue(context, group, setting, finding.fixValue, setting.spec)] }]
        : [];
    context.report({ span, message: finding.message, ...(finding.severity ? { severity: finding.severity } : {}), fixes });
  }
}
