import { version } from '../../../package.json';
import { Engine } from '../engine';
import { CONFIG_RULE_META } from '../engine/config';
import { parseArgs, type CheckCommand } from './args';
import { checkPaths, hasErrors, type Report } from './check';
import { UsageError } from './errors';
import { applyFixes, fixMessages, jsonFixed, reportAfterFixes } from './fix';
import { CliConfigs } from './projectConfig';
import { COLORS, NO_COLORS, wantsColor } from './format/color';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { countBySeverity } from './format/location';
import { formatRules } from './format/rules';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { helpText } from './help';
import { progressLine } from './progress';
import { stdinFile } from './stdin';

/** Exit codes of SPEC §5. */
export const EXIT_CLEAN = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A terminal on stderr gets a progress line while a large tree is checked. */
  readonly stderrIsTty?: boolean;
  /** The text of stdin, read only for `--stdin`. */
  readonly readStdin?: () => string;
}

/**
 * The CLI without the process: arguments in, text out, exit code back. Usage errors become one
 * line on stderr and exit 2; anything else thrown is a crash for the caller to report.
 */
export function run(argv: readonly string[], output: Output, cwd: string, env: NodeJS.ProcessEnv, stdoutIsTty: boolean): number {
  const engine = new Engine();
  const products = engine.products.map((product) => product.id);
  try {
    const command = parseArgs(argv, { products, rules: [...engine.rules.map((rule) => rule.meta.id), CONFIG_RULE_META.id] });
    switch (command.name) {
      case 'help':
        output.stdout(helpText(products));
        return EXIT_CLEAN;
      case 'version':
        output.stdout(`${version}\n`);
        return EXIT_CLEAN;
      case 'rules':
        output.stdout(formatRules([...engine.rules.map((rule) => rule.meta), CONFIG_RULE_META], command.format));
        return EXIT_CLEAN;
      case 'check':
        return check(command, output, cwd, env, stdoutIsTty);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.stderr(`deploy-doctor: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function check(command: CheckCommand, output: Output, cwd: string, env: NodeJS.ProcessEnv, stdoutIsTty: boolean): number {
  const engine = new Engine({ severities: command.severities });
  const options = { ...(command.product ? { product: command.product } : {}), ...(command.mode ? { mode: command.mode } : {}) };
  const progress = progressLine((text) => output.stderr(text), output.stderrIsTty === true);
  const configs = new CliConfigs(command, engine, cwd);
  const stdin = command.stdinFilename === undefined ? undefined : stdinFile(command.stdinFilename, output.readStdin?.() ?? '', cwd);
  const checkTree = () => {
    const checked = checkPaths(engine, command.paths, options, cwd, configs, progress && ((done, total) => progress.update(done, total)), stdin);
    progress?.clear();
    return checked;
  };
  let report = checkTree();
  const fixed = command.fix ? applyFixes(command.fix, report, (path) => configs.setupFor(path)) : undefined;
  if (command.fix && fixed) {
    report = reportAfterFixes(command.fix, report, fixed, checkTree);
    for (const line of fixMessages(command.fix, fixed, command.format === 'text')) output.stderr(line);
  }

  for (const file of report.skipped) output.stderr(`deploy-doctor: skipped ${file.display}: ${file.reason}\n`);
  for (const file of report.failed) output.stderr(`deploy-doctor: ${file.display}: ${file.reason}\n`);
  for (const link of report.linksOut) output.stderr(`deploy-doctor: note: skipped ${link}: a link to outside the checked tree; not followed\n`);
  for (const file of report.sideFilesNotRead) output.stderr(`deploy-doctor: note: ${file.display} (read by a checked file): ${file.reason}\n`);
  if (report.gitignored.length > 0) output.stderr(gitignoredNote(report.gitignored));

  switch (command.format) {
    case 'json':
      output.stdout(formatJson(report, fixed?.fixed.map(jsonFixed)));
      break;
    case 'sarif':
      output.stdout(formatSarif(report, [...engine.rules.map((rule) => rule.meta), CONFIG_RULE_META], version));
      break;
    case 'github':
      output.stdout(formatGithub(report));
      break;
    case 'text':
      // --fix-dry-run (text output only) prints its diff instead of the report.
      output.stdout(fixed && command.fix?.dryRun ? fixed.diff : formatText(report, wantsColor(command.color, stdoutIsTty, env) ? COLORS : NO_COLORS));
      break;
  }
  if (report.failed.length > 0 || (fixed && fixed.notFixed.length > 0)) return EXIT_USAGE;
  if (hasErrors(report)) return EXIT_ERRORS;
  return exceedsMaxWarnings(report, command.maxWarnings, output) ? EXIT_ERRORS : EXIT_CLEAN;
}

/** ESLint's --max-warnings: more warnings than allowed fail the run, with a line saying why. */
function exceedsMaxWarnings(report: Report, maxWarnings: number | undefined, output: Output): boolean {
  if (maxWarnings === undefined) return false;
  const warnings = countBySeverity(report).warning;
  if (warnings <= maxWarnings) return false;
  output.stderr(`deploy-doctor: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${maxWarnings} allows\n`);
  return true;
}

/** `.env` files are usually gitignored: say which were left out, so nobody thinks they passed. */
function gitignoredNote(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  const more = paths.length > 5 ? ` and ${paths.length - 5} more` : '';
  return `deploy-doctor: note: .gitignore excludes ${shown}${more}; name a file to check it\n`;
}
