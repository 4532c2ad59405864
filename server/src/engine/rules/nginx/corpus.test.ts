import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { corpusFiles } from '../../../../../test/corpus';
import { checkText, textOf } from '../../testing';

/*
 * The nginx files of real projects (../shared/corpus) are accepted by nginx: none of them may get
 * an error from the structural rules (or a false duplicate or removal). Each is checked at its own path, beside the project's other
 * nginx files, so context inference and include following work as in an editor.
 */
const STRUCTURAL = ['nginx/syntax', 'nginx/unknown-directive', 'nginx/directive-context', 'nginx/invalid-args', 'nginx/duplicate-directive', 'nginx/deprecated'];

/** The corpus's nginx files at their own paths (and as a workspace), or undefined when the corpus is absent. */
function corpusNginxFiles(): { readonly paths: readonly string[]; readonly workspace: Record<string, string> } | undefined {
  const files = corpusFiles('nginx')?.map((file) => ({ path: `/corpus/${file.folderPath}`, text: file.text }));
  if (!files) return undefined;
  return { paths: files.map((file) => file.path), workspace: Object.fromEntries(files.map((file) => [file.path, file.text])) };
}

test('no corpus nginx file gets a structural error', (t) => {
  const corpus = corpusNginxFiles();
  if (!corpus) {
    t.skip('../shared/corpus is absent');
    return;
  }
  const { paths, workspace } = corpus;
  assert.ok(paths.length >= 10, `expected the corpus's nginx files, found ${paths.length}`);
  const problems: string[] = [];
  for (const file of paths) {
    const result = checkText(workspace[file]!, { path: file, kind: 'nginx', files: workspace });
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error' && STRUCTURAL.includes(diagnostic.rule)) {
        problems.push(`${file}:${diagnostic.range.start.line + 1} ${diagnostic.rule} ${diagnostic.message}`);
      }
    }
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.rule === 'deploy-doctor/internal-error'), []);
  }
  assert.deepEqual(problems, []);
});

/** `file:line rule text` for each finding of these rules in the corpus, or undefined without it. */
function corpusFindings(rules: readonly string[]): string[] | undefined {
  const corpus = corpusNginxFiles();
  if (!corpus) return undefined;
  const { paths, workspace } = corpus;
  const found: string[] = [];
  for (const file of paths) {
    const text = workspace[file]!;
    for (const diagnostic of checkText(text, { path: file, kind: 'nginx', files: workspace }).diagnostics) {
      if (rules.includes(diagnostic.rule)) found.push(`${file}:${diagnostic.range.start.line + 1} ${diagnostic.rule} ${textOf(text, diagnostic)}`);
    }
  }
  return found;
}

/*
 * What the request-variable rules find in the real-world nginx files of ../shared/corpus, each
 * read and confirmed by hand: Mattermost and Jitsi send the client's `Host` upstream and into a
 * redirect. Nothing else there builds a host or a header from a value that can hold CR or LF.
 */
const REQUEST_VARIABLE_RULES = ['nginx/ssrf', 'nginx/http-splitting', 'nginx/host-spoofing'];

test('the request-variable rules find only the confirmed cases in the corpus', (t) => {
  const found = corpusFindings(REQUEST_VARIABLE_RULES);
  if (!found) {
    t.skip('../shared/corpus is absent');
    return;
  }
  // Mattermost's servers are `default_server` with `server_name _`: any Host reaches them and goes upstream as sent.
  assert.deepEqual(found.sort(), [
    '/corpus/jitsi__docker-jitsi-meet/web/rootfs/defaults/meet.conf:131 nginx/host-spoofing $http_host',
    '/corpus/jitsi__docker-jitsi-meet/web/rootfs/defaults/meet.conf:63 nginx/host-spoofing $http_host',
    '/corpus/mattermost__docker/nginx/conf.d/default.conf:116 nginx/host-spoofing $http_host',
    '/corpus/mattermost__docker/nginx/conf.d/default.conf:95 nginx/host-spoofing $http_host',
  ]);
});

/*
 * What the proxy, header and access checks find in the corpus, each read by hand: awesome-compose's
 * load balancer proxies to `upstream loadbalancer` with no `proxy_set_header Host`, so its Node
 * servers get `Host: loadbalancer`. Sentry, Mastodon and Dify set `Host` (Dify in its included proxy.conf).
 * No header value there is written over several lines, and the only `allow` lines are `allow all`
 * (Mastodon's and Mattermost's ACME challenge locations).
 */
const PROXY_HEADER_ACCESS_RULES = ['nginx/proxy-host-header', 'nginx/add-header-multiline', 'nginx/allow-without-deny'];

test('the proxy, header and access checks find only the confirmed cases in the corpus', (t) => {
  const found = corpusFindings(PROXY_HEADER_ACCESS_RULES);
  if (!found) {
    t.skip('../shared/corpus is absent');
    return;
  }
  assert.deepEqual(found.sort(), ['/corpus/docker__awesome-compose/nginx-nodejs-redis/nginx/nginx.conf:10 nginx/proxy-host-header loadbalancer']);
});
