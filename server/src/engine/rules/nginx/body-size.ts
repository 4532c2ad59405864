import type { NginxDirective } from '../../parsers/nginx/ast';
import { parseSize } from '../../parsers/nginx/syntax';
import { walkDirectives } from '../../parsers/nginx/walk';
import type { RelatedLocation, TextEdit } from '../../types';
import { pathToUri, uriPath } from '../../uri';
import { defineRule, type RuleContext } from '../rule';
import { insertIntoBlock } from './support/edits';
import { rootContextsOf } from './support/fileContext';
import { forEachDirective } from './support/visit';
import { replaceArgument } from './support/fixes';
import { effective, hasUnknownInclude, scopeChain } from './support/scopes';
import { quoteToken } from '../../quote';

/** nginx's default `client_max_body_size`. */
const DEFAULT_BODY_SIZE = 1024 * 1024;
const MEGABYTE = 1024 * 1024;

/**
 * `client_max_body_size` below the product's upload limit: nginx answers 413 Request Entity Too
 * Large to uploads the product itself would accept (AgentIM: `MAX_FILE_SIZE`, read from the
 * `.env` beside the nginx file or in a parent folder, 10 MB when unset; nginx's own default is
 * 1 MB). Checked for every server that proxies, and for locations that lower the limit.
 */
export const bodySize = defineRule({
  meta: {
    id: 'nginx/body-size',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: "`client_max_body_size` below the product's upload limit (AgentIM `MAX_FILE_SIZE`, 10 MB by default).",
    fixable: true,
  },
  check(context) {
    const uploads = context.product?.nginx?.uploadLimit;
    if (!uploads) return;
    const limit = uploadLimit(context, uploads);
    if (!limit) return;
    const { document, workspace } = context;
    const raised = `${Math.ceil(limit.bytes / MEGABYTE) + 2}m`;
    const describe = `${context.product!.name} accepts uploads up to ${formatBytes(limit.bytes)} (${limit.source})`;
    const root = rootContextsOf(document, workspace)[0]!;
    const reportedSizes = new Set<NginxDirective>();

    forEachDirective(document.ast.directives, root, (directive, where, parents) => {
      if (where.family !== 'http' || !directive.block) return;
      if (directive.name === 'server' && proxies(directive)) {
        const chain = scopeChain(directive, parents, document.ast.directives, document.uri, workspace);
        if (hasUnknownInclude(chain)) return;
        const size = effective(chain, 'client_max_body_size');
        const arg = size?.found.directive.args[0];
        const bytes = arg ? parseSize(arg.value) : DEFAULT_BODY_SIZE;
        if (bytes === undefined || bytes === 0 || bytes >= limit.bytes) return;
        const editable = arg && size!.found.uri === document.uri ? arg : undefined;
        if (editable) reportedSizes.add(size!.found.directive);
        const anchor = [...directive.block.children].reverse().find((child) => child.name === 'listen' || child.name === 'server_name');
        const edit: TextEdit = editable ? replaceArgument(editable, raised) : insertIntoBlock(document.text, document.lines.eol, directive, [`client_max_body_size ${raised};`], anchor);
        context.report({
          span: editable ? editable.span : directive.nameSpan,
          message: `${editable ? `\`client_max_body_size ${quoteToken(editable.raw)}\`` : "nginx's default `client_max_body_size` of 1m"} rejects uploads with 413 Request Entity Too Large, but ${describe}.`,
          ...(limit.related ? { related: [limit.related] } : {}),
          fixes: [{ title: `Raise \`client_max_body_size\` to ${raised}`, isPreferred: true, edits: [edit] }],
        });
        return;
      }
      if (directive.name === 'location') {
        const own = directive.block.children.filter((child) => child.name === 'client_max_body_size');
        const last = own[own.length - 1];
        const arg = last?.args[0];
        const bytes = arg ? parseSize(arg.value) : undefined;
        if (!last || !arg || reportedSizes.has(last) || bytes === undefined || bytes === 0 || bytes >= limit.bytes) return;
        context.report({
          span: arg.span,
          message: `\`client_max_body_size ${quoteToken(arg.raw)}\` rejects uploads to this location with 413 Request Entity Too Large, but ${describe}.`,
          ...(limit.related ? { related: [limit.related] } : {}),
          fixes: [{ title: `Raise \`client_max_body_size\` to ${raised}`, isPreferred: true, edits: [replaceArgument(arg, raised)] }],
        });
      }
    });
  },
});

/** True when a server block passes requests to an upstream somewhere inside. */
function proxies(server: NginxDirective): boolean {
  return walkDirectives(server.block?.children ?? [], (directive) => /^(proxy_pass|fastcgi_pass|uwsgi_pass|grpc_pass)$/.test(directive.name));
}

interface UploadLimit {
  readonly bytes: number;
  readonly source: string;
  readonly related?: RelatedLocation;
}

/** The product's limit: the env key from a `.env` beside the file or in a parent folder, else the default. */
function uploadLimit(context: RuleContext<'nginx'>, uploads: { readonly envKey?: string; readonly default: string }): UploadLimit | undefined {
  if (uploads.envKey) {
    let folder = uriPath(context.document.uri).replace(/\/[^/]*$/, '');
    for (let level = 0; level < 3 && folder !== ''; level++, folder = folder.replace(/\/[^/]*$/, '')) {
      const uri = pathToUri(`${folder}/.env`);
      const env = context.workspace.parse(uri);
      if (env?.kind !== 'env') continue;
      const entry = [...env.ast.entries].reverse().find((candidate) => candidate.key === uploads.envKey);
      if (!entry) continue;
      const bytes = /^\d+$/.test(entry.value.trim()) ? Number(entry.value.trim()) : undefined;
      if (bytes === undefined || bytes <= 0) continue;
      const relative = level === 0 ? '.env' : `${'../'.repeat(level)}.env`;
      return {
        bytes,
        source: `\`${uploads.envKey}=${bytes}\` in ${relative}`,
        related: { uri, span: entry.keySpan, message: `${uploads.envKey} sets the upload limit` },
      };
    }
  }
  const bytes = parseSize(uploads.default);
  return bytes === undefined ? undefined : { bytes, source: uploads.envKey ? `its default, as \`${uploads.envKey}\` is not set` : 'its default' };
}

function formatBytes(bytes: number): string {
  if (bytes % MEGABYTE === 0) return `${bytes / MEGABYTE} MB`;
  return bytes >= MEGABYTE ? `${(bytes / MEGABYTE).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
