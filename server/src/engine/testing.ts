/**
 * Helpers for tests of rules, parsers and services: check inline text against an in-memory
 * workspace and apply fixes, the way a host would. Used only by tests.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProductDefinition } from '../../../schemas/types';
import { Engine, type CheckResult, type EngineOptions } from './engine';
import type { Rule } from './rules/rule';
import { applyTextEdits } from './services/applyEdits';
import type { Diagnostic, FileKind, Mode, ProductId, ResolvedFix, ResolvedTextEdit, SeverityOverride, WorkspaceView } from './types';
import { pathToUri } from './uri';

const DEFAULT_PATHS: Record<FileKind, string> = {
  env: '/project/.env',
  toml: '/project/config.toml',
  compose: '/project/docker-compose.yml',
  nginx: '/project/nginx/nginx.conf',
};

export interface CheckTextOptions {
  /** Absolute path of the checked file; defaults to a typical name for `kind`. */
  readonly path?: string;
  /** The file kind; detected from `path` when absent. */
  readonly kind?: FileKind;
  readonly product?: ProductId;
  readonly mode?: Mode;
  /** Other files of the workspace, by absolute path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly rules?: readonly Rule[];
  readonly products?: readonly ProductDefinition[];
  readonly severities?: Readonly<Record<string, SeverityOverride>>;
  readonly nginxModules?: readonly string[];
}

/** A workspace of in-memory files keyed by absolute path. */
export function memoryWorkspace(files: Readonly<Record<string, string>> = {}): WorkspaceView {
  const byUri = new Map(Object.entries(files).map(([path, text]) => [pathToUri(path), text]));
  return { readText: (uri) => byUri.get(uri), files: () => [...byUri.keys()] };
}

export function engineFor(options: CheckTextOptions = {}): Engine {
  const engineOptions: EngineOptions = {
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.products ? { products: options.products } : {}),
    ...(options.severities ? { severities: options.severities } : {}),
    ...(options.nginxModules ? { nginxModules: options.nginxModules } : {}),
  };
  return new Engine(engineOptions);
}

/** Checks `text` as a file of `options.kind` (or the kind its path implies). */
export function checkText(text: string, options: CheckTextOptions & { kind: FileKind } | CheckTextOptions & { path: string }): CheckResult {
  const path = options.path ?? DEFAULT_PATHS[options.kind!];
  const uri = pathToUri(path);
  const workspace = memoryWorkspace({ ...options.files, [path]: text });
  return engineFor(options).check(
    { uri, text, ...(options.kind ? { kind: options.kind } : {}) },
    workspace,
    { ...(options.product ? { product: options.product } : {}), ...(options.mode ? { mode: options.mode } : {}) },
  );
}

/** The diagnostics of one rule. */
export function findingsOf(result: CheckResult, rule: string): Diagnostic[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.rule === rule);
}

/** The text a diagnostic's range covers. */
export function textOf(text: string, diagnostic: Pick<Diagnostic, 'span'>): string {
  return text.slice(diagnostic.span.start, diagnostic.span.end);
}

/** Applies edits (ranges in `text`) as an editor would: all at once, against the original text. */
export function applyEdits(text: string, edits: readonly ResolvedTextEdit[]): string {
  return applyTextEdits(text, edits);
}

/** Applies a fix's edits to the document at `uri` (text given), ignoring edits to other files. */
export function applyFix(text: string, uri: string, fix: ResolvedFix): string {
  return applyEdits(
    text,
    fix.changes.filter((change) => change.uri === uri).flatMap((change) => change.edits),
  );
}

/** Every file under `dir` whose name `matches`, recursively, sorted; none when `dir` is absent. */
export function filesUnder(dir: string, matches: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (matches(name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** A compose file's name as Compose looks for it: `compose.yaml`, `docker-compose.yml`, `docker-compose.prod.yml`… */
export const COMPOSE_FILE_NAME = /^(docker-)?compose([.-][^/]*)?\.ya?ml$/i;
