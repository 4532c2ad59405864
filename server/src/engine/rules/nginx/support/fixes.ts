import type { NginxArgument, NginxDirective } from '../../../parsers/nginx/ast';
import type { TextEdit } from '../../../types';
import type { NginxDocument } from './fileContext';
import { insertIntoBlock } from './edits';
import type { ProxyLocation } from './streaming';
import type { ScopedDirective } from './scopes';

/** The `proxy_pass` of a location written in this file: new proxy directives go right after it. */
export function proxyPassOf(document: NginxDocument, location: ProxyLocation): NginxDirective | undefined {
  return location.chain[0]!.directives.find((entry) => entry.directive.name === 'proxy_pass' && entry.uri === document.uri)?.directive;
}

/** True when the directive is written in this location's own block of this file (so it can be edited in place). */
export function ownedHere(document: NginxDocument, location: ProxyLocation, entry: ScopedDirective | undefined): entry is ScopedDirective {
  return entry !== undefined && entry.uri === document.uri && location.directive.block!.children.includes(entry.directive);
}

/** Replaces an argument's value, keeping its quotes when it had some. */
export function replaceArgument(arg: NginxArgument, value: string): TextEdit {
  return { span: arg.span, newText: arg.quote ? `${arg.quote}${value}${arg.quote}` : value };
}

/** Inserts directive lines into a location, after its `proxy_pass` when it has one. */
export function insertIntoLocation(document: NginxDocument, location: ProxyLocation, lines: readonly string[]): TextEdit {
  return insertIntoBlock(document.text, document.lines.eol, location.directive, lines, proxyPassOf(document, location));
}

/** The span a location finding marks: `location /api/` up to its `{`. */
export function locationHeader(location: ProxyLocation): { start: number; end: number } {
  const directive = location.directive;
  const last = directive.args[directive.args.length - 1];
  return { start: directive.nameSpan.start, end: last ? last.span.end : directive.nameSpan.end };
}
