import type { ParsedDocumentOf } from '../../document';
import type { NginxDirective } from '../../parsers/nginx/ast';
import { entriesIn, walkNginx, type NginxContext } from '../../parsers/nginx/context';
import { directiveMarkdown } from '../../parsers/nginx/describe';
import { entriesOf, variableOf } from '../../parsers/nginx/reference';
import { rootContextsOf } from '../../rules/nginx/support/fileContext';
import type { CursorContext, HoverProvider, HoverResult } from '../types';

/**
 * Hover in nginx files: on a directive name, its reference (syntax, default, contexts, module,
 * description, link to nginx.org) for the module that applies where it stands; on a `$variable`,
 * the variable's documentation.
 */
export const nginxHover: HoverProvider = {
  kinds: ['nginx'],
  hover(context: CursorContext): HoverResult | undefined {
    const document = context.analyzed.document;
    if (document.kind !== 'nginx') return undefined;
    const found = directiveAt(document, context);
    if (!found) return undefined;
    const { directive, where } = found;
    const offset = context.offset;
    if (directive.nameSpan.start <= offset && offset <= directive.nameSpan.end) {
      const inContext = entriesIn(directive.name, where);
      const entries = inContext.length > 0 ? inContext : entriesOf(directive.name);
      if (entries.length === 0) return undefined;
      return { span: directive.nameSpan, markdown: entries.map(directiveMarkdown).join('\n\n---\n\n') };
    }
    for (const arg of directive.args) {
      if (offset < arg.span.start || offset > arg.span.end) continue;
      const variable = variableAt(arg.raw, offset - arg.span.start);
      if (!variable) return undefined;
      const info = variableOf(variable.name);
      if (!info) return undefined;
      return {
        span: { start: arg.span.start + variable.start, end: arg.span.start + variable.end },
        markdown: `**${variable.name}** · ${info.module}${info.name !== variable.name ? ` (\`${info.name}\`)` : ''}\n\n${info.description}`,
      };
    }
    return undefined;
  },
};

/** The directive whose name or arguments hold the offset, with the context it stands in. */
function directiveAt(document: ParsedDocumentOf<'nginx'>, context: CursorContext): { directive: NginxDirective; where: NginxContext } | undefined {
  const root = rootContextsOf(document, context.workspace)[0]!;
  let found: { directive: NginxDirective; where: NginxContext } | undefined;
  walkNginx(document.ast.directives, root.context, (directive, where) => {
    const last = directive.args[directive.args.length - 1];
    const end = last ? last.span.end : directive.nameSpan.end;
    if (directive.nameSpan.start <= context.offset && context.offset <= end) found = { directive, where };
  });
  return found;
}

/** The `$name` or `${name}` around a position in a word. */
function variableAt(raw: string, at: number): { name: string; start: number; end: number } | undefined {
  for (const match of raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (start <= at && at <= end) return { name: `$${match[1]}`, start, end };
  }
  return undefined;
}
