import { docsUrlOf, type RuleMeta } from '../../engine';

/** `deploy-doctor rules`: one aligned line per rule, or JSON for scripts. */
export function formatRules(rules: readonly RuleMeta[], format: 'text' | 'json'): string {
  if (format === 'json') {
    const entries = rules.map((rule) => ({
      id: rule.id,
      severity: rule.defaultSeverity,
      fixable: rule.fixable,
      kinds: [...rule.kinds],
      description: rule.description,
      docs: docsUrlOf(rule.id),
    }));
    return JSON.stringify({ rules: entries }, null, 2) + '\n';
  }
  const idWidth = Math.max(0, ...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) =>
    [rule.id.padEnd(idWidth), rule.defaultSeverity.padEnd(7), (rule.fixable ? 'fix' : '').padEnd(3), rule.description, docsUrlOf(rule.id)].join('  '),
  );
  return lines.join('\n') + '\n';
}
