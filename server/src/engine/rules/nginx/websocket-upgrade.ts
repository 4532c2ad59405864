import type { TextEdit } from '../../types';
import { defineRule } from '../rule';
import { insertIntoLocation, locationHeader, ownedHere, replaceArgument } from './support/fixes';
import { effective, effectiveList, hasUnknownInclude, headerValue } from './support/scopes';
import { streamingLocations } from './support/streaming';

/**
 * A WebSocket location that cannot upgrade the connection: nginx forwards neither `Upgrade` nor
 * `Connection: upgrade` (hop-by-hop headers) and talks HTTP/1.0 upstream unless told otherwise,
 * so the handshake never reaches the backend. Needed: `proxy_http_version 1.1`,
 * `proxy_set_header Upgrade $http_upgrade`, and `proxy_set_header Connection "upgrade"` — or a
 * variable from `map $http_upgrade $connection_upgrade { … }`, the usual way to keep plain
 * requests on keep-alive.
 */
export const websocketUpgrade = defineRule({
  meta: {
    id: 'nginx/websocket-upgrade',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: 'A WebSocket location without `proxy_http_version 1.1`, `proxy_set_header Upgrade $http_upgrade` and `proxy_set_header Connection "upgrade"`.',
    fixable: true,
  },
  check(context) {
    const { document } = context;
    for (const { location, websocket } of streamingLocations(context)) {
      if (!websocket || hasUnknownInclude(location.chain)) continue;
      const missing: string[] = [];
      const edits: TextEdit[] = [];
      const inserts: string[] = [];

      const version = effective(location.chain, 'proxy_http_version');
      const versionArg = version?.found.directive.args[0];
      if (versionArg?.value !== '1.1') {
        missing.push('`proxy_http_version 1.1`');
        if (ownedHere(document, location, version?.found) && versionArg) edits.push(replaceArgument(versionArg, '1.1'));
        else inserts.push('proxy_http_version 1.1;');
      }
      const headerList = effectiveList(location.chain, 'proxy_set_header');
      const headers = headerList?.found ?? [];
      const upgrade = headerValue(headers, 'Upgrade');
      if (!upgrade || !upgrade.value.includes('$')) {
        missing.push('`proxy_set_header Upgrade $http_upgrade`');
        const arg = upgrade?.entry.directive.args[1];
        if (arg && ownedHere(document, location, upgrade.entry)) edits.push({ span: arg.span, newText: '$http_upgrade' });
        else inserts.push('proxy_set_header Upgrade $http_upgrade;');
      }
      const connection = headerValue(headers, 'Connection');
      if (!connection || !(/^upgrade$/i.test(connection.value) || connection.value.startsWith('$'))) {
        missing.push('`proxy_set_header Connection "upgrade"`');
        const arg = connection?.entry.directive.args[1];
        if (arg && ownedHere(document, location, connection.entry)) edits.push({ span: arg.span, newText: '"upgrade"' });
        else inserts.push('proxy_set_header Connection "upgrade";');
      }
      if (missing.length === 0) continue;
      const shadowed =
        headerList?.scope === location.chain[0] && location.chain.slice(1).some((scope) => scope.named('proxy_set_header').some(({ directive }) => /^(upgrade|connection)$/i.test(directive.args[0]?.value ?? '')));
      if (inserts.length > 0) edits.push(insertIntoLocation(document, location, inserts));
      context.report({
        span: locationHeader(location),
        message:
          `\`${location.label}\` carries WebSocket connections (${websocket.why}) but lacks ${missing.join(', ')}: the upgrade handshake never reaches the backend.` +
          (shadowed ? ' The headers set in an enclosing block do not apply: nginx inherits `proxy_set_header` only into blocks that set none.' : ''),
        ...(websocket.product && context.mode === 'production' ? { severity: 'error' as const } : {}),
        fixes: [{ title: 'Forward the WebSocket upgrade', isPreferred: true, edits }],
      });
    }
  },
});
