import type { NginxArgument, NginxDirective } from '../../parsers/nginx/ast';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { visitDirectives } from './support/visit';

/** The directives that send a header (or trailer) value as written, and where it goes. */
const HEADER_DIRECTIVES: Readonly<Record<string, string>> = {
  add_header: 'response',
  add_trailer: 'response',
  more_set_headers: 'response',
  proxy_set_header: 'request',
};
/** `more_set_headers -s 404 -t text/html 'X: y'`: the options' values are not headers. */
const MORE_SET_HEADERS_OPTIONS = new Set(['-s', '-t']);
const LINE_BREAK = /[\r\n]/;
const LINES = /\r\n|\r|\n/;
/** A line break with the blanks around it (and any blank lines after it). */
const BREAK_AND_BLANKS = /[ \t]*[\r\n]\s*/g;
const LEADING_BREAK = /^[ \t]*[\r\n]/;
const TRAILING_BREAK = /[\r\n][ \t]*$/;

/**
 * A quoted header value written over several lines. nginx -t accepts it, and nginx sends the line
 * breaks and the indentation inside the header as they are: strict HTTP parsers (Node's client
 * and fetch for a response, Node's server for a request) reject the whole message; others read a
 * value with a line break in it.
 */
export const addHeaderMultiline = defineRule({
  meta: {
    id: 'nginx/add-header-multiline',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: 'An `add_header`, `add_trailer`, `more_set_headers` or `proxy_set_header` value written over several lines: nginx sends the line breaks inside the header, and strict HTTP parsers reject the message.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      const direction = HEADER_DIRECTIVES[directive.name];
      if (!direction) return;
      for (const arg of headerArguments(directive)) {
        if (!arg.quote || !LINE_BREAK.test(arg.raw)) continue;
        const lines = arg.raw.split(LINES).length;
        const rejects = direction === 'response' ? "Node's HTTP client and `fetch` reject the whole response" : "Node's HTTP server answers the request with 400";
        context.report({
          span: arg.span,
          message:
            `This \`${directive.name}\` value spans ${lines} lines: nginx accepts it and sends the line breaks and the indentation inside the header, as written. ` +
            `${rejects}; other clients read a value with a line break in it. Write the value on one line.`,
          fixes: joinFix(arg),
        });
      }
    });
  },
});

function headerArguments(directive: NginxDirective): readonly NginxArgument[] {
  if (directive.name !== 'more_set_headers') return directive.args;
  const headers: NginxArgument[] = [];
  for (let index = 0; index < directive.args.length; index++) {
    if (MORE_SET_HEADERS_OPTIONS.has(directive.args[index]!.value)) index++;
    else headers.push(directive.args[index]!);
  }
  return headers;
}

/** Joins the lines with single spaces inside the same quotes; a break right inside a quote is dropped. */
function joinFix(arg: NginxArgument): Fix[] {
  const quote = arg.quote!;
  if (arg.raw.length < 2 || !arg.raw.endsWith(quote)) return []; // unterminated: nginx/syntax reports it
  let inner = arg.raw.slice(1, -1);
  if (LEADING_BREAK.test(inner)) inner = inner.trimStart();
  if (TRAILING_BREAK.test(inner)) inner = inner.trimEnd();
  const joined = inner.replace(BREAK_AND_BLANKS, ' ');
  return [{ title: 'Join the value onto one line', isPreferred: true, edits: [{ span: arg.span, newText: `${quote}${joined}${quote}` }] }];
}
