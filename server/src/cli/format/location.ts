import type { Diagnostic, Severity } from '../../engine';
import type { Report } from '../check';

/**
 * A diagnostic's range as command-line tools print it: 1-based lines and columns, columns in
 * UTF-16 code units (as the editor counts them), the end column one past the last character
 * (ESLint's and SARIF's convention: a value in columns 12–31 ends at 32).
 */
export interface Location {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function locationOf(diagnostic: Diagnostic): Location {
  const { start, end } = diagnostic.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function countBySeverity(report: Report): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of report.checked) for (const diagnostic of file.result.diagnostics) counts[diagnostic.severity]++;
  return counts;
}

/** Messages are printed on one line: a line break inside one would break every format's layout. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
