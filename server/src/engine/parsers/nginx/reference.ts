import type * as ReferenceLib from '@nginx/reference-lib';
import { argumentShapeOf, type ArgumentShape, type SyntaxNotes } from './syntax';
import { appendTo } from '../../collections';

/**
 * What nginx's official documentation says about every directive, from `@nginx/reference-lib`
 * (generated from nginx.org). A name can belong to several modules (`server` is an http block,
 * an upstream member, a mail and a stream block): entries keep each module's own facts, and
 * lookups return all of them. Built once, on first use.
 */

/** The configuration a module belongs to: directives of one family never apply in another's blocks. */
export type NginxFamily = 'core' | 'http' | 'stream' | 'mail';

export interface DirectiveEntry {
  readonly name: string;
  readonly module: string;
  readonly family: NginxFamily;
  /** Syntax lines as the reference writes them, in markdown (`` `on` | `off` ``). */
  readonly syntax: readonly string[];
  /** Contexts as the reference names them: `main`, `http`, `server`, `location`, `if in location`, … (`''` = any). */
  readonly contexts: readonly string[];
  readonly isBlock: boolean;
  readonly default: string;
  /** Argument counts and fixed values, from `syntax`. */
  readonly shapes: readonly ArgumentShape[];
  /** What the description says when the directive is obsolete, else undefined. */
  readonly obsolete: ObsoleteNote | undefined;
}

/** "This directive was made obsolete in version 1.15.0 and was removed in version 1.25.1. …" */
export interface ObsoleteNote {
  readonly since: string;
  readonly removedIn: string | undefined;
  /** The description's advice ("The `ssl` parameter of the `listen` directive should be used instead."), if any. */
  readonly instead: string | undefined;
}

const OBSOLETE = /This directive (?:was made obsolete in version ([\d.]+)(?: and was removed in version ([\d.]+))?|is obsolete since version ([\d.]+))\.\s*(The [^.]*? (?:should|can) be used instead\.)?/;

export interface NginxReference {
  readonly entries: ReadonlyMap<string, readonly DirectiveEntry[]>;
  /** Every directive name, sorted. */
  readonly names: readonly string[];
  /** Names some directive lists as its context (`server`, `upstream`, `acme_issuer`…): blocks holding directives. */
  readonly contextNames: ReadonlySet<string>;
}

/**
 * The package, loaded on first use rather than at start-up: its data is 1.7 MB of JavaScript
 * (about 8 MB of memory and 40 ms to evaluate) that a run without nginx files never needs. In the
 * server and CLI this `require` loads `nginx-reference.js` beside them (scripts/build.mjs), so
 * Node does not even parse it before then; other bundles hold it as a lazily evaluated module.
 */
let referenceLib: typeof ReferenceLib | undefined;

function lib(): typeof ReferenceLib {
  return (referenceLib ??= require('@nginx/reference-lib') as typeof ReferenceLib);
}

let reference: NginxReference | undefined;
let descriptions: Map<string, string> | undefined;
let variables: Map<string, { module: string; description: string }> | undefined;

export function nginxReference(): NginxReference {
  if (reference) return reference;
  const entries = new Map<string, DirectiveEntry[]>();
  const contextNames = new Set<string>();
  const { Format, getDirectives } = lib();
  for (const directive of getDirectives(Format.HTML)) {
    let shapes: readonly ArgumentShape[] | undefined;
    let obsolete: ObsoleteNote | null | undefined;
    const entry: DirectiveEntry = {
      name: directive.name,
      module: directive.module,
      family: familyOf(directive.module),
      syntax: directive.syntax,
      contexts: directive.contexts,
      isBlock: directive.isBlock,
      default: directive.default,
      // Read from the syntax on first use: a check needs the shapes of the directives its file
      // holds, and reading all of them up front was a fifth of a CLI run on one nginx file.
      get shapes() {
        if (!shapes) {
          const notes = notesOf(directive.description);
          shapes = directive.syntax.map((syntax) => argumentShapeOf(syntax, notes));
        }
        return shapes;
      },
      get obsolete() {
        if (obsolete === undefined) obsolete = obsoleteNoteOf(directive.description) ?? null;
        return obsolete ?? undefined;
      },
    };
    appendTo(entries, entry.name, entry);
    for (const context of directive.contexts) if (context) contextNames.add(context);
  }
  reference = { entries, names: [...entries.keys()].sort(), contextNames };
  return reference;
}

export function entriesOf(name: string): readonly DirectiveEntry[] {
  return nginxReference().entries.get(name) ?? [];
}

/** The reference's description of a directive in one module, in markdown. */
export function descriptionOf(entry: Pick<DirectiveEntry, 'name' | 'module'>): string {
  if (!descriptions) {
    descriptions = new Map();
    const { Format, getDirectives } = lib();
    for (const directive of getDirectives(Format.Markdown)) descriptions.set(`${directive.module}/${directive.name}`, directive.description);
  }
  return descriptions.get(`${entry.module}/${entry.name}`) ?? '';
}

/** An nginx variable (`$http_upgrade`) as the reference documents it; `$arg_name`-style families match by prefix. */
export function variableOf(name: string): { name: string; module: string; description: string } | undefined {
  if (!variables) {
    variables = new Map();
    const { Format, getVariables } = lib();
    for (const variable of getVariables(Format.Markdown)) variables.set(variable.name, { module: variable.module, description: variable.description });
  }
  const exact = variables.get(name);
  if (exact) return { name, ...exact };
  for (const [documented, info] of variables) {
    const prefix = /^(\$[a-z0-9_]*?_)[A-Z]+$/.exec(documented)?.[1];
    if (prefix && name.startsWith(prefix) && name.length > prefix.length) return { name: documented, ...info };
  }
  return undefined;
}

/** nginx.org's page for a directive: `https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass`. */
export function docsUrlOf(entry: Pick<DirectiveEntry, 'name' | 'module'>): string {
  const anchor = `#${entry.name}`;
  if (entry.module === 'Core functionality') return `https://nginx.org/en/docs/ngx_core_module.html${anchor}`;
  const section = /^ngx_(http|stream|mail)_/.exec(entry.module)?.[1];
  return section ? `https://nginx.org/en/docs/${section}/${entry.module}.html${anchor}` : `https://nginx.org/en/docs/${entry.module}.html${anchor}`;
}

/**
 * What the description adds to the syntax: placeholders a paragraph reserves for the commercial
 * subscription, and the single-word names it shows in code (the parameters of `[parameters]`).
 */
function notesOf(description: string): SyntaxNotes {
  const commercial = new Set<string>();
  for (const paragraph of description.split('</p>')) {
    if (!paragraph.includes('commercial subscription')) continue;
    for (const match of paragraph.matchAll(/<em><code>([\w$-]+)<\/code><\/em>/g)) commercial.add(match[1]!);
  }
  const parameters = new Set([...description.matchAll(/<code>([a-z_][a-z0-9_]*)<\/code>/g)].map((match) => match[1]!));
  return { commercial, parameters };
}

function obsoleteNoteOf(description: string): ObsoleteNote | undefined {
  if (!description.includes('obsolete')) return undefined;
  const text = description.replace(/<[^>]+>/g, (tag) => (tag.startsWith('<code') || tag === '</code>' ? '`' : '')).replace(/\s+/g, ' ').replace(/``/g, '');
  const match = OBSOLETE.exec(text);
  if (!match) return undefined;
  return { since: (match[1] ?? match[3])!, removedIn: match[2], instead: match[4] };
}

function familyOf(module: string): NginxFamily {
  if (module.startsWith('ngx_http_') || module === 'ngx_otel_module') return 'http';
  if (module.startsWith('ngx_stream_')) return 'stream';
  if (module.startsWith('ngx_mail_')) return 'mail';
  return 'core';
}
