import { DOCS_BASE_URL } from '../engine';
import { LineIndex } from '../text';
import type { Diagnostic } from '../types';
import type { ProjectConfig } from './parse';

export const CONFIG_RULE_ID = 'config/invalid';

/** A config file's own problems as diagnostics at their positions in it, under `config/invalid`. */
export function configDiagnostics(uri: string, text: string, config: ProjectConfig): Diagnostic[] {
  const lines = new LineIndex(text);
  return config.problems.map((problem) => ({
    uri,
    rule: CONFIG_RULE_ID,
    severity: problem.severity,
    span: problem.span,
    range: { start: lines.positionAt(problem.span.start), end: lines.positionAt(problem.span.end) },
    message: problem.message,
    related: [],
    fixes: [],
    docsUrl: `${DOCS_BASE_URL}${CONFIG_RULE_ID}.md`,
  }));
}
