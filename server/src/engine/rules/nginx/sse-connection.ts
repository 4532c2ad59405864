import { parseSeconds } from '../../parsers/nginx/syntax';
import type { TextEdit } from '../../types';
import { defineRule } from '../rule';
import { insertIntoLocation, locationHeader, ownedHere, replaceArgument } from './support/fixes';
import { effective, effectiveList, hasUnknownInclude, headerValue } from './support/scopes';
import { streamingLocations } from './support/streaming';
import { quoteToken } from '../../quote';

/** nginx's default `proxy_read_timeout`. */
const DEFAULT_READ_TIMEOUT = 60;

/**
 * A Server-Sent Events location whose upstream connection cannot stay open: nginx talks HTTP/1.0
 * to upstreams unless told `proxy_http_version 1.1`, and forwards the client's `Connection`
 * header unless it is cleared with `proxy_set_header Connection ''`; and, when the product sets a
 * minimum (Firefly Desk: 300 s, since agent answers with several tool calls take longer than
 * nginx's 60 s default), a `proxy_read_timeout` below it cuts long streams.
 */
export const sseConnection = defineRule({
  meta: {
    id: 'nginx/sse-connection',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: "A Server-Sent Events location without `proxy_http_version 1.1` and `proxy_set_header Connection ''`, or with `proxy_read_timeout` under the product's minimum.",
    fixable: true,
  },
  check(context) {
    const { document, product } = context;
    for (const { location, sse, websocket } of streamingLocations(context)) {
      if (!sse || hasUnknownInclude(location.chain)) continue;
      const severity = sse.product && context.mode === 'production' ? { severity: 'error' as const } : {};
      const missing: string[] = [];
      const edits: TextEdit[] = [];
      const inserts: string[] = [];

      const version = effective(location.chain, 'proxy_http_version');
      const versionArg = version?.found.directive.args[0];
      if (versionArg?.value !== '1.1') {
        missing.push(version ? `\`proxy_http_version ${quoteToken(versionArg?.raw ?? '')}\`` : 'no `proxy_http_version 1.1` (nginx uses HTTP/1.0 upstream)');
        if (ownedHere(document, location, version?.found) && versionArg) edits.push(replaceArgument(versionArg, '1.1'));
        else inserts.push('proxy_http_version 1.1;');
      }

      // A WebSocket location sets Connection to "upgrade" or a map of $http_upgrade: that is its rule's business.
      if (!websocket) {
        const headers = effectiveList(location.chain, 'proxy_set_header');
        const connection = headers ? headerValue(headers.found, 'Connection') : undefined;
        if (!connection || (connection.value !== '' && !connection.value.startsWith('$'))) {
          const shadowed = !connection && headerValue(location.chain.flatMap((scope) => scope.named('proxy_set_header')), 'Connection') !== undefined;
          const why = shadowed ? ' (the one in an enclosing block does not apply: nginx inherits `proxy_set_header` only into blocks that set none)' : '';
          missing.push(connection ? `\`Connection ${quoteToken(connection.entry.directive.args[1]!.raw)}\` instead of \`Connection ''\`` : `no \`proxy_set_header Connection ''\`${why}`);
          const arg = connection?.entry.directive.args[1];
          if (arg && ownedHere(document, location, connection.entry)) edits.push({ span: arg.span, newText: "''" });
          else inserts.push("proxy_set_header Connection '';");
        }
      }

      if (missing.length > 0) {
        if (inserts.length > 0) edits.push(insertIntoLocation(document, location, inserts));
        context.report({
          span: locationHeader(location),
          message: `\`${location.label}\` proxies a Server-Sent Events stream (${sse.why}) but has ${missing.join(' and ')}: the upstream connection is not kept open for the stream.`,
          ...severity,
          fixes: [{ title: "Use HTTP/1.1 with an empty Connection header", isPreferred: true, edits }],
        });
      }

      const minimum = product?.nginx?.minReadTimeoutSeconds;
      if (minimum === undefined) continue;
      const timeout = effective(location.chain, 'proxy_read_timeout');
      const timeoutArg = timeout?.found.directive.args[0];
      const seconds = timeoutArg ? parseSeconds(timeoutArg.value) : DEFAULT_READ_TIMEOUT;
      if (seconds === undefined || seconds >= minimum) continue;
      const here = ownedHere(document, location, timeout?.found) && timeoutArg ? timeoutArg : undefined;
      context.report({
        span: here ? here.span : locationHeader(location),
        message: `\`${location.label}\` closes streams after ${timeoutArg ? `\`proxy_read_timeout ${quoteToken(timeoutArg.raw)}\`` : "nginx's default 60s"} of upstream silence; ${product!.name} needs at least ${minimum}s, or long answers are cut off.`,
        ...severity,
        fixes: [
          {
            title: `Raise \`proxy_read_timeout\` to ${minimum}s`,
            isPreferred: true,
            edits: [here ? replaceArgument(here, `${minimum}s`) : insertIntoLocation(document, location, [`proxy_read_timeout ${minimum}s;`])],
          },
        ],
      });
    }
  },
});
