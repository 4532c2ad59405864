import { directivesOf } from '../../../detect/directives';
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

/** What a check (one workspace view per check) has resolved: each file's contexts at each include depth. */
interface Resolutions {
  readonly byDepth: Map<number, WeakMap<NginxDocument, RootContext[]>>;
  /** The workspace's nginx files that have `include` directives, listed on first need. */
  includers?: readonly Includer[];
}

interface Includer {
  readonly document: NginxDocument;
  readonly path: string;
  readonly includes: readonly NginxDirective[];
}

const resolutions = new WeakMap<RuleWorkspace, Resolutions>();

/**
 * The contexts a file is read in. A `context=` comment decides; otherwise every workspace file
 * that includes it decides (a snippet included in two places is checked in both); otherwise its
 * content (`events`/`http` → main) and folder (`conf.d/`, `sites-*` → http; `snippets/` → server
 * or location), and finally the context where its top-level directives fit best.
 */
export function rootContextsOf(document: NginxDocument, workspace: RuleWorkspace): readonly RootContext[] {
  let state = resolutions.get(workspace);
  if (!state) resolutions.set(workspace, (state = { byDepth: new Map() }));
  return resolve(document, workspace, state, new Set(), 0);
}

/*
 * Includers are resolved in turn (an includer's own context decides where its `include` stands),
 * to MAX_INCLUDE_DEPTH. Only files that really include this one are followed, and each file is
 * resolved once per depth in a check; an includer already on the path is passed over (an include
 * cycle, which nginx itself refuses). Without both, every file holding an `include` was resolved
 * for every other, to the fourth power of their number.
 */
function resolve(document: NginxDocument, workspace: RuleWorkspace, state: Resolutions, visiting: Set<string>, depth: number): RootContext[] {
  const declared = declaredContext(document);
  if (declared) return [{ context: declared, reason: 'comment' }];
  if (depth >= MAX_INCLUDE_DEPTH) return [inferredContextOf(document)];
  let atDepth = state.byDepth.get(depth);
  if (!atDepth) state.byDepth.set(depth, (atDepth = new WeakMap()));
  const cached = atDepth.get(document);
  if (cached) return cached;
  visiting.add(document.uri);
  const included = includingContexts(document, workspace, state, visiting, depth);
  visiting.delete(document.uri);
  const contexts = included.length > 0 ? included : [inferredContextOf(document)];
  atDepth.set(document, contexts);
  return contexts;
}

/** `# deploy-doctor context=server` in the file's first lines. */
export function declaredContext(document: NginxDocument): NginxContext | undefined {
  const name = directivesOf(document).context;
  return name === undefined ? undefined : contextNamed(name);
}

function includingContexts(document: NginxDocument, workspace: RuleWorkspace, state: Resolutions, visiting: Set<string>, depth: number): RootContext[] {
  const ownPaths = deployedPaths(uriPath(document.uri));
  const names = (include: NginxDirective, includerPath: string) => includeMatchers(include.args[0]!.value, includerPath).some((matcher) => ownPaths.some((path) => matcher.test(path)));
  const found: RootContext[] = [];
  for (const { document: includer, path: includerPath, includes } of includersOf(workspace, state)) {
    if (visiting.has(includer.uri)) continue;
    const naming = includes.filter((directive) => names(directive, includerPath));
    if (naming.length === 0) continue;
    for (const root of resolve(includer, workspace, state, visiting, depth + 1)) {
      walkNginx(includer.ast.directives, root.context, (directive, context) => {
        if (!naming.includes(directive)) return;
        if (found.some((entry) => sameContext(entry.context, context))) return;
        found.push({ context, reason: 'include', includedFrom: { uri: includer.uri, span: directive.span } });
      });
    }
  }
  return found;
}

function includersOf(workspace: RuleWorkspace, state: Resolutions): readonly Includer[] {
  if (state.includers) return state.includers;
  const found: Includer[] = [];
  for (const uri of nginxFilesOf(workspace)) {
    const text = workspace.readText(uri);
    if (text === undefined || !/\binclude\b/.test(text)) continue;
    const document = workspace.parse(uri);
    if (document?.kind !== 'nginx') continue;
    const includes = includeDirectivesOf(document);
    if (includes.length > 0) found.push({ document, path: uriPath(uri), includes });
  }
  return (state.includers = found);
}

/** A file's `include` directives at any depth, whatever context they stand in. */
function includeDirectivesOf(document: NginxDocument): NginxDirective[] {
  const found: NginxDirective[] = [];
  const pending = [document.ast.directives];
  for (let list = pending.pop(); list; list = pending.pop()) {
    found.push(...includesIn(list));
    for (const directive of list) if (directive.block) pending.push(directive.block.children);
  }
  return found;
}

const inferred = new WeakMap<NginxDocument, RootContext>();

/** `inferredContext` of a parsed file, worked out once (every includer at the depth limit asks). */
function inferredContextOf(document: NginxDocument): RootContext {
  let context = inferred.get(document);
  if (!context) inferred.set(document, (context = inferredContext(document.ast.directives, uriPath(document.uri))));
  return context;
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
