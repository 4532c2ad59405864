import type { Report } from '../check';
import { locationOf } from './location';

/** One finding in SPEC §5's JSON shape; `product` only when the file's product was detected. */
export interface JsonDiagnostic {
  readonly file: string;
  readonly rule: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly product?: string;
}

/** What `check --fix` changed in one file. */
export interface JsonFixedFile {
  readonly file: string;
  readonly fixes: number;
  /** Fixes per rule id. */
  readonly rules: Readonly<Record<string, number>>;
}

export interface JsonReport {
  readonly version: 1;
  readonly diagnostics: readonly JsonDiagnostic[];
  /** Only with --fix: the files written, after which `diagnostics` is what is left. */
  readonly fixed?: readonly JsonFixedFile[];
}

export function formatJson(report: Report, fixed?: readonly JsonFixedFile[]): string {
  const diagnostics: JsonDiagnostic[] = report.checked.flatMap((file) =>
    file.result.diagnostics.map((diagnostic) => ({
      file: file.display,
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      ...locationOf(diagnostic),
      message: diagnostic.message,
      ...(diagnostic.product !== undefined ? { product: diagnostic.product } : {}),
    })),
  );
  const output: JsonReport = { version: 1, diagnostics, ...(fixed ? { fixed } : {}) };
  return JSON.stringify(output) + '\n';
}
