import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFix, checkText, findingsOf, textOf } from '../../testing';
import { pathToUri } from '../../uri';

const PATH = '/project/nginx/conf.d/agentim.conf';
const URI = pathToUri(PATH);
const upgradeOf = (text: string, product?: string) => findingsOf(checkText(text, { path: PATH, kind: 'nginx', ...(product ? { product } : {}) }), 'nginx/websocket-upgrade');

test("AgentIM's /ws/ without the upgrade headers is an error; the fix inserts all three lines", () => {
  const text = 'server {\n    location /ws/ {\n        proxy_pass http://agentim;\n        proxy_set_header Host $host;\n    }\n}\n';
  const [finding, ...rest] = upgradeOf(text, 'agentim');
  assert.deepEqual(rest, []);
  assert.equal(finding!.severity, 'error');
  assert.equal(textOf(text, finding!), 'location /ws/');
  assert.equal(
    finding!.message,
    '`location /ws/` carries WebSocket connections (AgentIM serves WebSocket connections under `/ws/`) but lacks `proxy_http_version 1.1`, `proxy_set_header Upgrade $http_upgrade`, `proxy_set_header Connection "upgrade"`: the upgrade handshake never reaches the backend.',
  );
  assert.equal(
    applyFix(text, URI, finding!.fixes[0]!),
    'server {\n    location /ws/ {\n        proxy_pass http://agentim;\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection "upgrade";\n        proxy_set_header Host $host;\n    }\n}\n',
  );
});

test('the guide\'s /ws/ location and the map $http_upgrade pattern pass', () => {
  const guide = 'server {\n    location /ws/ {\n        proxy_pass http://agentim;\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection "upgrade";\n    }\n}\n';
  assert.deepEqual(upgradeOf(guide, 'agentim'), []);
  const mapped = 'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    \'\' close;\n}\nserver {\n    location /socket.io/ {\n        proxy_pass http://app;\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n    }\n}\n';
  assert.deepEqual(upgradeOf(mapped), []);
});

test('a partial setup is completed: a wrong Connection value is replaced in place', () => {
  const text = 'server {\n    location /chat {\n        proxy_pass http://app;\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection keep-alive;\n    }\n}\n';
  const [finding] = upgradeOf(text);
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /it forwards the `Upgrade` header/);
  assert.match(finding!.message, /lacks `proxy_set_header Connection "upgrade"`:/);
  assert.equal(applyFix(text, URI, finding!.fixes[0]!), text.replace('Connection keep-alive;', 'Connection "upgrade";'));
});

test('headers set in the server do not reach a location with its own proxy_set_header', () => {
  const text = 'server {\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n    location /chat/ws/ {\n        proxy_pass http://app;\n        proxy_set_header Host $host;\n    }\n}\n';
  const [finding] = upgradeOf(text);
  assert.match(finding!.message, /its path `\/chat\/ws\/` names a WebSocket endpoint/);
  assert.match(finding!.message, /The headers set in an enclosing block do not apply/);
  const inherited = text.replace('        proxy_set_header Host $host;\n', '');
  assert.deepEqual(upgradeOf(inherited), []);
});

test('a regex location the product path resolves to is the one checked', () => {
  const text = 'server {\n    location ~ ^/ws/(client|gateway)$ {\n        proxy_pass http://agentim;\n    }\n    location / {\n        proxy_pass http://agentim;\n    }\n}\n';
  const findings = upgradeOf(text, 'agentim');
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['location ~ ^/ws/(client|gateway)$']);
});
