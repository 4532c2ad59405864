import type { ProductDefinition } from '../../../../../../schemas/types';
import type { NginxDirective } from '../../../parsers/nginx/ast';
import { walkDirectives } from '../../../parsers/nginx/walk';
import type { RuleContext, RuleWorkspace } from '../../rule';
import { rootContextsOf, type NginxDocument } from './fileContext';
import { forEachDirective } from './visit';
import { headerValue, scopeChain, type Scope } from './scopes';
import { appendTo } from '../../../collections';
import { quoteToken } from '../../../quote';

/*
 * Which proxied locations carry streams: Server-Sent Events (responses that must not be
 * buffered, on a kept-open HTTP/1.1 connection) and WebSockets (an HTTP/1.1 upgrade). Evidence,
 * strongest first: the product's own endpoints (Firefly Desk streams on `/api/`, AgentIM's
 * WebSockets are under `/ws/`), resolved to the location nginx would pick for them; what the
 * location already configures (`X-Accel-Buffering`, `Connection ''`, `Upgrade`); its path
 * (`/events`, `/stream`, `/sse`, `/ws`, `/socket.io`).
 */

export interface ProxyLocation {
  readonly directive: NginxDirective;
  readonly parents: readonly NginxDirective[];
  /** `=`, `~`, `~*`, `^~`, or `''` for a prefix; `@` for a named location. */
  readonly modifier: string;
  /** The prefix, regex or name after the modifier. */
  readonly path: string;
  /** `location /api/` as written, for messages. */
  readonly label: string;
  /** Innermost first: the location, its enclosing blocks, the file's top level. */
  readonly chain: readonly Scope[];
}

export interface StreamEvidence {
  readonly why: string;
  /** True when the product requires it (then a miss is an error, not a warning). */
  readonly product: boolean;
}

export interface StreamingLocation {
  readonly location: ProxyLocation;
  readonly sse: StreamEvidence | undefined;
  readonly websocket: StreamEvidence | undefined;
}

const SSE_PATH = /(^|[/_.-])(events?|sse|streams?|streaming|event-stream|eventsource)([/_.$-]|$)/i;
const WEBSOCKET_PATH = /(^|[/_.-])(ws|wss|websockets?|socket\.io|sockjs|cable)([/_.$-]|$)/i;
const HEADER_DIRECTIVE = /^(add_header|proxy_set_header|proxy_pass_header|more_set_headers)$/;
const ACCEL_BUFFERING = /x-accel-buffering/i;
const URL_HOST = /^[a-z]+:\/\/([^/:$]+)/i;
const UPGRADE = /upgrade/i;

const cache = new WeakMap<RuleWorkspace, WeakMap<NginxDocument, { product: ProductDefinition | undefined; result: StreamingLocation[] }>>();

/** The proxied locations of the checked file that stream, with why. */
export function streamingLocations(context: RuleContext<'nginx'>): StreamingLocation[] {
  const { document, workspace, product } = context;
  let perWorkspace = cache.get(workspace);
  if (!perWorkspace) cache.set(workspace, (perWorkspace = new WeakMap()));
  const cached = perWorkspace.get(document);
  if (cached && cached.product === product) return cached.result;
  const result = classify(document, workspace, product);
  perWorkspace.set(document, { product, result });
  return result;
}

function classify(document: NginxDocument, workspace: RuleWorkspace, product: ProductDefinition | undefined): StreamingLocation[] {
  const locations = proxyLocations(document, workspace);
  const keepaliveUpstreams = upstreamsWithKeepalive(document.ast.directives);
  const productSse = new Map<ProxyLocation, string>();
  const productWebsocket = new Map<ProxyLocation, string>();
  for (const group of groupByServer(locations)) {
    for (const path of product?.nginx?.sseLocations ?? []) {
      const serving = servingLocation(group, path);
      if (serving && !productSse.has(serving)) productSse.set(serving, path);
    }
    for (const path of product?.nginx?.websocketLocations ?? []) {
      const serving = servingLocation(group, path);
      if (serving && !productWebsocket.has(serving)) productWebsocket.set(serving, path);
    }
  }
  return locations
    .filter((location) => location.chain[0]!.has('proxy_pass'))
    .map((location) => {
      const own = location.chain[0]!.directives;
      const productPath = productSse.get(location);
      const connection = headerValue(own, 'Connection');
      const proxied = proxyTarget(own.find((entry) => entry.directive.name === 'proxy_pass')?.directive);
      let sse: StreamEvidence | undefined;
      if (productPath && product) sse = { why: `${product.name} streams Server-Sent Events under \`${productPath}\``, product: true };
      else if (own.some(({ directive }) => HEADER_DIRECTIVE.test(directive.name) && directive.args.some((arg) => ACCEL_BUFFERING.test(arg.value))))
        sse = { why: 'it passes `X-Accel-Buffering`, which streaming responses use', product: false };
      else if (connection?.value === '' && !(proxied && keepaliveUpstreams.has(proxied)))
        sse = { why: "it clears the `Connection` header (`Connection ''`), as event streams need", product: false };
      else if (SSE_PATH.test(location.path)) sse = { why: `its path \`${quoteToken(location.path)}\` names an event stream`, product: false };

      const websocketPath = productWebsocket.get(location);
      let websocket: StreamEvidence | undefined;
      if (websocketPath && product) websocket = { why: `${product.name} serves WebSocket connections under \`${websocketPath}\``, product: true };
      else if (headerValue(own, 'Upgrade')) websocket = { why: 'it forwards the `Upgrade` header', product: false };
      else if (connection && UPGRADE.test(connection.value)) websocket = { why: 'it asks for a connection upgrade', product: false };
      else if (WEBSOCKET_PATH.test(location.path)) websocket = { why: `its path \`${quoteToken(location.path)}\` names a WebSocket endpoint`, product: false };
      return { location, sse, websocket };
    })
    .filter((streaming) => streaming.sse || streaming.websocket);
}

function proxyLocations(document: NginxDocument, workspace: RuleWorkspace): ProxyLocation[] {
  const root = rootContextsOf(document, workspace)[0]!;
  const found: ProxyLocation[] = [];
  forEachDirective(document.ast.directives, root, (directive, context, parents) => {
    if (directive.name !== 'location' || !directive.block || context.family !== 'http' || directive.args.length === 0) return;
    const first = directive.args[0]!.value;
    const second = directive.args[1]?.value;
    const modifier = second !== undefined ? first : first.startsWith('@') ? '@' : '';
    const path = second ?? first;
    found.push({
      directive,
      parents,
      modifier,
      path,
      label: `location ${quoteToken(directive.args.map((arg) => arg.raw).join(' '))}`,
      chain: scopeChain(directive, parents, document.ast.directives, document.uri, workspace),
    });
  });
  return found;
}

/** Locations grouped by the server block they belong to (a snippet's locations form one group). */
function groupByServer(locations: readonly ProxyLocation[]): ProxyLocation[][] {
  const groups = new Map<NginxDirective | undefined, ProxyLocation[]>();
  for (const location of locations) {
    const server = [...location.parents].reverse().find((parent) => parent.name === 'server');
    // Only locations directly in the server (or at the top of a snippet) take part in selection.
    if (location.parents.length > 0 && location.parents[location.parents.length - 1] !== server) continue;
    appendTo(groups, server, location);
  }
  return [...groups.values()];
}

/** The location nginx picks for a request to `path`: exact, then `^~`/regex/longest prefix, as nginx does. */
export function servingLocation(locations: readonly ProxyLocation[], path: string): ProxyLocation | undefined {
  const exact = locations.find((location) => location.modifier === '=' && location.path === path);
  if (exact) return exact;
  let longest: ProxyLocation | undefined;
  for (const location of locations) {
    if ((location.modifier === '' || location.modifier === '^~') && path.startsWith(location.path) && (!longest || location.path.length > longest.path.length)) {
      longest = location;
    }
  }
  if (longest?.modifier === '^~') return longest;
  for (const location of locations) {
    if (location.modifier !== '~' && location.modifier !== '~*') continue;
    if (regexCovers(location.path, location.modifier === '~*', path)) return location;
  }
  return longest;
}

/**
 * True when a regex location takes requests for `path` or below it: it matches `path` itself, or
 * it is anchored at `path` (`^/ws/(client|gateway)$` takes the requests under `/ws/`).
 */
function regexCovers(source: string, caseless: boolean, path: string): boolean {
  const literal = source.replace(/^\^/, '').replace(/\\(.)/g, '$1');
  if ((caseless ? literal.toLowerCase() : literal).startsWith(caseless ? path.toLowerCase() : path)) return true;
  try {
    return new RegExp(source, caseless ? 'i' : '').test(path);
  } catch {
    return false; // a PCRE feature JavaScript lacks: this location cannot be judged
  }
}

/** `backend` of `proxy_pass http://backend/x;`. */
function proxyTarget(directive: NginxDirective | undefined): string | undefined {
  const url = directive?.args[0]?.value;
  const match = url ? URL_HOST.exec(url) : null;
  return match?.[1];
}

/** Upstreams with `keepalive`: for those, `Connection ''` is the keep-alive recipe, not an event stream's. */
function upstreamsWithKeepalive(directives: readonly NginxDirective[]): Set<string> {
  const names = new Set<string>();
  walkDirectives(directives, (directive) => {
    if (directive.name === 'upstream' && directive.args[0] && directive.block?.children.some((child) => child.name === 'keepalive')) names.add(directive.args[0].value);
  });
  return names;
}
