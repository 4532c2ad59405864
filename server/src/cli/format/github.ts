import type { Severity } from '../../engine';
import type { Report } from '../check';
import { locationOf, oneLine } from './location';

/**
 * GitHub Actions workflow commands, one per finding: `::error file=…,line=…::message`. The runner
 * turns them into annotations on the pull request's diff. Info and hint findings are notices.
 * Skipped and unreadable files are reported on stderr, as for every format.
 */
export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.checked) {
    for (const diagnostic of file.result.diagnostics) {
      const location = locationOf(diagnostic);
      const properties = [
        `file=${escapeProperty(file.display)}`,
        `line=${location.line}`,
        `col=${location.column}`,
        `endLine=${location.endLine}`,
        `endColumn=${location.endColumn}`,
        `title=${escapeProperty(diagnostic.rule)}`,
      ].join(',');
      lines.push(`::${commandOf(diagnostic.severity)} ${properties}::${escapeData(oneLine(diagnostic.message))}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function commandOf(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/** The escaping GitHub's runner undoes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also end at `,` and the message starts after `::`, so both are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
