import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText, textOf } from '../../testing';

/*
 * What the request-variable rules find in the real-world nginx files of ../shared/corpus, each
 * read and confirmed by hand: Mattermost and Jitsi send the client's `Host` upstream and into a
 * redirect. Nothing else there builds a host or a header from a value that can hold CR or LF.
 */
const CORPUS = path.join(process.cwd(), '..', 'shared', 'corpus');
const RULES = ['nginx/ssrf', 'nginx/http-splitting', 'nginx/host-spoofing'];

test('the request-variable rules find only the confirmed cases in the corpus', (t) => {
  const manifest = path.join(CORPUS, 'manifest.tsv');
  if (!existsSync(manifest)) {
    t.skip('../shared/corpus is absent');
    return;
  }
  const files = readFileSync(manifest, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([repo, , file, kind]) => kind === 'nginx' && repo && file)
    .map(([repo, , file]) => ({ path: `/corpus/${repo!.replace('/', '__')}/${file!}`, local: path.join(CORPUS, repo!.replace('/', '__'), file!) }))
    .filter((file) => existsSync(file.local));
  const workspace = Object.fromEntries(files.map((file) => [file.path, readFileSync(file.local, 'utf8')]));
  const found: string[] = [];
  for (const file of files) {
    const text = workspace[file.path]!;
    for (const diagnostic of checkText(text, { path: file.path, kind: 'nginx', files: workspace }).diagnostics) {
      if (RULES.includes(diagnostic.rule)) found.push(`${file.path}:${diagnostic.range.start.line + 1} ${diagnostic.rule} ${textOf(text, diagnostic)}`);
    }
  }
  // Mattermost's servers are `default_server` with `server_name _`: any Host reaches them and goes upstream as sent.
  assert.deepEqual(found.sort(), [
    '/corpus/jitsi__docker-jitsi-meet/web/rootfs/defaults/meet.conf:131 nginx/host-spoofing $http_host',
    '/corpus/jitsi__docker-jitsi-meet/web/rootfs/defaults/meet.conf:63 nginx/host-spoofing $http_host',
    '/corpus/mattermost__docker/nginx/conf.d/default.conf:116 nginx/host-spoofing $http_host',
    '/corpus/mattermost__docker/nginx/conf.d/default.conf:95 nginx/host-spoofing $http_host',
  ]);
});
