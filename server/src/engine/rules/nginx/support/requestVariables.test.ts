import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseNginx } from '../../../parsers/nginx/parse';
import { CR, LF } from './regexGroups';
import { hostPart, innerText, requestVariablesOf, variablesIn } from './requestVariables';

const directiveOf = (text: string, path: number[]) => {
  const file = parseNginx(text);
  let list = file.directives;
  let directive = list[path[0]!]!;
  const parents = [];
  for (const index of path.slice(1)) {
    parents.push(directive);
    list = directive.block!.children;
    directive = list[index]!;
  }
  return { file, directive, parents };
};

test('variables are found with their spans in plain, braced and quoted arguments; template expressions are skipped', () => {
  const text = 'add_header X "a${http_host}b$uri" ;\nproxy_pass {{ $BASE }}/x?$args;\n';
  const file = parseNginx(text);
  const uses = variablesIn(file.directives[0]!.args[1]!);
  assert.deepEqual(uses.map((use) => [use.name, text.slice(use.span.start, use.span.end), use.braced]), [['http_host', '${http_host}', true], ['uri', '$uri', false]]);
  assert.deepEqual(variablesIn(file.directives[1]!.args[0]!).map((use) => use.name), ['args']);
});

test('the host part runs from the scheme to the first `/`, or to a URI variable after a name', () => {
  const part = (value: string) => {
    const arg = parseNginx(`proxy_pass ${value};`).directives[0]!.args[0]!;
    const span = hostPart(arg);
    return innerText(arg).slice(span.start, span.end);
  };
  assert.equal(part('http://$http_x:8080/api'), '$http_x:8080');
  assert.equal(part('http://backend$request_uri'), 'backend');
  assert.equal(part('$target'), '$target');
  assert.equal(part('$scheme://$host/x'), '$host');
});

test('captures take what their group can match and what their subject can hold', () => {
  const text = 'server {\n    location ~ ^/a/(?<rest>.*)$ {\n        if ($http_x ~ ^(.+)$) {\n            return 302 /$1$rest;\n        }\n    }\n}\n';
  const { file, directive, parents } = directiveOf(text, [0, 0, 0, 0]);
  const variables = requestVariablesOf(file);
  const [one, rest] = variablesIn(directive.args[1]!);
  const site = { directive, parents };
  assert.deepEqual({ ...variables.taintOf(one!, site), capture: undefined }, { lineBreaks: 0, host: true, origin: 'a capture of `^(.+)$` from the `X` request header', capture: undefined });
  assert.equal(variables.taintOf(rest!, site)!.lineBreaks, CR);
  assert.equal(variables.taintOf({ ...rest!, name: 'uri' }, site)!.lineBreaks, CR | LF);
  assert.equal(variables.taintOf({ ...rest!, name: 'host' }, site), undefined);
});
