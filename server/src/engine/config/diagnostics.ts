import { DOCS_BASE_URL } from '../engine';
import { LineIndex } from '../text';
import type { RuleMeta } from '../rules/rule';
import type { Diagnostic, SeverityOverride } from '../types';
import type { ProjectConfig } from './parse';

export const CONFIG_RULE_ID = 'config/invalid';

/** What SARIF's rule list says of the config file's own problems, which no file rule reports. */
export const CONFIG_RULE_META: RuleMeta = {
  id: CONFIG_RULE_ID,
  kinds: [],
  defaultSeverity: 'error',
  description: 'A mistake in `.deploy-doctor.yaml`: a YAML error, an unknown key, rule id, severity, product or type, or a bad glob.',
  fixable: false,
};

/** A config file's own problems as diagnostics at their positions in it, under `config/invalid`, at the user's override if one is set. */
export function configDiagnostics(uri: string, text: string, config: ProjectConfig, override?: SeverityOverride): Diagnostic[] {
  if (override === 'off') return [];
  const lines = new LineIndex(text);
  return config.problems.map((problem) => ({
    uri,
    rule: CONFIG_RULE_ID,
    severity: override ?? problem.severity,
    span: problem.span,
    range: { start: lines.positionAt(problem.span.start), end: lines.positionAt(problem.span.end) },
    message: problem.message,
    related: [],
    fixes: [],
    docsUrl: `${DOCS_BASE_URL}${CONFIG_RULE_ID}.md`,
  }));
}
