import { readDirectives } from '../../../detect/directives';
import type { ParsedDocumentOf } from '../../../document';
import type { NginxDirective } from '../../../parsers/nginx/ast';
import { MAIN_CONTEXT, allows, contextNamed, walkNginx, type NginxContext } from '../../../parsers/nginx/context';
import { entriesOf } from '../../../parsers/nginx/reference';
import type { Span } from '../../../types';
import { uriPath } from '../../../uri';
import type { RuleWorkspace } from '../../rule';
import { deployedPaths, includeMatchers, includesIn, nginxFilesOf } from './includes';

export type NginxDocument = ParsedDocumentOf<'nginx'>;

/** The context a file's top-level directives stand in, and how that was decided. */
export interface RootContext {
  readonly context: NginxContext;
  /** `comment`: `# deploy-doctor context=…`; `include`: a workspace file includes it; `content`/`path`: inferred. */
  readonly reason: 'comment' | 'include' | 'content' | 'path';
  readonly includedFrom?: { readonly uri: string; readonly span: Span };
}

const HTTP = contextNamed('http')!;
const SERVER = contextNamed('server')!;
const LOCATION = contextNamed('location')!;
const HTTP_FOLDER = /(^|\/)(conf\.d|sites-[^/]+|http\.d|vhosts?\.d)\//;
const SNIPPET_FOLDER = /(^|\/)snippets\//;
const MAX_INCLUDE_DEPTH = 4;

const cache = new WeakMap<RuleWorkspace, WeakMap<NginxDocument, readonly RootContext[]>>();

/**
 * The contexts a file is read in. A `context=` comment decides; otherwise every workspace file
 * that includes it decides (a snippet included in two places is checked in both); otherwise its
 * content (`events`/`http` → main) and folder (`conf.d/`, `sites-*` → http; `snippets/` → server
 * or location), and finally the context where its top-level directives fit best.
 */
export function rootContextsOf(document: NginxDocument, workspace: RuleWorkspace): readonly RootContext[] {
  let perWorkspace = cache.get(workspace);
  if (!perWorkspace) cache.set(workspace, (perWorkspace = new WeakMap()));
  const cached = perWorkspace.get(document);
  if (cached) return cached;
  const result = resolve(document, workspace, new Set(), 0);
  perWorkspace.set(document, result);
  return result;
}

function resolve(document: NginxDocument, workspace: RuleWorkspace, visiting: Set<string>, depth: number): RootContext[] {
  const declared = declaredContext(document);
  if (declared) return [{ context: declared, reason: 'comment' }];
  if (depth < MAX_INCLUDE_DEPTH) {
    visiting.add(document.uri);
    const included = includingContexts(document, workspace, visiting, depth);
    visiting.delete(document.uri);
    if (included.length > 0) return included;
  }
  return [inferredContext(document.ast.directives, uriPath(document.uri))];
}

/** `# deploy-doctor context=server` in the file's first lines. */
export function declaredContext(document: NginxDocument): NginxContext | undefined {
  const name = readDirectives(document.ast.comments, (offset) => document.lines.positionAt(offset).line).context;
  return name === undefined ? undefined : contextNamed(name);
}

function includingContexts(document: NginxDocument, workspace: RuleWorkspace, visiting: Set<string>, depth: number): RootContext[] {
  const ownPaths = deployedPaths(uriPath(document.uri));
  const found: RootContext[] = [];
  for (const uri of nginxFilesOf(workspace)) {
    if (visiting.has(uri)) continue;
    const text = workspace.readText(uri);
    if (text === undefined || !/\binclude\b/.test(text)) continue;
    const includer = workspace.parse(uri);
    if (!includer || includer.kind !== 'nginx') continue;
    const includerPath = uriPath(uri);
    for (const root of resolve(includer, workspace, visiting, depth + 1)) {
      walkNginx(includer.ast.directives, root.context, ({ directive, context }) => {
        if (includesIn([directive]).length === 0) return;
        const matchers = includeMatchers(directive.args[0]!.value, includerPath);
        if (!ownPaths.some((path) => matchers.some((matcher) => matcher.test(path)))) return;
        if (found.some((entry) => sameContext(entry.context, context))) return;
        found.push({ context, reason: 'include', includedFrom: { uri, span: directive.span } });
      });
    }
  }
  return found;
}

/** Infers the context from the top-level directives and the file's folder. */
export function inferredContext(directives: readonly NginxDirective[], path: string): RootContext {
  const names = directives.filter((directive) => !directive.placeholder).map((directive) => directive.name);
  if (names.some((name) => ['events', 'http', 'stream', 'mail'].includes(name) || mainOnly(name))) return { context: MAIN_CONTEXT, reason: 'content' };
  if (HTTP_FOLDER.test(path)) return { context: HTTP, reason: 'path' };
  const candidates = SNIPPET_FOLDER.test(path) ? [SERVER, LOCATION] : [HTTP, SERVER, LOCATION];
  let best = candidates[0]!;
  let fewest = Infinity;
  for (const candidate of candidates) {
    const misplaced = names.filter((name) => {
      const entries = entriesOf(name);
      return entries.length > 0 && !entries.some((entry) => allows(entry, candidate));
    }).length;
    if (misplaced < fewest) {
      best = candidate;
      fewest = misplaced;
    }
  }
  return { context: best, reason: SNIPPET_FOLDER.test(path) ? 'path' : 'content' };
}

/** A directive only the main context takes (`worker_processes`, `user`, `load_module`). */
function mainOnly(name: string): boolean {
  const entries = entriesOf(name);
  return entries.length > 0 && entries.every((entry) => entry.contexts.length > 0 && entry.contexts.every((context) => context === 'main'));
}

function sameContext(a: NginxContext, b: NginxContext): boolean {
  return a.name === b.name && a.family === b.family && a.kind === b.kind;
}

/** "included in `server` by nginx.conf", for messages that depend on where a file is included. */
export function describeRoot(root: RootContext): string {
  if (root.reason !== 'include' || !root.includedFrom) return '';
  const name = uriPath(root.includedFrom.uri).split('/').pop();
  return ` (this file is included there by ${name})`;
}
