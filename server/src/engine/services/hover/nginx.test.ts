import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { engineFor, memoryWorkspace } from '../../testing';
import { pathToUri } from '../../uri';

const hoverAt = (text: string, marker: string, path = '/project/nginx/nginx.conf') => {
  const offset = text.indexOf(marker) + 1;
  return engineFor().hover({ uri: pathToUri(path), text }, memoryWorkspace({ [path]: text }), offset);
};

test('hover on a directive shows syntax, default, contexts, module, description and the nginx.org link', () => {
  const text = 'http {\n    server {\n        location / {\n            proxy_buffering off;\n        }\n    }\n}\n';
  const hover = hoverAt(text, 'proxy_buffering');
  assert.deepEqual(hover!.span, { start: text.indexOf('proxy_buffering'), end: text.indexOf('proxy_buffering') + 'proxy_buffering'.length });
  const markdown = hover!.markdown;
  assert.match(markdown, /^\*\*proxy_buffering\*\* · ngx_http_proxy_module/);
  assert.match(markdown, /```nginx\nproxy_buffering on \| off;\n```/);
  assert.match(markdown, /- Default: `proxy_buffering on;`/);
  assert.match(markdown, /- Context: `http`, `server`, `location`/);
  assert.match(markdown, /Enables or disables buffering of responses from the proxied server/);
  assert.doesNotMatch(markdown, /<\/?(p|code|em)>/, 'the description is markdown, not HTML');
  assert.match(markdown, /\[nginx\.org: proxy_buffering\]\(https:\/\/nginx\.org\/en\/docs\/http\/ngx_http_proxy_module\.html#proxy_buffering\)/);
});

test('a name several modules define shows the module that applies where it stands', () => {
  const text = 'http {\n    upstream app {\n        server 127.0.0.1:8000;\n    }\n    server {\n        listen 80;\n    }\n}\n';
  const member = hoverAt(text, 'server 127')!.markdown;
  assert.match(member, /^\*\*server\*\* · ngx_http_upstream_module/);
  assert.doesNotMatch(member, /\*\*server\*\* · ngx_http_core_module/);
  const block = hoverAt(text, 'server {\n        listen')!.markdown;
  assert.match(block, /^\*\*server\*\* · ngx_http_core_module/);
});

test('hover on a variable shows its documentation, including $http_NAME families', () => {
  const text = 'server {\n    location / {\n        proxy_set_header Upgrade $http_upgrade;\n        return 200 $request_uri;\n    }\n}\n';
  const upgrade = hoverAt(text, '$http_upgrade');
  assert.equal(text.slice(upgrade!.span.start, upgrade!.span.end), '$http_upgrade');
  assert.match(upgrade!.markdown, /^\*\*\$http_upgrade\*\* · ngx_http_core_module \(`\$http_NAME`\)/);
  assert.match(hoverAt(text, '$request_uri')!.markdown, /^\*\*\$request_uri\*\*/);
});

test('no hover on unknown directives or in comments', () => {
  const text = '# proxy_buffering off;\nserver {\n    frobnicate 1;\n}\n';
  assert.equal(hoverAt(text, 'proxy_buffering'), undefined);
  assert.equal(hoverAt(text, 'frobnicate'), undefined);
});
