import type { NginxDirective } from './ast';
import { entriesOf, nginxReference, type DirectiveEntry, type NginxFamily } from './reference';

/**
 * Where a directive stands, as nginx sees it while reading: the reference's context name plus
 * the family of the enclosing configuration, because the names alone are ambiguous (`server`
 * is an http, a stream and a mail block).
 */
export interface NginxContext {
  /** The reference's name: `main`, `events`, `http`, `server`, `location`, `if`, `if in location`, `upstream`, … */
  readonly name: string;
  readonly family: NginxFamily;
  /**
   * `directives`: the block holds directives. `data`: it holds entries nginx reads itself
   * (`map`, `types`, `geo`, `split_clients`…). `unknown`: the block of an unknown directive.
   */
  readonly kind: 'directives' | 'data' | 'unknown';
}

export const MAIN_CONTEXT: NginxContext = { name: 'main', family: 'core', kind: 'directives' };

const NAMED_CONTEXTS: Readonly<Record<string, NginxContext>> = {
  main: MAIN_CONTEXT,
  events: { name: 'events', family: 'core', kind: 'directives' },
  http: { name: 'http', family: 'http', kind: 'directives' },
  server: { name: 'server', family: 'http', kind: 'directives' },
  location: { name: 'location', family: 'http', kind: 'directives' },
  if: { name: 'if in location', family: 'http', kind: 'directives' },
  upstream: { name: 'upstream', family: 'http', kind: 'directives' },
  limit_except: { name: 'limit_except', family: 'http', kind: 'directives' },
  stream: { name: 'stream', family: 'stream', kind: 'directives' },
  mail: { name: 'mail', family: 'mail', kind: 'directives' },
};

/** The context a `# deploy-doctor context=…` comment names (`server` means an http server). */
export function contextNamed(name: string): NginxContext | undefined {
  return Object.prototype.hasOwnProperty.call(NAMED_CONTEXTS, name) ? NAMED_CONTEXTS[name] : undefined;
}

/** Human name of a context for messages: `server`, `if` inside `location`… */
export function contextLabel(context: NginxContext): string {
  if (context.name === 'if in location') return '`if` inside `location`';
  if (context.name === 'if') return '`if` inside `server`';
  const family = context.family !== 'http' && context.family !== 'core' && context.name !== context.family ? ` (${context.family})` : '';
  return `\`${context.name}\`${family}`;
}

/** True when nginx accepts the entry's directive in `context`. */
export function allows(entry: DirectiveEntry, context: NginxContext): boolean {
  if (context.kind !== 'directives') return false;
  if (entry.contexts.includes('')) return true; // `include`: anywhere
  const inIfInLocation = context.name === 'if in location';
  let accepted = false;
  for (const name of entry.contexts) {
    if (name === context.name || (inIfInLocation && name === 'if')) {
      accepted = true;
      break;
    }
  }
  if (!accepted) return false;
  return context.family === 'core' || entry.family === 'core' || entry.family === context.family;
}

/**
 * Answers of `entriesIn`, one array per directive name and context: asked for every directive by
 * several rules per check, and the same array lets `arguments.ts` remember its shapes. Bounded,
 * since names come from the file.
 */
const entriesInCache = new Map<string, Map<string, readonly DirectiveEntry[]>>();
let entriesInCacheSize = 0;
const ENTRIES_IN_CACHE_SIZE = 10_000;
/** Each context object's cache key, made once: a walk gives every directive of a block the same object. */
const contextKeys = new WeakMap<NginxContext, string>();

/** The reference entries of `name` that nginx accepts in `context`. */
export function entriesIn(name: string, context: NginxContext): readonly DirectiveEntry[] {
  let contextKey = contextKeys.get(context);
  if (contextKey === undefined) contextKeys.set(context, (contextKey = `${context.name}\0${context.family}\0${context.kind}`));
  let byName = entriesInCache.get(contextKey);
  if (!byName) entriesInCache.set(contextKey, (byName = new Map()));
  let entries = byName.get(name);
  if (!entries) {
    entries = allowedEntries(name, context);
    if (entriesInCacheSize >= ENTRIES_IN_CACHE_SIZE) {
      entriesInCache.clear();
      entriesInCacheSize = 0;
      entriesInCache.set(contextKey, (byName = new Map()));
    }
    byName.set(name, entries);
    entriesInCacheSize++;
  }
  return entries;
}

// Apart from `entriesIn`: a closure over a parameter makes V8 allocate the function's context on
// every call, also on the cached path taken for nearly every directive.
function allowedEntries(name: string, context: NginxContext): readonly DirectiveEntry[] {
  return entriesOf(name).filter((entry) => allows(entry, context));
}

/**
 * Answers of `blockContext` by parent context and block name: asked for every block of every
 * walk, and one object per context lets `entriesIn` key its cache by object. Bounded per parent,
 * since names come from the file.
 */
const blockContexts = new WeakMap<NginxContext, Map<string, NginxContext>>();
const BLOCK_CONTEXTS_SIZE = 1_024;

/** The context inside a block directive's `{ … }`. */
export function blockContext(parent: NginxContext, directive: NginxDirective): NginxContext {
  let byName = blockContexts.get(parent);
  if (!byName) blockContexts.set(parent, (byName = new Map()));
  let context = byName.get(directive.name);
  if (!context) {
    if (byName.size >= BLOCK_CONTEXTS_SIZE) byName.clear();
    context = contextInside(parent, directive);
    byName.set(directive.name, context);
  }
  return context;
}

function contextInside(parent: NginxContext, directive: NginxDirective): NginxContext {
  if (parent.kind !== 'directives') return { name: directive.name, family: parent.family, kind: 'unknown' };
  const candidates = entriesOf(directive.name).filter((entry) => entry.isBlock);
  const entry = candidates.find((candidate) => allows(candidate, parent)) ?? candidates[0];
  if (!entry) return { name: directive.name, family: parent.family, kind: 'unknown' };
  const family = entry.family === 'core' ? parent.family : entry.family;
  if (directive.name === 'if') {
    return { name: parent.name === 'location' || parent.name === 'if in location' ? 'if in location' : 'if', family: 'http', kind: 'directives' };
  }
  const kind = nginxReference().contextNames.has(directive.name) ? 'directives' : 'data';
  return { name: directive.name, family, kind };
}

/** Called with a directive, the context it stands in, and its enclosing block directives, outermost first. */
export type DirectiveVisitor = (directive: NginxDirective, context: NginxContext, parents: readonly NginxDirective[]) => void;

/** Directives `list[from .. to)`, which stand in the same context inside the same blocks. */
export interface DirectiveRun {
  readonly list: readonly NginxDirective[];
  readonly from: number;
  readonly to: number;
  readonly context: NginxContext;
  readonly parents: readonly NginxDirective[];
}

/**
 * Every directive in document order, as runs of siblings: a run ends after a block directive,
 * whose children come next. One object per block, not per directive, for the walks that are kept.
 * Iterative, so deep nesting is safe.
 */
export function directiveRuns(directives: readonly NginxDirective[], root: NginxContext): DirectiveRun[] {
  const runs: DirectiveRun[] = [];
  const stack: { list: readonly NginxDirective[]; index: number; context: NginxContext; parents: readonly NginxDirective[] }[] = [
    { list: directives, index: 0, context: root, parents: [] },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const from = frame.index;
    let opened: NginxDirective | undefined;
    while (frame.index < frame.list.length && !opened) {
      const directive = frame.list[frame.index++]!;
      if (directive.block && directive.block.children.length > 0) opened = directive;
    }
    if (frame.index > from) runs.push({ list: frame.list, from, to: frame.index, context: frame.context, parents: frame.parents });
    if (opened) {
      stack.push({ list: opened.block!.children, index: 0, context: blockContext(frame.context, opened), parents: [...frame.parents, opened] });
    } else {
      stack.pop();
    }
  }
  return runs;
}

/** Calls `visit` for the directives of `runs`, in order. */
export function visitRuns(runs: readonly DirectiveRun[], visit: DirectiveVisitor): void {
  for (const run of runs) {
    for (let index = run.from; index < run.to; index++) visit(run.list[index]!, run.context, run.parents);
  }
}

/** Every directive in document order with its context. */
export function walkNginx(directives: readonly NginxDirective[], root: NginxContext, visit: DirectiveVisitor): void {
  visitRuns(directiveRuns(directives, root), visit);
}

/** The context at `offset` (inside which block the offset lies), with the enclosing blocks. */
export function contextAt(
  directives: readonly NginxDirective[],
  root: NginxContext,
  offset: number,
  textLength: number,
): { context: NginxContext; parents: NginxDirective[] } {
  let context = root;
  const parents: NginxDirective[] = [];
  let list = directives;
  for (;;) {
    const holder = list.find((directive) => {
      const block = directive.block;
      return block !== undefined && !block.raw && block.open.end <= offset && offset <= (block.close ? block.close.start : textLength);
    });
    if (!holder) return { context, parents };
    context = blockContext(context, holder);
    parents.push(holder);
    list = holder.block!.children;
  }
}

const allowedNames = new Map<string, readonly string[]>();

/** Directive names nginx accepts in a context, sorted (memoised: a context has a fixed list). */
export function namesAllowedIn(where: NginxContext): readonly string[] {
  const key = `${where.family}/${where.name}/${where.kind}`;
  let names = allowedNames.get(key);
  if (!names) {
    names = nginxReference().names.filter((candidate) => entriesOf(candidate).some((entry) => allows(entry, where)));
    allowedNames.set(key, names);
  }
  return names;
}
