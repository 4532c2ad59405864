import type { NginxDirective } from '../../parsers/nginx/ast';
import { blockContext, contextLabel, type NginxContext } from '../../parsers/nginx/context';
import type { Fix } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { removalSpan } from './support/edits';
import { rootContextsOf } from './support/fileContext';
import { scopeOf, type ScopedDirective } from './support/scopes';
import { SINGLE_DIRECTIVES } from './support/singleDirectives';
import { forEachDirective, isTemplated } from './support/visit';

/**
 * A directive nginx reads once per block set twice in the same block: `nginx -t` stops with
 * `"gzip" directive is duplicate`. Which directives those are was asked of nginx itself
 * (support/singleDirectives.ts). Reported at the later one, which nginx names, with the first
 * related; when both are written alike, the fix deletes the later one.
 */
export const duplicateDirective = defineRule({
  meta: {
    id: 'nginx/duplicate-directive',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: 'A directive that nginx accepts once per block set twice in the same block (nginx reports "is duplicate").',
    fixable: true,
  },
  check(context) {
    const { document } = context;
    const root = rootContextsOf(document, context.workspace)[0]!;
    checkBlock(context, undefined, document.ast.directives, root.context);
    forEachDirective(document.ast.directives, root, (directive, where) => {
      if (directive.block && !directive.block.raw && directive.block.children.length > 1) checkBlock(context, directive, directive.block.children, blockContext(where, directive));
    });
  },
});

// Apart from the visit: a closure there would make V8 allocate a context for every directive visited.
function checkBlock(context: RuleContext<'nginx'>, owner: NginxDirective | undefined, children: readonly NginxDirective[], where: NginxContext): void {
  if (where.kind !== 'directives' || (where.family !== 'http' && where.family !== 'core')) return;
  const { document, workspace } = context;
  const entries = scopeOf(owner, children, document.uri, workspace).directives;
  // The first of each single directive, made only once one is seen: most blocks have a few.
  let firsts: Map<string, ScopedDirective> | undefined;
  for (const entry of entries) {
    const name = entry.directive.name;
    if (!SINGLE_DIRECTIVES.has(name) || entry.directive.placeholder) continue;
    const first = (firsts ??= new Map()).get(name);
    if (!first) firsts.set(name, entry);
    else if (entry.uri === document.uri && !isTemplated(name)) report(context, owner, where, first, entry.directive);
  }
}

function report(context: RuleContext<'nginx'>, owner: NginxDirective | undefined, where: NginxContext, first: ScopedDirective, later: NginxDirective): void {
  const text = context.document.text;
  // A template's branches (`{{ if }} … {{ else }} … {{ end }}`) leave only one of them for nginx.
  if (first.uri === context.document.uri && text.slice(first.directive.span.end, later.span.start).includes('{{')) return;
  const name = later.name;
  const where_ = owner ? `this ${contextLabel(where)} block` : 'the same block';
  const fix: Fix | undefined = sameWords(first.directive, later)
    ? { title: `Delete the repeated \`${name}\``, isPreferred: true, edits: [{ span: removalSpan(text, later), newText: '' }] }
    : undefined;
  context.report({
    span: later.nameSpan,
    message: `\`${name}\` is already set in ${where_}: nginx refuses to start ("${name}" directive is duplicate). Keep one of them.`,
    related: [{ uri: first.uri, span: first.directive.span, message: `\`${name}\` is first set here` }],
    ...(fix ? { fixes: [fix] } : {}),
  });
}

function sameWords(a: NginxDirective, b: NginxDirective): boolean {
  if (a.args.length !== b.args.length || a.block || b.block) return false;
  for (let index = 0; index < a.args.length; index++) if (a.args[index]!.value !== b.args[index]!.value) return false;
  return true;
}
