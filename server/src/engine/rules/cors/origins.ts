import type { SettingSpec } from '../../../../../schemas/types';
import type { NginxDirective } from '../../parsers/nginx/ast';
import { walkDirectives } from '../../parsers/nginx/walk';
import type { Span } from '../../types';
import type { CheckedGroup, CheckedSetting } from '../schema/productSettings';

/*
 * Where a CORS wildcard is and what the site's own origin is, for settings and for nginx.
 * Exported for reuse by anything that reports on allowed origins.
 */

const CORS_LIKE_KEY = /CORS|ALLOWED_ORIGINS?$|ALLOW_ORIGINS?$|(^|_)ORIGINS$/i;
const CREDENTIALS_KEY = /CORS.*CREDENTIALS|ALLOW_CREDENTIALS|CREDENTIALS_ALLOWED/i;
const SITE_URL_KEY = /REDIRECT_URI|REDIRECT_URL|CALLBACK|PUBLIC_URL|APP_URL|SITE_URL|EXTERNAL_URL|FRONTEND_URL|BASE_URL|SERVER_URL|^ORIGIN$|PUBLIC_DOMAIN|_HOSTS?$/i;

/** True for settings that list allowed CORS origins: the spec says so, or (without one) the name does. */
export function isCorsSetting(key: string, spec: SettingSpec | undefined): boolean {
  if (spec) return spec.cors !== undefined;
  return CORS_LIKE_KEY.test(key) && !CREDENTIALS_KEY.test(key) && !/(METHODS|HEADERS|MAX_AGE|ENABLED)$/i.test(key);
}

/**
 * The spans of `*` entries in a written list (`*`, `https://a,*`, `["*"]`, TOML `["*"]`),
 * relative to the written text: the star itself, so a fix replaces only it.
 */
export function wildcardOffsets(written: string): number[] {
  const offsets: number[] = [];
  const item = /(^|[,\s[])(["']?)\*\2(?=\s*($|[,\]]))/g;
  for (const match of written.matchAll(item)) offsets.push(match.index + match[1]!.length + match[2]!.length);
  return offsets;
}

/** True when the group allows credentials with CORS (a `*CREDENTIALS*` setting that is on). */
export function allowsCredentials(group: CheckedGroup, spec: SettingSpec | undefined): boolean {
  const key = spec?.cors?.credentialsKey;
  return group.settings.some((setting) => {
    const matches = key ? setting.occurrence.key === key : CREDENTIALS_KEY.test(setting.occurrence.key);
    const value = (setting.value ?? '').trim().toLowerCase();
    return matches && ['true', '1', 'yes', 'on'].includes(value);
  });
}

/** The site's origin when the group names it elsewhere (a redirect URI, a public URL), else undefined. */
export function siteOriginOf(settings: readonly CheckedSetting[]): string | undefined {
  for (const setting of settings) {
    if (!SITE_URL_KEY.test(setting.occurrence.key) || !setting.value) continue;
    const origin = originOf(setting.value.split(',')[0]!.trim());
    if (origin) return origin;
  }
  return undefined;
}

/** `https://desk.example.com/auth/callback` → `https://desk.example.com`; not for loopback hosts. */
export function originOf(value: string): string | undefined {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value) ? `https://${value}` : undefined;
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || isLoopback(url.hostname)) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export function isLoopback(host: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0)$/i.test(host) || host.endsWith('.localhost');
}

/** An nginx `add_header Access-Control-Allow-Origin *` found in a block. */
export interface NginxWildcard {
  readonly directive: NginxDirective;
  /** The `*` argument's span (quotes excluded). */
  readonly star: Span;
  /** `add_header Access-Control-Allow-Credentials true` in the same block or an enclosing one. */
  readonly withCredentials: boolean;
  /** The enclosing server's first real `server_name`, when there is one. */
  readonly serverName: string | undefined;
  /**
   * True when the header is set in a `location` that only serves files from disk: no `*_pass`,
   * `return`, `include` or `try_files … @named` in it, nor in a block inside it (public scripts,
   * fonts, a CDN mirror).
   */
  readonly staticFiles: boolean;
}

/** Directives that hand a request to something other than the file system. */
const DYNAMIC = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass', 'memcached_pass', 'return', 'include', 'content_by_lua', 'content_by_lua_block', 'content_by_lua_file', 'js_content', 'perl']);

/** True for a `location` block whose every request is answered from disk. */
function servesStaticFiles(block: NginxDirective | undefined): boolean {
  if (block?.name !== 'location' || !block.block) return false;
  // `try_files $uri @backend;` hands what is not on disk to a named location.
  const handsOn = (directive: NginxDirective) => DYNAMIC.has(directive.name) || (directive.name === 'try_files' && directive.args.some((arg) => arg.value.startsWith('@')));
  return !walkDirectives(block.block.children, handsOn);
}

/**
 * The header's name, as any text that sets it must spell it: an argument's value is its text with
 * only quotes and the escapes `\"`, `\'`, `\\`, `\t`, `\r`, `\n` resolved, none of which gives a letter or `-`.
 */
const ALLOW_ORIGIN_TEXT = /access-control-allow-origin/i;

/** Every literal `*` Access-Control-Allow-Origin header of an nginx file (`directives`, parsed from `text`). */
export function nginxWildcards(text: string, directives: readonly NginxDirective[]): NginxWildcard[] {
  // A search of the text first: most files set no such header, and the walk below reads every
  // directive of the file, which for a large file costs more than the search.
  if (!ALLOW_ORIGIN_TEXT.test(text)) return [];
  const found: NginxWildcard[] = [];
  // Depth first in document order, with a stack rather than recursion: 10,000 nested blocks must not overflow.
  const frames: { children: readonly NginxDirective[]; index: number; here: boolean; name: string | undefined; owner: NginxDirective | undefined }[] = [];
  const enter = (children: readonly NginxDirective[], credentials: boolean, serverName: string | undefined, owner: NginxDirective | undefined) =>
    frames.push({ children, index: 0, here: credentials || children.some(isCredentialsHeader), name: serverName ?? serverNameIn(children), owner });
  enter(directives, false, undefined, undefined);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.index >= frame.children.length) {
      frames.pop();
      continue;
    }
    const directive = frame.children[frame.index++]!;
    if (isHeader(directive, 'access-control-allow-origin')) {
      const value = directive.args[1];
      if (value && value.value === '*' && !value.templated) {
        const offset = value.quote ? 1 : 0;
        const star = { start: value.span.start + offset, end: value.span.start + offset + 1 };
        found.push({ directive, star, withCredentials: frame.here, serverName: frame.name, staticFiles: servesStaticFiles(frame.owner) });
      }
    }
    if (directive.block && !directive.block.raw) {
      const nestedName = directive.name === 'server' ? serverNameIn(directive.block.children) : frame.name;
      enter(directive.block.children, frame.here, nestedName, directive);
    }
  }
  return found;
}

function isHeader(directive: NginxDirective, header: string): boolean {
  return (directive.name === 'add_header' || directive.name === 'more_set_headers') && directive.args[0]?.value.toLowerCase() === header;
}

function isCredentialsHeader(directive: NginxDirective): boolean {
  return isHeader(directive, 'access-control-allow-credentials') && directive.args[1]?.value.toLowerCase() === 'true';
}

function serverNameIn(children: readonly NginxDirective[]): string | undefined {
  const directive = children.find((child) => child.name === 'server_name');
  return directive?.args.map((arg) => arg.value).find((name) => name !== '_' && name !== '' && !name.includes('*') && !name.startsWith('~') && !name.includes('$') && name.includes('.'));
}
