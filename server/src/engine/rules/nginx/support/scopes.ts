import type { NginxDirective } from '../../../parsers/nginx/ast';
import type { RuleWorkspace } from '../../rule';
import { includesIn, isStandardInclude, resolveInclude } from './includes';
import { appendTo } from '../../../collections';

/*
 * What a block really configures, the way nginx merges configuration: a block's own directives
 * (with the files it includes spliced in), and for each setting the nearest enclosing block that
 * sets it. Array-like directives (`proxy_set_header`, `add_header`) are inherited only by blocks
 * that set none of their own, so those are looked up as a whole level, never merged.
 */

export interface ScopedDirective {
  readonly directive: NginxDirective;
  /** The file the directive is written in (an included file's, for spliced directives). */
  readonly uri: string;
}

const NONE: readonly ScopedDirective[] = Object.freeze([]);
/**
 * Scopes with at most this many directives are searched by name directly; larger ones (an
 * `http` or `server` block with hundreds of locations) index their directives by name at the
 * first lookup. Most blocks are small and asked a few names: a map each cost more than the scans.
 */
const SCANNED_SIZE = 16;

export class Scope {
  private index: Map<string, ScopedDirective[]> | undefined;

  constructor(
    /** The block directive (`location /api/`, `server`), or undefined for a file's top level. */
    readonly owner: NginxDirective | undefined,
    readonly uri: string,
    readonly directives: readonly ScopedDirective[],
    /** True when the block includes a file the workspace does not have: its settings are not all known. */
    readonly unknownInclude: boolean,
  ) {}

  /** The directives named `name`, in order. */
  named(name: string): readonly ScopedDirective[] {
    if (this.directives.length > SCANNED_SIZE) return this.indexed().get(name) ?? NONE;
    let found: ScopedDirective[] | undefined;
    for (const entry of this.directives) {
      if (entry.directive.name !== name) continue;
      if (found) found.push(entry);
      else found = [entry];
    }
    return found ?? NONE;
  }

  /** The last directive named `name`: the one in force among several. */
  last(name: string): ScopedDirective | undefined {
    if (this.directives.length > SCANNED_SIZE) return this.indexed().get(name)?.at(-1);
    for (let index = this.directives.length - 1; index >= 0; index--) {
      if (this.directives[index]!.directive.name === name) return this.directives[index];
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.last(name) !== undefined;
  }

  private indexed(): Map<string, ScopedDirective[]> {
    if (!this.index) {
      this.index = new Map();
      for (const entry of this.directives) appendTo(this.index, entry.directive.name, entry);
    }
    return this.index;
  }
}

const MAX_INCLUDE_DEPTH = 3;

const cache = new WeakMap<RuleWorkspace, WeakMap<readonly NginxDirective[], Scope>>();

/** A block's own directives, includes spliced in; computed once per block and check. */
export function scopeOf(owner: NginxDirective | undefined, children: readonly NginxDirective[], uri: string, workspace: RuleWorkspace): Scope {
  let perWorkspace = cache.get(workspace);
  if (!perWorkspace) cache.set(workspace, (perWorkspace = new WeakMap()));
  const cached = perWorkspace.get(children);
  if (cached && cached.owner === owner && cached.uri === uri) return cached;
  const scope = buildScope(owner, children, uri, workspace);
  perWorkspace.set(children, scope);
  return scope;
}

function buildScope(owner: NginxDirective | undefined, children: readonly NginxDirective[], uri: string, workspace: RuleWorkspace): Scope {
  const directives: ScopedDirective[] = [];
  let unknownInclude = false;
  // A file included again through another file is spliced once: splicing it on every path made
  // files that include each other by glob take time and memory exponential in their number (120
  // snippets ran the CLI out of memory). A file that includes itself, through any chain, is a
  // cycle nginx cannot load: as before, that include counts as unknown. Both sets are made at the
  // first include: most blocks have none.
  let spliced: Set<string> | undefined;
  let path: Set<string> | undefined;
  const splice = (list: readonly NginxDirective[], from: string, depth: number) => {
    for (const directive of list) {
      directives.push({ directive, uri: from });
      if (directive.name !== 'include') continue;
      if (includesIn([directive]).length === 0) {
        unknownInclude = true;
        continue;
      }
      const pattern = directive.args[0]!.value;
      spliced ??= new Set([uri]);
      const onPath = (path ??= new Set([uri]));
      const targets = depth < MAX_INCLUDE_DEPTH ? notOn(resolveInclude(pattern, from, workspace), onPath) : [];
      if (targets.length === 0 && !isStandardInclude(pattern)) unknownInclude = true;
      for (const target of targets) {
        if (spliced.has(target)) continue;
        spliced.add(target);
        const parsed = workspace.parse(target);
        if (parsed?.kind !== 'nginx') continue;
        onPath.add(target);
        splice(parsed.ast.directives, target, depth + 1);
        onPath.delete(target);
      }
    }
  };
  splice(children, uri, 0);
  return new Scope(owner, uri, directives, unknownInclude);
}

/**
 * The targets not on the include path. Apart from the splice loop: a closure there over the
 * loop's own variables would make V8 allocate a context for every directive spliced.
 */
function notOn(targets: readonly string[], onPath: ReadonlySet<string>): string[] {
  return targets.filter((target) => !onPath.has(target));
}

/**
 * The scopes a block sees, innermost first: the block itself, each enclosing block, then the
 * file's top level. `if` blocks are separate configurations and are not part of the chain.
 */
export function scopeChain(
  block: NginxDirective,
  parents: readonly NginxDirective[],
  topLevel: readonly NginxDirective[],
  uri: string,
  workspace: RuleWorkspace,
): Scope[] {
  // Sized up front: a chain is kept with each location, and `push` leaves room for 16 more scopes.
  const chain = new Array<Scope>(parents.length + 2);
  chain[0] = scopeOf(block, block.block?.children ?? [], uri, workspace);
  for (let index = parents.length - 1; index >= 0; index--) {
    const parent = parents[index]!;
    chain[parents.length - index] = scopeOf(parent, parent.block?.children ?? [], uri, workspace);
  }
  chain[parents.length + 1] = scopeOf(undefined, topLevel, uri, workspace);
  return chain;
}

/** The setting in force: the last `name` in the nearest scope that has one. */
export function effective(chain: readonly Scope[], name: string): { found: ScopedDirective; scope: Scope } | undefined {
  for (const scope of chain) {
    const found = scope.last(name);
    if (found) return { found, scope };
  }
  return undefined;
}

/** An array-like setting in force: every `name` of the nearest scope that has any. */
export function effectiveList(chain: readonly Scope[], name: string): { found: ScopedDirective[]; scope: Scope } | undefined {
  for (const scope of chain) {
    const own = scope.named(name);
    if (own.length > 0) return { found: [...own], scope };
  }
  return undefined;
}

/** True when some scope up to (and including) `depth` includes a file we cannot see. */
export function hasUnknownInclude(chain: readonly Scope[], depth = chain.length): boolean {
  return chain.slice(0, depth).some((scope) => scope.unknownInclude);
}

/** The value a `proxy_set_header` sets for `field` (case-insensitive), among the given directives. */
export function headerValue(directives: readonly ScopedDirective[], field: string): { value: string; entry: ScopedDirective } | undefined {
  const wanted = field.toLowerCase();
  for (let index = directives.length - 1; index >= 0; index--) {
    const entry = directives[index]!;
    if (entry.directive.name !== 'proxy_set_header') continue;
    const [name, value] = entry.directive.args;
    // Lengths first: asked of every location, most names differ in length and need no lowercase copy.
    if (name && value && name.value.length === wanted.length && name.value.toLowerCase() === wanted) return { value: value.value, entry };
  }
  return undefined;
}
