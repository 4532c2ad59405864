import type { NginxArgument, NginxDirective } from '../../parsers/nginx/ast';
import { entriesIn } from '../../parsers/nginx/context';
import type { Fix, TextEdit } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { insertIntoBlock, removalSpan } from './support/edits';
import { visitDirectives } from './support/visit';

/**
 * Directives and parameters nginx has deprecated or removed: `ssl on;` (removed in 1.25.1: nginx
 * refuses to start), the `http2` parameter of `listen` (deprecated in 1.25.1 for `http2 on;`), and
 * every directive @nginx/reference-lib's description calls obsolete (`http2_push`, `limit_zone`,
 * `js_include`). The fixes rewrite `ssl on;` and `listen … http2` the way nginx's docs say.
 */
export const deprecated = defineRule({
  meta: {
    id: 'nginx/deprecated',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: 'A directive or parameter nginx has deprecated or removed (`ssl on;`, `listen … http2`, `http2_push`).',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive, where, parents) => {
      if (where.kind !== 'directives') return;
      if (directive.name === 'listen' && where.name === 'server' && where.family === 'http') {
        const http2 = directive.args.find((arg) => arg.value === 'http2');
        if (http2) reportListenHttp2(context, directive, http2, parents[parents.length - 1]);
        return;
      }
      const entries = entriesIn(directive.name, where);
      const note = entries.length > 0 ? entries[0]!.obsolete : undefined;
      if (!note) return;
      const removed = note.removedIn ? ` and was removed in ${note.removedIn}: nginx ${note.removedIn} and later refuse to start with it` : ': nginx ignores it and warns';
      const fix = directive.name === 'ssl' && where.name === 'server' ? sslFix(context, directive, parents[parents.length - 1]) : undefined;
      context.report({
        span: directive.nameSpan,
        message: `\`${directive.name}\` is obsolete since nginx ${note.since}${removed}.${note.instead ? ` ${note.instead}` : ''}`,
        ...(note.removedIn ? { severity: 'error' as const } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    });
  },
});

function reportListenHttp2(context: RuleContext<'nginx'>, listen: NginxDirective, http2: NginxArgument, server: NginxDirective | undefined): void {
  const { document } = context;
  const edits: TextEdit[] = [{ span: { start: previousEnd(listen, http2), end: http2.span.end }, newText: '' }];
  const children = server?.block?.children ?? [];
  // After the server's first such `listen`, for each of them: applied together, one `http2 on;`.
  const anchor = children.find(hasHttp2) ?? listen;
  if (server && !children.some((child) => child.name === 'http2')) edits.push(insertIntoBlock(document.text, document.lines.eol, server, ['http2 on;'], anchor));
  context.report({
    span: http2.span,
    message: 'The `http2` parameter of `listen` is deprecated since nginx 1.25.1: use the `http2 on;` directive in the server block instead.',
    fixes: [{ title: 'Drop `http2` from `listen` and add `http2 on;`', isPreferred: true, edits }],
  });
}

function hasHttp2(directive: NginxDirective): boolean {
  return directive.name === 'listen' && directive.args.some((arg) => arg.value === 'http2');
}

/** Removes `ssl on;` and adds `ssl` to the server's `listen` lines on port 443. */
function sslFix(context: RuleContext<'nginx'>, ssl: NginxDirective, server: NginxDirective | undefined): Fix | undefined {
  if (ssl.args[0]?.value !== 'on' || !server?.block) return undefined;
  const edits: TextEdit[] = [{ span: removalSpan(context.document.text, ssl), newText: '' }];
  for (const child of server.block.children) {
    const port = child.args[0];
    if (child.name !== 'listen' || !port || !/(^|:)443$/.test(port.value) || child.args.some((arg) => arg.value === 'ssl')) continue;
    edits.push({ span: { start: port.span.end, end: port.span.end }, newText: ' ssl' });
  }
  return { title: 'Remove `ssl on;` and add `ssl` to the `listen … 443` lines', isPreferred: true, edits };
}

/** The end of the word before `arg`, so that deleting from there takes the space before it too. */
function previousEnd(directive: NginxDirective, arg: NginxArgument): number {
  const index = directive.args.indexOf(arg);
  return index > 0 ? directive.args[index - 1]!.span.end : directive.nameSpan.end;
}
