import type { FileKind } from '../types';
import { basename, uriPath } from '../uri';
import { matchesGlob } from './glob';

/** A user setting mapping a glob to a file kind (`deployDoctor.files.associations`). */
export interface KindAssociation {
  readonly glob: string;
  readonly kind: FileKind;
}

const COMPOSE_NAME = /^(docker-)?compose([.-][^/]*)?\.ya?ml$/i;
const ENV_NAME = /^(\.env(\..+)?|.+\.env)$/i;
const NGINX_DIR = /(^|\/)(nginx|conf\.d|sites-[^/]+|snippets|http\.d|stream\.d)\//i;
const TOML_CONFIG_DIR = /(^|\/)(config|configs|\.flovyn|flovyn[^/]*|fraiseql[^/]*|deploy)\//i;
/** Files whose name says nothing but whose content may be nginx. */
const SNIFFABLE_NAME = /^([^.]+|.+\.(conf|template|tpl|nginx))$/i;
const NGINX_CONTENT = /^[ \t]*(http|server|events|upstream|location|map|stream)\b[^;{}\n]*\{/m;

/**
 * The kind of a file, from user associations, then its name, then (for names that say nothing)
 * its content. Undefined means "not a configuration file we check".
 */
export function detectKind(uri: string, text: string | undefined, associations: readonly KindAssociation[] = []): FileKind | undefined {
  const path = uriPath(uri);
  for (const association of associations) {
    if (matchesGlob(path, association.glob)) return association.kind;
  }
  const name = basename(uri);
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (ENV_NAME.test(name) && !/\.(example|sample|template)\.(ya?ml|json|md)$/i.test(name)) return 'env';
  if (name === 'config.toml' || name.toLowerCase() === 'fraiseql.toml') return 'toml';
  if (/\.toml$/i.test(name) && TOML_CONFIG_DIR.test(path)) return 'toml';
  if (/(^|\/)\.flovyn\/credentials$/.test(path)) return 'toml';
  if (name === 'nginx.conf' || /\.nginx$/i.test(name)) return 'nginx';
  if (/\.conf(\.template)?$/i.test(name) && NGINX_DIR.test(path)) return 'nginx';
  if (text !== undefined && SNIFFABLE_NAME.test(name) && looksLikeNginx(text)) return 'nginx';
  return undefined;
}

/** True when the text reads as nginx configuration: a known block opener and a `;`-terminated line. */
export function looksLikeNginx(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  return NGINX_CONTENT.test(head) && /;[ \t]*(#.*)?$/m.test(head);
}
