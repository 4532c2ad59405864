import type { NginxDirective } from './ast';

/**
 * Calls `visit` for every directive in `directives` and in their blocks at any depth, in no
 * particular order, until `visit` returns true; returns whether it did. A stack, not recursion:
 * 10,000 nested blocks must not overflow the call stack.
 */
export function walkDirectives(directives: readonly NginxDirective[], visit: (directive: NginxDirective) => boolean | void): boolean {
  const stack = [...directives];
  while (stack.length > 0) {
    const directive = stack.pop()!;
    if (visit(directive) === true) return true;
    if (directive.block) for (const child of directive.block.children) stack.push(child);
  }
  return false;
}
