import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { MAIN_CONTEXT, walkNginx } from './context';
import { parseNginx } from './parse';

const TEXT = `user nginx;
events { worker_connections 64; }
http {
    upstream app { server 127.0.0.1:8000; }
    server {
        listen 80;
        location / {
            proxy_pass http://app;
            if ($http_upgrade) { return 426; }
        }
        root /srv;
    }
    gzip on;
}
pid /run/nginx.pid;
`;

test('the walk visits every directive in document order, with its context and enclosing blocks', () => {
  const visited: string[] = [];
  walkNginx(parseNginx(TEXT).directives, MAIN_CONTEXT, (directive, context, parents) => {
    visited.push(`${[...parents.map((parent) => parent.name), directive.name].join('/')} in ${context.name}`);
  });
  assert.deepEqual(visited, [
    'user in main',
    'events in main',
    'events/worker_connections in events',
    'http in main',
    'http/upstream in http',
    'http/upstream/server in upstream',
    'http/server in http',
    'http/server/listen in server',
    'http/server/location in server',
    'http/server/location/proxy_pass in location',
    'http/server/location/if in location',
    'http/server/location/if/return in if in location',
    'http/server/root in server',
    'http/gzip in http',
    'pid in main',
  ]);
});
