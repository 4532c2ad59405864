import type { Severity } from '../../engine';
import type { CheckedFile, Report } from '../check';
import type { Palette } from './color';
import { countBySeverity, locationOf, oneLine, SEVERITIES } from './location';

/**
 * ESLint's "stylish" layout: a header per file with findings, one aligned row per finding
 * (`line:col  severity  message  rule-id`), then a summary line.
 */
export function formatText(report: Report, colors: Palette): string {
  const out: string[] = [];
  for (const file of report.checked) {
    if (file.result.diagnostics.length > 0) out.push('', ...fileBlock(file, colors));
  }
  const counts = countBySeverity(report);
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
  const files = report.checked.length;
  const unread = report.failed.map((file) => `${file.display} (${file.reason})`).join(', ');
  if (files === 0) {
    // "No problems" over nothing checked would read as a pass.
    out.push(colors.bold(report.failed.length > 0 ? colors.red(`✖ Nothing checked: could not read ${unread}.`) : 'No configuration files found; nothing checked.'));
  } else if (total === 0) {
    out.push(colors.green(`✔ No problems in ${files} ${files === 1 ? 'file' : 'files'}.`));
  } else {
    const parts = SEVERITIES.filter((severity) => severity === 'error' || severity === 'warning' || counts[severity] > 0).map((severity) =>
      plural(counts[severity], severity),
    );
    const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')} checked`;
    out.push('', colors.bold(counts.error > 0 ? colors.red(summary) : colors.yellow(summary)));
  }
  if (files > 0 && report.failed.length > 0) out.push(colors.red(`✖ Could not read ${unread}.`));
  return out.join('\n') + '\n';
}

function fileBlock(file: CheckedFile, colors: Palette): string[] {
  const { result } = file;
  const detected = [result.product, result.mode].filter((part): part is string => part !== undefined).join(', ');
  const header = `${colors.underline(file.display)}  ${colors.dim(`(${detected})`)}`;
  const rows = result.diagnostics.map((diagnostic) => {
    const location = locationOf(diagnostic);
    return { line: String(location.line), column: String(location.column), severity: diagnostic.severity, message: oneLine(diagnostic.message), rule: diagnostic.rule };
  });
  const width = {
    line: Math.max(...rows.map((row) => row.line.length)),
    column: Math.max(...rows.map((row) => row.column.length)),
    severity: Math.max(...rows.map((row) => row.severity.length)),
    message: Math.max(...rows.map((row) => row.message.length)),
  };
  return [
    header,
    ...rows.map((row) => {
      const position = colors.dim(`${row.line.padStart(width.line)}:${row.column.padEnd(width.column)}`);
      const severity = paint(row.severity, colors)(row.severity.padEnd(width.severity));
      return `  ${position}  ${severity}  ${row.message.padEnd(width.message)}  ${colors.dim(row.rule)}`.trimEnd();
    }),
  ];
}

function paint(severity: Severity, colors: Palette): (text: string) => string {
  switch (severity) {
    case 'error':
      return colors.red;
    case 'warning':
      return colors.yellow;
    case 'info':
      return colors.blue;
    case 'hint':
      return colors.dim;
  }
}

function plural(count: number, noun: string): string {
  if (noun === 'info') return `${count} info`;
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
