import type { NginxDirective } from '../../../parsers/nginx/ast';
import { directiveRuns, visitRuns, type DirectiveRun, type DirectiveVisitor, type NginxContext } from '../../../parsers/nginx/context';
import type { RuleContext } from '../../rule';
import { rootContextsOf, type RootContext } from './fileContext';

/**
 * Visits every directive of the checked file with its context, in the first context the file is
 * read in; with `everyRoot`, once per context (a snippet included from a `server` and from a
 * `location` is visited twice).
 */
export function visitDirectives(
  context: RuleContext<'nginx'>,
  visit: (directive: NginxDirective, where: NginxContext, parents: readonly NginxDirective[], root: RootContext) => void,
  everyRoot = false,
): void {
  const roots = rootContextsOf(context.document, context.workspace);
  for (const root of everyRoot ? roots : roots.slice(0, 1)) forEachDirective(context.document.ast.directives, root, (directive, where, parents) => visit(directive, where, parents, root));
}

/** Calls `visit` for every directive of a file read in `root`, from the walk the rules of a check share. */
export function forEachDirective(directives: readonly NginxDirective[], root: RootContext, visit: DirectiveVisitor): void {
  visitRuns(walkOf(directives, root), visit);
}

/** Each file's walk in each of its root contexts, made once per check for all the rules that visit. */
const walks = new WeakMap<readonly NginxDirective[], WeakMap<RootContext, readonly DirectiveRun[]>>();

function walkOf(directives: readonly NginxDirective[], root: RootContext): readonly DirectiveRun[] {
  let byRoot = walks.get(directives);
  if (!byRoot) walks.set(directives, (byRoot = new WeakMap()));
  let walk = byRoot.get(root);
  if (!walk) byRoot.set(root, (walk = directiveRuns(directives, root.context)));
  return walk;
}

/** True for directives whose name is a template expression or placeholder, not a real name. */
export function isTemplated(name: string): boolean {
  return name.includes('{{') || name.includes('${');
}
