import { defineRule } from '../rule';
import { insertIntoLocation, locationHeader, ownedHere, replaceArgument } from './support/fixes';
import { effective, hasUnknownInclude } from './support/scopes';
import { streamingLocations } from './support/streaming';
import { quoteToken } from '../../quote';

/**
 * A location that proxies Server-Sent Events while nginx buffers the upstream's responses
 * (`proxy_buffering on`, nginx's default): events then reach the browser late and in bursts, or
 * only when the stream ends. Which locations stream: the product's (Firefly Desk `/api/`),
 * locations passing `X-Accel-Buffering` or clearing `Connection`, and paths named for events,
 * streams or SSE. Inherited settings count (`proxy_buffering off` in `server` covers its
 * locations); a location including a file the workspace lacks is not judged.
 */
export const sseBuffering = defineRule({
  meta: {
    id: 'nginx/sse-buffering',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: 'A location that proxies a Server-Sent Events stream without `proxy_buffering off`.',
    fixable: true,
  },
  check(context) {
    const { document } = context;
    for (const { location, sse } of streamingLocations(context)) {
      if (!sse || hasUnknownInclude(location.chain)) continue;
      const buffering = effective(location.chain, 'proxy_buffering');
      const value = buffering?.found.directive.args[0];
      if (value?.value.toLowerCase() === 'off') continue;
      const editable = ownedHere(document, location, buffering?.found) && value ? value : undefined;
      const state = !buffering
        ? 'nginx buffers by default (`proxy_buffering on`)'
        : buffering.scope === location.chain[0]
          ? `it sets \`proxy_buffering ${quoteToken(value?.raw ?? '')}\``
          : `it inherits \`proxy_buffering ${quoteToken(value?.raw ?? '')}\` from ${buffering.scope.owner ? `\`${quoteToken(buffering.scope.owner.name)}\`` : 'the top level'}`;
      context.report({
        span: editable ? editable.span : locationHeader(location),
        message: `\`${location.label}\` proxies a Server-Sent Events stream (${sse.why}), but ${state}: events reach the browser late and in bursts, or only when the stream ends. Set \`proxy_buffering off\`.`,
        ...(sse.product && context.mode === 'production' ? { severity: 'error' as const } : {}),
        fixes: [
          {
            title: 'Set `proxy_buffering off`',
            isPreferred: true,
            edits: [editable ? replaceArgument(editable, 'off') : insertIntoLocation(document, location, ['proxy_buffering off;'])],
          },
        ],
      });
    }
  },
});
