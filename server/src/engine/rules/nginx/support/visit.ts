import { walkNginx, type VisitedDirective } from '../../../parsers/nginx/context';
import type { RuleContext } from '../../rule';
import { rootContextsOf, type RootContext } from './fileContext';

/**
 * Visits every directive of the checked file with its context, in the first context the file is
 * read in; with `everyRoot`, once per context (a snippet included from a `server` and from a
 * `location` is visited twice).
 */
export function visitDirectives(context: RuleContext<'nginx'>, visit: (visited: VisitedDirective, root: RootContext) => void, everyRoot = false): void {
  const roots = rootContextsOf(context.document, context.workspace);
  for (const root of everyRoot ? roots : roots.slice(0, 1)) {
    walkNginx(context.document.ast.directives, root.context, (visited) => visit(visited, root));
  }
}

/** True for directives whose name is a template expression or placeholder, not a real name. */
export function isTemplated(name: string): boolean {
  return name.includes('{{') || /\$\{/.test(name);
}
