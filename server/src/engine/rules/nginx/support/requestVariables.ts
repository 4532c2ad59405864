import type { NginxArgument, NginxDirective, NginxFile } from '../../../parsers/nginx/ast';
import type { Span } from '../../../types';
import { CR, LF, captureGroups, groupLineBreaks, isLiteralAlternation, type CaptureGroup, type LineBreaks } from './regexGroups';
import { quoteToken } from '../../../quote';

/*
 * Which nginx variables in an argument carry what the client sent, and what they can carry.
 * `$uri`, `$document_uri` and captures of regexes run over them are decoded (`%0d%0a` becomes CR
 * LF); `$request_uri`, `$args`, `$arg_*`, `$http_*` and `$cookie_*` are raw: nginx refuses a
 * request line or header with a bare CR or LF, so they can carry neither, but every one of them is
 * chosen by the client. `$host` is not counted: nginx validates it and picked the server by it.
 * Variables of `set` and `map` are followed through this file's definitions; a variable defined
 * nowhere here is not counted.
 */

export interface VariableUse {
  /** Lower-cased, without `$` or braces: `http_host`, `1`. */
  readonly name: string;
  /** `$name` or `${name}` as written. */
  readonly span: Span;
  /** Offset of the `$` in the argument's text without quotes. */
  readonly at: number;
  readonly braced: boolean;
}

export interface Taint {
  /** `CR | LF` flags: line breaks the value can hold. */
  readonly lineBreaks: LineBreaks;
  /** True when the client picks the value freely enough to name a host. */
  readonly host: boolean;
  /** Where the value comes from, for messages: "the decoded request URI". */
  readonly origin: string;
  /** The capture group the value is, when it is one (for a fix narrowing it). */
  readonly capture?: { readonly pattern: NginxArgument; readonly group: CaptureGroup };
}

const VARIABLE = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;
const HAS_UPPER = /[A-Z]/;
const SCHEME = /^(?:[A-Za-z][A-Za-z0-9+.-]*|\$[A-Za-z0-9_]+|\$\{[A-Za-z0-9_]+\}):\/\//;
const DIGITS = /^[0-9]$/;
const URI_VARIABLE = /^\$(?:\{(?:request_uri|uri|document_uri)\}|(?:request_uri|uri|document_uri)(?![A-Za-z0-9_]))/;

/** The variables an argument uses, skipping template expressions (`{{ $X }}`, envsubst `${X}`). */
export function variablesIn(arg: NginxArgument): VariableUse[] {
  const inner = innerText(arg);
  const base = arg.span.start + (arg.quote ? 1 : 0);
  const uses: VariableUse[] = [];
  for (const match of inner.matchAll(VARIABLE)) {
    const written = match[1] ?? match[2]!;
    const at = match.index;
    if (insideTemplateAction(inner, at)) continue;
    if (arg.templated && HAS_UPPER.test(written)) continue;
    uses.push({ name: written.toLowerCase(), span: { start: base + at, end: base + at + match[0].length }, at, braced: match[1] !== undefined });
  }
  return uses;
}

/** The argument as written, without its quotes. */
export function innerText(arg: NginxArgument): string {
  if (!arg.quote) return arg.raw;
  return arg.raw.slice(1, arg.raw.endsWith(arg.quote) && arg.raw.length > 1 ? -1 : undefined);
}

/** The span of an argument's host part (`http://HOST/path`, or `HOST/path` without a scheme), as offsets in its inner text. */
export function hostPart(arg: NginxArgument): { start: number; end: number } {
  const inner = innerText(arg);
  const scheme = SCHEME.exec(inner);
  // No scheme (`$target`, `${backend}:9000`, `{{ .Env.URL }}/path`): the address runs to the first `/`.
  const start = scheme ? scheme[0].length : 0;
  let end = start;
  while (end < inner.length && inner[end] !== '/' && inner[end] !== '?') {
    // `http://backend$request_uri`: these values start with `/`, so after a name they begin the path.
    if (end > start && inner[end] === '$' && URI_VARIABLE.test(inner.slice(end))) break;
    end++;
  }
  return { start, end };
}

/** True when the use lies in the argument's host part. */
export function inHostPart(arg: NginxArgument, use: VariableUse): boolean {
  const part = hostPart(arg);
  return use.at >= part.start && use.at < part.end;
}

function insideTemplateAction(text: string, at: number): boolean {
  const open = text.lastIndexOf('{{', at);
  if (open < 0) return false;
  const close = text.indexOf('}}', open);
  return close < 0 || close > at;
}

/** Where a variable is used: the directive and its enclosing blocks, outermost first. */
export interface UseSite {
  readonly directive: NginxDirective;
  readonly parents: readonly NginxDirective[];
}

interface Definition {
  readonly values: readonly NginxArgument[];
  readonly site: UseSite;
  /** For a `map` entry with a regex key: the key, whose captures `$1`… its value uses. */
  readonly keyPattern?: { readonly pattern: NginxArgument; readonly subject: readonly NginxArgument[] };
}

interface NamedCapture {
  readonly pattern: NginxArgument;
  readonly group: CaptureGroup;
  readonly subject: Subject;
}

/** What a regex is matched against: the decoded URI, the Host, or some variables. */
type Subject = { readonly kind: 'uri' } | { readonly kind: 'host' } | { readonly kind: 'variables'; readonly args: readonly NginxArgument[]; readonly site: UseSite };

const URI_TAINT: Taint = { lineBreaks: CR | LF, host: true, origin: 'the decoded request URI' };
const MAX_DEPTH = 8;

/** The request-controlled variables of one file, with its `set`, `map` and named captures. */
export class RequestVariables {
  private readonly definitions = new Map<string, Definition[]>();
  private readonly namedCaptures = new Map<string, NamedCapture[]>();

  constructor(file: NginxFile) {
    this.collect(file.directives, []);
  }

  /** What `use` can carry at `site`, or undefined when the client does not choose it. */
  taintOf(use: VariableUse, site: UseSite): Taint | undefined {
    return this.taintOfName(use.name, site, 0);
  }

  private taintOfName(name: string, site: UseSite, depth: number): Taint | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (name) {
      case 'uri':
      case 'document_uri':
        return URI_TAINT;
      case 'request_uri':
        return { lineBreaks: 0, host: true, origin: 'the request URI as the client sent it' };
      case 'args':
      case 'query_string':
        return { lineBreaks: 0, host: true, origin: 'the query string' };
      case 'request_body':
        return { lineBreaks: CR | LF, host: true, origin: 'the request body' };
      case 'host':
        return undefined;
    }
    if (name.startsWith('arg_')) return { lineBreaks: 0, host: true, origin: `the \`${quoteToken(name.slice(4))}\` query argument` };
    if (name.startsWith('http_')) return { lineBreaks: 0, host: true, origin: `the \`${quoteToken(headerName(name.slice(5)))}\` request header` };
    if (name.startsWith('cookie_')) return { lineBreaks: 0, host: true, origin: `the \`${quoteToken(name.slice(7))}\` cookie` };
    if (DIGITS.test(name)) return this.numberedCapture(Number(name), site, depth);
    let taint: Taint | undefined;
    for (const capture of this.namedCaptures.get(name) ?? []) taint = union(taint, this.captureTaint(capture.pattern, capture.group, capture.subject, depth));
    for (const definition of nearestDefinitions(this.definitions.get(name), site)) taint = union(taint, this.definitionTaint(definition, depth));
    return taint;
  }

  private definitionTaint(definition: Definition, depth: number): Taint | undefined {
    let taint: Taint | undefined;
    for (const value of definition.values) {
      const part = SCHEME.test(innerText(value)) ? hostPart(value) : undefined;
      for (const use of variablesIn(value)) {
        let found: Taint | undefined;
        if (definition.keyPattern && DIGITS.test(use.name)) {
          const group = captureGroups(definition.keyPattern.pattern.value).find((candidate) => candidate.number === Number(use.name));
          if (group) found = this.captureTaint(definition.keyPattern.pattern, group, { kind: 'variables', args: definition.keyPattern.subject, site: definition.site }, depth + 1);
        } else {
          found = this.taintOfName(use.name, definition.site, depth + 1);
        }
        // A host the client picks only counts where it lands in the defined value's host part.
        if (found && part && (use.at < part.start || use.at >= part.end)) found = { ...found, host: false };
        taint = union(taint, found);
      }
    }
    return taint;
  }

  private numberedCapture(number: number, site: UseSite, depth: number): Taint | undefined {
    const source = regexAround(site);
    if (!source) return undefined;
    const group = captureGroups(source.pattern.value).find((candidate) => candidate.number === number);
    return group ? this.captureTaint(source.pattern, group, source.subject, depth) : undefined;
  }

  private captureTaint(pattern: NginxArgument, group: CaptureGroup, subject: Subject, depth: number): Taint | undefined {
    const source = this.subjectTaint(subject, depth);
    if (!source) return undefined;
    const lineBreaks = source.lineBreaks & groupLineBreaks(pattern.value, group);
    const host = source.host && !isLiteralAlternation(pattern.value, group);
    if (lineBreaks === 0 && !host) return undefined;
    return { lineBreaks, host, origin: `a capture of \`${quoteToken(pattern.value)}\` from ${source.origin}`, capture: { pattern, group } };
  }

  private subjectTaint(subject: Subject, depth: number): Taint | undefined {
    if (subject.kind === 'uri') return URI_TAINT;
    if (subject.kind === 'host') return { lineBreaks: 0, host: true, origin: 'the requested host name' };
    let taint: Taint | undefined;
    for (const arg of subject.args) for (const use of variablesIn(arg)) taint = union(taint, this.taintOfName(use.name, subject.site, depth + 1));
    return taint;
  }

  private collect(directives: readonly NginxDirective[], parents: readonly NginxDirective[]): void {
    for (const directive of directives) {
      const site = { directive, parents };
      const args = directive.args;
      if (directive.name === 'set' && args.length === 2 && args[0]!.value.startsWith('$')) {
        this.define(args[0]!.value.slice(1), { values: [args[1]!], site });
      } else if (directive.name === 'map' && args.length === 2 && directive.block) {
        this.collectMap(directive, site);
        continue;
      } else if (directive.name === 'location' && args.length === 2 && (args[0]!.value === '~' || args[0]!.value === '~*')) {
        this.collectNamed(args[1]!, { kind: 'uri' });
      } else if (directive.name === 'rewrite' && args.length >= 2) {
        this.collectNamed(args[0]!, { kind: 'uri' });
      } else if (directive.name === 'if') {
        const condition = ifRegex(directive);
        if (condition) this.collectNamed(condition.pattern, { kind: 'variables', args: condition.subject, site });
      } else if (directive.name === 'server_name') {
        for (const arg of args) if (arg.value.startsWith('~')) this.collectNamed(withoutTilde(arg), { kind: 'host' });
      }
      if (directive.block && !directive.block.raw) this.collect(directive.block.children, [...parents, directive]);
    }
  }

  private collectMap(directive: NginxDirective, site: UseSite): void {
    const [source, target] = directive.args;
    if (!target!.value.startsWith('$')) return;
    const name = target!.value.slice(1).toLowerCase();
    for (const entry of directive.block!.children) {
      if (entry.args.length !== 1 || entry.name === 'hostnames' || entry.name === 'include' || entry.name === 'volatile') continue;
      if (entry.name.startsWith('~')) {
        const key = withoutTilde({ value: entry.name, raw: entry.name, span: entry.nameSpan, quote: undefined });
        this.collectNamed(key, { kind: 'variables', args: [source!], site });
        this.define(name, { values: entry.args, site, keyPattern: { pattern: key, subject: [source!] } });
      } else {
        this.define(name, { values: entry.args, site });
      }
    }
  }

  private collectNamed(pattern: NginxArgument, subject: Subject): void {
    if (pattern.templated) return;
    for (const group of captureGroups(pattern.value)) {
      if (!group.name) continue;
      const name = group.name.toLowerCase();
      const list = this.namedCaptures.get(name) ?? [];
      list.push({ pattern, group, subject });
      this.namedCaptures.set(name, list);
    }
  }

  private define(name: string, definition: Definition): void {
    const key = name.toLowerCase();
    const list = this.definitions.get(key) ?? [];
    list.push(definition);
    this.definitions.set(key, list);
  }
}

/** The regex whose captures `$1`… mean at `site`: the innermost `if (… ~ …)`, regex location, or `server_name ~…`. */
function regexAround(site: UseSite): { pattern: NginxArgument; subject: Subject } | undefined {
  for (let index = site.parents.length - 1; index >= 0; index--) {
    const parent = site.parents[index]!;
    const args = parent.args;
    if (parent.name === 'if') {
      const condition = ifRegex(parent);
      if (condition) return { pattern: condition.pattern, subject: { kind: 'variables', args: condition.subject, site: { directive: parent, parents: site.parents.slice(0, index) } } };
    } else if (parent.name === 'location') {
      if (args.length === 2 && (args[0]!.value === '~' || args[0]!.value === '~*') && !args[1]!.templated) return { pattern: args[1]!, subject: { kind: 'uri' } };
      return undefined;
    } else if (parent.name === 'server') {
      for (const child of parent.block?.children ?? []) {
        if (child.name !== 'server_name') continue;
        const regex = child.args.find((arg) => arg.value.startsWith('~'));
        if (regex) return { pattern: withoutTilde(regex), subject: { kind: 'host' } };
      }
      return undefined;
    }
  }
  return undefined;
}

/** The regex and subject of `if ($var ~ regex)` (also `~*`); `!~` sets no captures. */
function ifRegex(directive: NginxDirective): { pattern: NginxArgument; subject: NginxArgument[] } | undefined {
  const args = directive.args;
  if (args.length < 3 || (args[1]!.value !== '~' && args[1]!.value !== '~*')) return undefined;
  const closing = args[args.length - 1]!.raw === ')';
  if (args.length !== (closing ? 4 : 3)) return undefined;
  const last = args[2]!;
  const pattern = closing || !last.value.endsWith(')') ? last : { ...last, value: last.value.slice(0, -1) };
  if (pattern.templated) return undefined;
  const subject = args[0]!;
  return { pattern, subject: [{ ...subject, value: subject.value.replace(/^\(/, ''), raw: subject.raw.replace(/^\(/, ''), span: { start: subject.span.start + (subject.raw.startsWith('(') ? 1 : 0), end: subject.span.end } }] };
}

/**
 * The definitions in force at `site`: a `set` in the use's own block or the nearest enclosing one
 * runs before it in that request, so the file's other definitions of the name do not apply.
 */
function nearestDefinitions(definitions: readonly Definition[] | undefined, site: UseSite): readonly Definition[] {
  if (!definitions) return [];
  for (let index = site.parents.length - 1; index >= 0; index--) {
    const block = site.parents[index]!;
    let own: Definition[] | undefined;
    for (const definition of definitions) {
      if (definition.site.directive.name === 'set' && definition.site.parents.at(-1) === block) (own ??= []).push(definition);
    }
    if (own) return own;
  }
  return definitions;
}

/** A `~regex` of `server_name` or a `map` key as the regex alone (its value no longer matches its raw text, so no fix edits it). */
function withoutTilde(arg: NginxArgument): NginxArgument {
  return { ...arg, value: arg.value.replace(/^~\*?/, '') };
}

function union(left: Taint | undefined, right: Taint | undefined): Taint | undefined {
  if (!left) return right;
  if (!right) return left;
  // The first source with line breaks is the one a message names.
  const named = left.lineBreaks >= right.lineBreaks ? left : right;
  return { lineBreaks: left.lineBreaks | right.lineBreaks, host: left.host || right.host, origin: named.origin, capture: named.capture };
}

function headerName(variable: string): string {
  return variable.split('_').map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part)).join('-');
}

/** "a carriage return (CR)", "a line break (CR and LF)". */
export function describeLineBreaks(lineBreaks: LineBreaks): string {
  if (lineBreaks === (CR | LF)) return 'CR and LF';
  return lineBreaks === CR ? 'a CR' : 'an LF';
}

const cache = new WeakMap<NginxFile, RequestVariables>();

/** The file's request variables, built once per parse. */
export function requestVariablesOf(file: NginxFile): RequestVariables {
  let found = cache.get(file);
  if (!found) cache.set(file, (found = new RequestVariables(file)));
  return found;
}
