import { blockContext, contextLabel, contextNamed, entriesIn, type NginxContext } from '../../parsers/nginx/context';
import type { NginxDirective } from '../../parsers/nginx/ast';
import { entriesOf } from '../../parsers/nginx/reference';
import type { Fix } from '../../types';
import { mayHaveDirectives } from '../../detect/directives';
import { defineRule } from '../rule';
import { insertLineBefore, removalSpan } from './support/edits';
import { describeRoot, type NginxDocument } from './support/fileContext';
import { isTemplated, visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/**
 * A directive where nginx does not accept it (`limit_req_zone` inside `server`), for every
 * directive the reference knows, in the context the file is read in: its own blocks, and for an
 * included file the block that includes it. When an enclosing block of the same file accepts
 * the directive, the fix moves it there, above the block that holds it.
 */
const CONTEXT_DIRECTIVE = /^\s*deploy-doctor\b.*\bcontext=(\S+)/;

export const directiveContext = defineRule({
  meta: {
    id: 'nginx/directive-context',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: 'A directive in a block where nginx does not allow it (e.g. `limit_req_zone` inside `server`).',
    fixable: true,
  },
  check(context) {
    const document = context.document;
    for (const comment of mayHaveDirectives(document.text) ? document.ast.comments : []) {
      const name = CONTEXT_DIRECTIVE.exec(comment.text)?.[1];
      if (name !== undefined && !contextNamed(name)) {
        context.report({
          span: comment.span,
          message: `Unknown context \`${quoteToken(name)}\` in this deploy-doctor comment: use main, events, http, server, location, if, upstream, limit_except, stream or mail.`,
          severity: 'warning',
        });
      }
    }
    const reported = new Set<NginxDirective>();
    visitDirectives(
      context,
      (directive, where, parents, root) => {
        if (reported.has(directive) || where.kind !== 'directives' || directive.placeholder || isTemplated(directive.name)) return;
        const entries = entriesOf(directive.name);
        if (entries.length === 0 || entriesIn(directive.name, where).length > 0) return;
        reported.add(directive);
        const allowed = [...new Set(entries.flatMap((entry) => entry.contexts.filter((name) => name !== '')))].map((name) => `\`${name}\``);
        const fix = moveFix(document, directive, parents, root.context);
        context.report({
          span: directive.nameSpan,
          message:
            `\`${directive.name}\` is not allowed in ${contextLabel(where)}${parents.length === 0 ? describeRoot(root) : ''}: ` +
            `nginx accepts it only in ${allowed.join(', ')} and refuses to start.`,
          ...(fix ? { fixes: [fix] } : {}),
        });
      },
      true,
    );
  },
});

/** Moves the directive above the innermost enclosing block whose own context accepts it. */
function moveFix(document: NginxDocument, directive: NginxDirective, parents: readonly NginxDirective[], root: NginxContext): Fix | undefined {
  const contexts: NginxContext[] = [root];
  for (const parent of parents) contexts.push(blockContext(contexts[contexts.length - 1]!, parent));
  for (let level = parents.length - 1; level >= 0; level--) {
    const target = contexts[level]!;
    if (entriesIn(directive.name, target).length === 0) continue;
    const holder = parents[level]!;
    const text = document.text;
    const moved = text.slice(directive.span.start, directive.span.end);
    return {
      title: `Move \`${directive.name}\` into ${target.name === 'main' ? 'the main context' : `\`${target.name}\``}`,
      isPreferred: true,
      edits: [insertLineBefore(text, document.lines.eol, holder, moved), { span: removalSpan(text, directive), newText: '' }],
    };
  }
  return undefined;
}
