import type { Mode, SeverityOverride } from '../engine';
import { UsageError } from './errors';
import { parseFixRequest, type FixRequest } from './fixOptions';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];
const MODES: readonly Mode[] = ['production', 'development'];
const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];

export type ColorChoice = 'auto' | 'always' | 'never';

export interface CheckCommand {
  readonly name: 'check';
  readonly format: OutputFormat;
  readonly product: string | undefined;
  readonly mode: Mode | undefined;
  readonly severities: Readonly<Record<string, SeverityOverride>>;
  readonly color: ColorChoice;
  /** Exit 1 when there are more warnings than this (ESLint's --max-warnings); undefined: no limit. */
  readonly maxWarnings: number | undefined;
  /** `--config PATH` (one config for every file), `--no-config`, or discovery per file. */
  readonly config: { readonly kind: 'discover' } | { readonly kind: 'none' } | { readonly kind: 'file'; readonly path: string };
  /** `--fix` / `--fix-dry-run` with `--fix-type`; undefined: only check. */
  readonly fix: FixRequest | undefined;
  /** `--stdin --stdin-filename NAME`: check stdin's text as the file NAME (kind, product, side files). */
  readonly stdinFilename: string | undefined;
  /** As the user wrote them; `.` when none were given. */
  readonly paths: readonly string[];
}

export interface RulesCommand {
  readonly name: 'rules';
  readonly format: 'text' | 'json';
}

export type Command = CheckCommand | RulesCommand | { readonly name: 'help' } | { readonly name: 'version' };

/** What the arguments are checked against: the ids the engine knows. */
export interface KnownIds {
  readonly products: readonly string[];
  readonly rules: readonly string[];
}

/** Options that take a value, and flags; anything else starting with `-` is a mistake. */
const VALUE_OPTIONS: Readonly<Record<string, string>> = { '--format': '--format', '-f': '--format', '--product': '--product', '--mode': '--mode', '--rule': '--rule', '--max-warnings': '--max-warnings', '--config': '--config', '--fix-type': '--fix-type', '--stdin-filename': '--stdin-filename' };
const FLAGS: Readonly<Record<string, string>> = { '--help': '--help', '-h': '--help', '--version': '--version', '-v': '--version', '--color': '--color', '--no-color': '--no-color', '--no-config': '--no-config', '--fix': '--fix', '--fix-dry-run': '--fix-dry-run', '--stdin': '--stdin' };
const CHECK_OPTIONS = ['--format', '--product', '--mode', '--rule', '--color', '--no-color', '--max-warnings', '--config', '--no-config', '--fix', '--fix-dry-run', '--fix-type', '--stdin', '--stdin-filename'];
const RULES_OPTIONS = ['--format'];

interface ParsedOption {
  readonly name: string;
  readonly value: string;
}

/**
 * Parses `process.argv.slice(2)`. Options take their value as the next argument or after `=`;
 * `--` ends the options. Every mistake is a `UsageError` naming the option.
 */
export function parseArgs(argv: readonly string[], known: KnownIds): Command {
  const { options, positionals } = tokenize(argv);
  const has = (name: string) => options.some((option) => option.name === name);
  if (has('--help')) return { name: 'help' };
  if (has('--version')) return { name: 'version' };

  const [command, ...paths] = positionals;
  switch (command) {
    case undefined:
      throw new UsageError('missing command; expected `check` or `rules` (see --help)');
    case 'help':
      return { name: 'help' };
    case 'check':
      allowOnly(options, CHECK_OPTIONS, command);
      return parseCheck(options, paths, known);
    case 'rules': {
      allowOnly(options, RULES_OPTIONS, command);
      if (paths.length > 0) throw new UsageError(`\`rules\` takes no paths (got \`${paths[0]}\`)`);
      const format = single(options, '--format') ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format: \`${format}\` is not a format of \`rules\`; use text or json`);
      return { name: 'rules', format };
    }
    default:
      throw new UsageError(`unknown command \`${command}\`; expected \`check\` or \`rules\` (see --help)`);
  }
}

function parseCheck(options: readonly ParsedOption[], paths: readonly string[], known: KnownIds): CheckCommand {
  const format = single(options, '--format') ?? 'text';
  if (!isOneOf(format, OUTPUT_FORMATS)) throw new UsageError(`--format: unknown format \`${format}\`; use ${OUTPUT_FORMATS.join(', ')}`);

  const product = single(options, '--product');
  if (product !== undefined && !known.products.includes(product)) {
    throw new UsageError(`--product: unknown product \`${product}\`; use one of ${known.products.join(', ')}`);
  }
  const mode = single(options, '--mode');
  if (mode !== undefined && !isOneOf(mode, MODES)) throw new UsageError(`--mode: unknown mode \`${mode}\`; use ${MODES.join(' or ')}`);

  const severities: Record<string, SeverityOverride> = {};
  const settings = options.filter((option) => option.name === '--rule').flatMap((option) => option.value.split(','));
  for (const setting of settings) {
    const match = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(setting);
    if (!match) throw new UsageError(`--rule: expected \`rule-id=severity\`, got \`${setting}\``);
    const id = match[1]!;
    const severity = match[2]!;
    if (!known.rules.includes(id)) throw new UsageError(`--rule: unknown rule \`${id}\` (see \`deploy-doctor rules\`)`);
    if (!isOneOf(severity, SEVERITY_OVERRIDES)) {
      throw new UsageError(`--rule: unknown severity \`${severity}\` for ${id}; use ${SEVERITY_OVERRIDES.join(', ')}`);
    }
    severities[id] = severity;
  }

  // The last of --color / --no-color wins, as in most tools.
  const colorFlags = options.filter((option) => option.name === '--color' || option.name === '--no-color');
  const lastColor = colorFlags[colorFlags.length - 1]?.name;
  const color: ColorChoice = lastColor === '--color' ? 'always' : lastColor === '--no-color' ? 'never' : 'auto';

  const maxWarningsText = single(options, '--max-warnings');
  if (maxWarningsText !== undefined && !/^\d+$/.test(maxWarningsText)) {
    throw new UsageError(`--max-warnings: expected a whole number of warnings, got \`${maxWarningsText}\``);
  }
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);

  const configPath = single(options, '--config');
  const noConfig = options.some((option) => option.name === '--no-config');
  if (configPath !== undefined && noConfig) throw new UsageError('--config and --no-config exclude each other');
  const config: CheckCommand['config'] = configPath !== undefined ? { kind: 'file', path: configPath } : noConfig ? { kind: 'none' } : { kind: 'discover' };

  const fix = parseFixRequest(
    options.some((option) => option.name === '--fix'),
    options.some((option) => option.name === '--fix-dry-run'),
    options.filter((option) => option.name === '--fix-type').map((option) => option.value),
    format,
  );

  const stdinFilename = parseStdin(options, paths);
  if (stdinFilename !== undefined && fix) throw new UsageError('--stdin cannot be combined with --fix or --fix-dry-run: there is no file to write');
  return { name: 'check', format, product, mode, severities, color, maxWarnings, config, fix, stdinFilename, paths: paths.length > 0 ? paths : ['.'] };
}

function parseStdin(options: readonly ParsedOption[], paths: readonly string[]): string | undefined {
  const filename = single(options, '--stdin-filename');
  if (!options.some((option) => option.name === '--stdin')) {
    if (filename !== undefined) throw new UsageError('--stdin-filename needs --stdin');
    return undefined;
  }
  if (filename === undefined || filename === '') throw new UsageError('--stdin needs --stdin-filename NAME: the file name decides the kind of configuration');
  if (paths.length > 0) throw new UsageError(`--stdin takes no paths (got \`${paths[0]}\`)`);
  return filename;
}

function tokenize(argv: readonly string[]): { options: ParsedOption[]; positionals: string[] } {
  const options: ParsedOption[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = equals > 0 ? arg.slice(0, equals) : arg;
    const valueOption = VALUE_OPTIONS[written];
    const flag = FLAGS[written];
    if (valueOption) {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${written} needs a value`);
      options.push({ name: valueOption, value });
    } else if (flag) {
      if (equals > 0) throw new UsageError(`${written} takes no value`);
      options.push({ name: flag, value: '' });
    } else {
      throw new UsageError(`unknown option \`${written}\` (see --help)`);
    }
  }
  return { options, positionals };
}

function allowOnly(options: readonly ParsedOption[], allowed: readonly string[], command: string): void {
  const stray = options.find((option) => !allowed.includes(option.name));
  if (stray) throw new UsageError(`${stray.name} is not an option of \`${command}\``);
}

function single(options: readonly ParsedOption[], name: string): string | undefined {
  const values = options.filter((option) => option.name === name);
  if (values.length > 1) throw new UsageError(`${name} given more than once`);
  return values[0]?.value;
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
