import { Engine, pathToUri, uriToPath, skipReason, type CheckOptions, type CheckResult, type FileKind } from '../engine';
import { CONFIG_RULE_ID, configDiagnostics } from '../engine/config';
import { displayPath } from './paths';
import type { CliConfigs } from './projectConfig';
import type { StdinFile } from './stdin';
import { findFiles } from './walk';
import { FileSystemWorkspace } from './workspace';
import { boundaryForArguments } from './boundary';

export interface CheckedFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the current folder, `/`-separated. */
  readonly display: string;
  readonly result: CheckResult;
}

/** A file left out, and why: reported on stderr, with no effect on the exit code. */
export interface SkippedFile {
  readonly display: string;
  readonly reason: string;
}

/** A file or folder that could not be read or checked: reported on stderr, exit code 2. */
export interface FailedFile {
  readonly display: string;
  readonly reason: string;
}

export interface Report {
  readonly cwd: string;
  /** Every checked file, with or without findings, in path order. */
  readonly checked: readonly CheckedFile[];
  readonly skipped: readonly SkippedFile[];
  readonly failed: readonly FailedFile[];
  /** Files read on the side that exist but were not read (a FIFO, a device): a stderr note. */
  readonly sideFilesNotRead: readonly SkippedFile[];
  /** Links in the walk whose target leaves the checked tree, as displayed: not followed. */
  readonly linksOut: readonly string[];
  /** Configuration files (by name) that `.gitignore` kept out of the walk, to mention. */
  readonly gitignored: readonly string[];
}

/**
 * A nginx-looking text: a name whose kind this text gives but no text does is a name whose kind
 * depends on content (an extensionless file, a `.conf` outside nginx folders). Only those are
 * read before we know they are configuration files.
 */
const NGINX_PROBE = 'server {\n    listen 80;\n}\n';

/** Walks the paths, checks every configuration file found, and collects what to report. */
export function checkPaths(
  engine: Engine,
  paths: readonly string[],
  options: CheckOptions,
  cwd: string,
  configs?: CliConfigs,
  onProgress?: (done: number, total: number) => void,
  stdin?: StdinFile,
): Report {
  const boundary = boundaryForArguments(stdin ? [stdin.path] : paths, cwd);
  const walked = stdin ? { files: [{ path: stdin.path, named: true }], errors: [], gitignored: [], linksOut: [] } : findFiles(paths, cwd, boundary);
  const workspace = new FileSystemWorkspace(boundary);
  if (stdin) workspace.provide(pathToUri(stdin.path), stdin.text);
  const skipped: SkippedFile[] = [];
  const failed: FailedFile[] = walked.errors.map((error) => ({ display: error.path, reason: error.reason }));

  const configFiles: { path: string; uri: string; kind: FileKind }[] = [];
  for (const file of walked.files) {
    const uri = pathToUri(file.path);
    const kind = kindOf(engine, uri, workspace);
    if (kind) configFiles.push({ path: file.path, uri, kind });
    else if (file.named) skipped.push({ display: displayPath(file.path, cwd), reason: 'not an env, TOML, compose or nginx file; not checked' });
  }
  workspace.setFiles(configFiles.map((file) => file.uri));

  const checked: CheckedFile[] = [];
  let done = 0;
  const reportedConfigs = new Set<string>();
  const namedPaths = new Set(walked.files.filter((file) => file.named).map((file) => file.path));
  for (const { path, uri, kind } of configFiles) {
    onProgress?.(done++, configFiles.length);
    const display = displayPath(path, cwd);
    const setup = configs?.setupFor(path);
    if (setup) {
      for (const located of setup.configs) {
        if (located.path === undefined || reportedConfigs.has(located.path) || located.config.problems.length === 0) continue;
        reportedConfigs.add(located.path);
        const configUri = pathToUri(located.path);
        const text = workspace.readText(configUri) ?? '';
        const result: CheckResult = { uri: configUri, kind: undefined, product: undefined, productSource: undefined, mode: 'production', diagnostics: configDiagnostics(configUri, text, located.config, setup.engine.overrideOf(CONFIG_RULE_ID)) };
        checked.push({ path: located.path, display: displayPath(located.path, cwd), result });
      }
      // `ignore:` skips what the walk found; a file named on the command line is still checked, as ESLint does with a warning.
      if (setup.ignored && !namedPaths.has(path)) continue;
    }
    const fileEngine = setup?.engine ?? engine;
    const fileOptions = setup ? setup.options : options;
    const loaded = workspace.load(uri);
    if ('error' in loaded) {
      failed.push({ display, reason: loaded.error });
      continue;
    }
    try {
      const result = fileEngine.check({ uri, text: loaded.text, kind }, workspace, fileOptions);
      if (result.skipped) skipped.push({ display, reason: result.skipped });
      else checked.push({ path, display, result });
    } catch (error) {
      // The engine promises not to throw; if it does, say so without its message (it may quote a secret).
      failed.push({ display, reason: `internal error (${error instanceof Error ? error.name : typeof error}); not checked` });
    }
  }
  onProgress?.(done, configFiles.length);
  const gitignored = walked.gitignored.filter((path) => engine.kindOf(pathToUri(path), undefined)).map((path) => displayPath(path, cwd));
  const sideFilesNotRead = workspace.sideFilesNotRead().map(({ uri, reason }) => ({ display: displayUri(uri, cwd), reason }));
  return { cwd, checked, skipped, failed, sideFilesNotRead, linksOut: walked.linksOut, gitignored };
}

function displayUri(uri: string, cwd: string): string {
  const path = uriToPath(uri);
  return path === undefined ? uri : displayPath(path, cwd);
}

/** The file's kind, reading its content only when its name leaves the kind open. */
function kindOf(engine: Engine, uri: string, workspace: FileSystemWorkspace): FileKind | undefined {
  const byName = engine.kindOf(uri, undefined);
  if (byName || !engine.kindOf(uri, NGINX_PROBE)) return byName;
  const text = workspace.readText(uri);
  // A binary or huge file is not sniffed, as the engine does not sniff it either.
  return text === undefined || skipReason(text) ? undefined : engine.kindOf(uri, text);
}

export function hasErrors(report: Report): boolean {
  return report.checked.some((file) => file.result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
}
