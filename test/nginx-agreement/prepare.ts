import { parseNginx } from '../../server/src/engine/parsers/nginx/parse';
import type { NginxDirective } from '../../server/src/engine/parsers/nginx/ast';
import { entriesOf } from '../../server/src/engine/parsers/nginx/reference';

/*
 * Turning a file into a complete nginx configuration `nginx -t` can judge, without moving any
 * line: templates rendered with plausible values, the file wrapped in the blocks it is meant to
 * be included in (on its first and last lines), and paths that would touch the system or need
 * files we do not have (certificates, logs, caches) pointed into the test's folder.
 */

export type Placement = 'main' | 'http' | 'server' | 'location';

/** Where the file is meant to stand: a main configuration, or a snippet for http, server or location. */
export function placementOf(text: string): Placement {
  const top = parseNginx(text).directives.filter((directive) => !directive.placeholder);
  const names = top.map((directive) => directive.name);
  const mainOnly = (name: string) => {
    const entries = entriesOf(name);
    return entries.length > 0 && entries.every((entry) => entry.contexts.every((context) => context === 'main'));
  };
  if (names.some((name) => ['events', 'http', 'stream', 'mail'].includes(name) || mainOnly(name))) return 'main';
  if (names.some((name) => ['location', 'listen', 'server_name'].includes(name))) return 'server';
  const locationOnly = (name: string) => {
    const entries = entriesOf(name);
    return entries.length > 0 && entries.every((entry) => !entry.contexts.includes('http') && !entry.contexts.includes('server') && !entry.contexts.includes(''));
  };
  if (names.some(locationOnly)) return 'location';
  return 'http';
}

/** Wraps a snippet in the blocks it belongs in, on its first and last lines, so line numbers stay. */
export function wrap(text: string, placement: Placement): string {
  const open = { main: '', http: 'events {} http { ', server: 'events {} http { server { ', location: 'events {} http { server { location / { ' }[placement];
  const close = { main: '', http: '\n}\n', server: '\n} }\n', location: '\n} } }\n' }[placement];
  const withEvents = placement === 'main' && !/^\s*events\b/m.test(text) ? `${text}\nevents {}\n` : text;
  return open + withEvents + close;
}

/** Renders Go template actions and envsubst variables with plausible values, keeping every line. */
export function renderTemplates(text: string): string {
  const assigned = new Map<string, string>();
  for (const match of text.matchAll(/\{\{-?\s*\$(\w+)\s*:=([^}]*)\}\}/g)) {
    const fallback = /default\s+"([^"]*)"/.exec(match[2]!)?.[1];
    if (fallback !== undefined) assigned.set(match[1]!, fallback);
  }
  const rendered = text.replace(/\{\{-?([^}\n]*?)-?\}\}/g, (_action, inner: string) => {
    const body = inner.trim();
    if (/^(?:if|else|end|range|with|define|template|block)\b/.test(body) || /^\$\w+\s*:?=/.test(body) || body.startsWith('/*')) return '';
    const fallback = /default\s+"([^"]*)"/.exec(body)?.[1];
    if (fallback !== undefined) return fallback;
    const variable = /^\$(\w+)$/.exec(body)?.[1];
    if (variable && assigned.has(variable)) return assigned.get(variable)!;
    return plausible(body);
  });
  return rendered.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name: string, offset: number, all: string) => {
    // A variable alone on its line stands for injected directives: render it as nothing.
    const lineStart = all.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = all.indexOf('\n', offset);
    const line = all.slice(lineStart, lineEnd < 0 ? all.length : lineEnd).trim();
    return line === whole ? '' : plausible(name);
  });
}

function plausible(name: string): string {
  const upper = name.toUpperCase();
  if (/PORT/.test(upper)) return '8080';
  if (/URL|BASE/.test(upper)) return 'http://127.0.0.1:5280';
  if (/TIMEOUT/.test(upper)) return '60s';
  if (/SIZE/.test(upper)) return '10m';
  if (/SERVER_NAME/.test(upper)) return '_';
  if (/DOMAIN|HOST/.test(upper)) return 'example.com';
  if (/PROCESSES/.test(upper)) return 'auto';
  if (/CONNECTIONS/.test(upper)) return '768';
  if (/RESOLVER/.test(upper)) return '127.0.0.11';
  if (/PATH/.test(upper)) return 'path';
  return 'value';
}

export interface Paths {
  readonly certificate: string | undefined;
  readonly key: string | undefined;
  readonly scratch: string;
}

/**
 * Points certificates at a generated pair, logs, caches and temporary folders into the test's
 * folder, and drops `load_module` (Debian's package has no module files to load).
 */
export function localizePaths(text: string, paths: Paths): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walk(parseNginx(text).directives, (directive) => {
    const first = directive.args[0];
    if (directive.name === 'load_module') edits.push({ ...directive.span, text: blank(text.slice(directive.span.start, directive.span.end)) });
    if (!first || first.value.includes('$') || first.templated) return;
    if (directive.name === 'ssl_certificate' && paths.certificate) edits.push({ ...first.span, text: paths.certificate });
    else if (directive.name === 'ssl_certificate_key' && paths.key) edits.push({ ...first.span, text: paths.key });
    else if ((directive.name === 'access_log' || directive.name === 'error_log') && first.value.startsWith('/'))
      edits.push({ ...first.span, text: `${paths.scratch}/logs/${edits.length}.log` });
    else if (/_(temp|cache)_path$/.test(directive.name) && first.value.startsWith('/')) edits.push({ ...first.span, text: `${paths.scratch}/cache/${edits.length}` });
  });
  return applyEdits(text, edits);
}

export function walk(directives: readonly NginxDirective[], visit: (directive: NginxDirective) => void): void {
  const stack = [...directives];
  while (stack.length > 0) {
    const directive = stack.shift()!;
    visit(directive);
    if (directive.block) stack.unshift(...directive.block.children);
  }
}

/** Spaces for every character but line breaks: the text disappears, the lines stay. */
export function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

export function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
