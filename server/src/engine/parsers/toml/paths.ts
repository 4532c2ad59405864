import type { Span } from '../../types';
import type { TomlPath } from './ast';
import { quoteToken } from '../../quote';

/** How a path came to exist, which decides what may define it again. */
type Definition =
  | { readonly kind: 'value'; readonly span: Span }
  | { readonly kind: 'table'; readonly span: Span }
  /** A super-table named by a header (`a` of `[a.b]`): a later `[a]` may still define it. */
  | { readonly kind: 'implicit' }
  /** A table made by a dotted key (`a.b = 1` makes `a`): no header may define it later. */
  | { readonly kind: 'dotted'; readonly span: Span }
  | { readonly kind: 'array-of-tables'; readonly span: Span; count: number };

/** Why a definition is refused: what the path already is, where, and what TOML then forbids. */
export interface PathConflict {
  readonly message: string;
  readonly previous: Span | undefined;
  readonly consequence: string;
}

export interface Resolved {
  readonly path: TomlPath;
  readonly conflict: PathConflict | undefined;
}

/** A path in the registry: what it is (undefined while only a longer path is known) and its children. */
interface PathNode {
  definition: Definition | undefined;
  children: Map<string | number, PathNode> | undefined;
}

/**
 * The scanner's record of what each path is, to give array-of-tables elements their index and to
 * find redefinitions at the key that causes them (`@iarna/toml` stops at the first one and points
 * past the value). Conservative: it reports only what TOML forbids in every reading.
 */
export class PathRegistry {
  // A tree by path part rather than one map by the whole path: a lookup walks the path's parts
  // and builds no key string (the scanner looks paths up several times per key).
  private readonly root: PathNode = { definition: undefined, children: undefined };

  // Paths are built with `concat`, which allocates exactly their length; a spread leaves room for
  // 16 more parts, in a path that every key keeps.

  /** `[name]`: the table's path, with the indexes of enclosing arrays of tables. */
  table(names: readonly string[], span: Span): Resolved {
    const { prefix, conflict } = this.prefixOf(names, []);
    const path = prefix.concat(names[names.length - 1]!);
    if (conflict) return { path, conflict };
    const existing = this.get(path);
    if (existing === undefined || existing.kind === 'implicit') {
      this.set(path, { kind: 'table', span });
      return { path, conflict: undefined };
    }
    return { path, conflict: redefinition(path, existing) };
  }

  /** `[[name]]`: the new element's path, ending with its index. */
  arrayOfTables(names: readonly string[], span: Span): Resolved {
    const { prefix, conflict } = this.prefixOf(names, []);
    const path = prefix.concat(names[names.length - 1]!);
    if (conflict) return { path: path.concat(0), conflict };
    const existing = this.get(path);
    if (existing === undefined) {
      this.set(path, { kind: 'array-of-tables', span, count: 1 });
      return { path: path.concat(0), conflict: undefined };
    }
    if (existing.kind === 'array-of-tables') {
      existing.count++;
      return { path: path.concat(existing.count - 1), conflict: undefined };
    }
    return { path: path.concat(0), conflict: redefinition(path, existing) };
  }

  /** `a.b = …` in the table at `base`: the key's full path. */
  keyValue(base: TomlPath, names: readonly string[], span: Span): Resolved {
    const path = base.concat(names);
    for (let i = 1; i < names.length; i++) {
      const prefix = [...base, ...names.slice(0, i)];
      const existing = this.get(prefix);
      if (existing === undefined) this.set(prefix, { kind: 'dotted', span });
      else if (existing.kind === 'value') return { path, conflict: notATable(prefix, existing.span) };
    }
    const existing = this.get(path);
    if (existing === undefined) {
      this.set(path, { kind: 'value', span });
      return { path, conflict: undefined };
    }
    return { path, conflict: redefinition(path, existing) };
  }

  private prefixOf(names: readonly string[], base: TomlPath): { prefix: (string | number)[]; conflict: PathConflict | undefined } {
    const prefix: (string | number)[] = [...base];
    let conflict: PathConflict | undefined;
    for (const name of names.slice(0, -1)) {
      prefix.push(name);
      const existing = this.get(prefix);
      if (existing === undefined) this.set(prefix, { kind: 'implicit' });
      else if (existing.kind === 'array-of-tables') prefix.push(existing.count - 1);
      else if (existing.kind === 'value' && !conflict) conflict = notATable(prefix, existing.span);
    }
    return { prefix, conflict };
  }

  private get(path: TomlPath): Definition | undefined {
    return this.nodeAt(path).definition;
  }

  private set(path: TomlPath, definition: Definition): void {
    this.nodeAt(path).definition = definition;
  }

  private nodeAt(path: TomlPath): PathNode {
    let node = this.root;
    for (const part of path) {
      let next = node.children?.get(part);
      if (!next) (node.children ??= new Map()).set(part, (next = { definition: undefined, children: undefined }));
      node = next;
    }
    return node;
  }
}

/** `orgs`, 0, `id` → `orgs.id`: the key products and rules name, array-of-tables indexes left out. */
export function settingKey(path: TomlPath): string {
  // Most paths have one part and no index: no array and no new string for them.
  if (path.length === 1 && typeof path[0] === 'string') return path[0];
  return path.filter((part) => typeof part === 'string').join('.');
}

/** `orgs.0.id` → `orgs[0].id`, as a reader of the file would name it. */
export function displayPath(path: TomlPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += (text === '' ? '' : '.') + (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part));
  }
  return text;
}

const AGAIN = 'TOML does not allow defining it again';

function redefinition(path: TomlPath, existing: Definition): PathConflict {
  const name = quoteToken(displayPath(path));
  switch (existing.kind) {
    case 'value':
      return { message: `\`${name}\` is already set`, previous: existing.span, consequence: AGAIN };
    case 'table':
      return { message: `Table \`[${name}]\` is already defined`, previous: existing.span, consequence: AGAIN };
    case 'dotted':
      return { message: `Table \`${name}\` was already created by a dotted key`, previous: existing.span, consequence: AGAIN };
    case 'array-of-tables':
      return { message: `\`${name}\` is already an array of tables`, previous: existing.span, consequence: AGAIN };
    case 'implicit':
      return { message: `\`${name}\` is already a table`, previous: undefined, consequence: AGAIN };
  }
}

function notATable(path: TomlPath, previous: Span): PathConflict {
  return { message: `\`${quoteToken(displayPath(path))}\` is already set to a value`, previous, consequence: 'a value cannot also be a table with keys' };
}
