/**
 * Side by side, in the same run: our CLI against `dclint` on the same compose files (the corpus
 * and generated ones), and our nginx parser (in process) and CLI against Debian's `nginx -t` on
 * the same generated nginx configurations, with the V8 floor of `split('\n')` of the same bytes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, pathToUri } from '../../server/src/engine';
import { parseNginx } from '../../server/src/engine/parsers/nginx/parse';
import { generate } from './generate';
import { CLI } from './hosts';
import type { Recorder } from './results';
import { median, medianRun, ms, printTable, ratio, timed } from './stats';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const GENERATED_SIZES = [200, 2_000, 10_000] as const;

export function sideBySideBench(recorder: Recorder, root: string, quick: boolean): void {
  const folder = mkdtempSync(join(tmpdir(), 'dd-bench-side-'));
  const runs = quick ? 1 : 3;
  try {
    composeVsDclint(recorder, root, folder, runs);
    nginxVsNginx(recorder, folder, runs);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function composeVsDclint(recorder: Recorder, root: string, folder: string, runs: number): void {
  const dclint = join(root, 'node_modules/.bin/dclint');
  if (!existsSync(dclint)) {
    recorder.note('dclint is not installed: compose comparison skipped');
    return;
  }
  const sets: { name: string; files: string[] }[] = [];
  const corpus = composeFilesUnder(join(root, '..', 'shared', 'corpus'));
  const examples = composeFilesUnder(join(root, 'examples'));
  if (corpus.length > 0) sets.push({ name: `corpus (${corpus.length} files)`, files: corpus });
  else recorder.note('../shared/corpus is absent: compose comparison on the examples and generated files only');
  sets.push({ name: `examples (${examples.length} files)`, files: examples });
  for (const lines of GENERATED_SIZES) {
    const dir = join(folder, `compose-${lines}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'docker-compose.yml'), generate('compose', lines));
    writeFileSync(join(dir, '.env'), 'DB_PASSWORD=Q6zBcqSkyevgNww6TFBQn3Ug\nLOG_LEVEL=info\n');
    sets.push({ name: `generated, ${lines} lines`, files: [join(dir, 'docker-compose.yml')] });
  }
  const rows: string[][] = [];
  for (const set of sets) {
    const bytes = set.files.reduce((sum, file) => sum + statSync(file).size, 0);
    const ours = medianRun(runs, process.execPath, [join(root, CLI), 'check', '--format', 'json', ...set.files], { cwd: root });
    const theirs = medianRun(runs, dclint, ['--color', 'false', ...set.files], { cwd: root });
    const floor = median(Array.from({ length: 10 }, () => timed(() => set.files.map((file) => readFileSync(file, 'utf8').split('\n'))).wallMs));
    const key = set.name.replace(/ \(.*|,/g, '').replace(/\s+/g, '-');
    recorder.record(`side.compose.${key}.ours`, ours.wallMs, 'ms');
    recorder.record(`side.compose.${key}.dclint`, theirs.wallMs, 'ms');
    recorder.record(`side.compose.${key}.ratio`, ours.wallMs / theirs.wallMs, 'ratio', { note: 'our CLI / dclint, wall time of one process each' });
    rows.push([set.name, `${(bytes / 1024).toFixed(0)} KB`, ms(ours.wallMs), `exit ${ours.status}`, ms(theirs.wallMs), `exit ${theirs.status}`, ratio(ours.wallMs / theirs.wallMs), ms(floor)]);
  }
  printTable(
    `Compose: our CLI vs dclint (wall time, process start included, median of ${runs})`,
    ['files', 'size', 'deploy-doctor', '', 'dclint', '', 'ours/dclint', "read+split('\\n')"],
    rows,
  );
}

function nginxVsNginx(recorder: Recorder, folder: string, runs: number): void {
  if (!NGINX) {
    recorder.note('nginx is not installed: nginx comparison skipped');
    return;
  }
  const engine = new Engine();
  const rows: string[][] = [];
  for (const lines of GENERATED_SIZES) {
    const dir = join(folder, `nginx-${lines}`);
    mkdirSync(join(dir, 'nginx'), { recursive: true });
    const file = join(dir, 'nginx', 'nginx.conf');
    const text = generate('nginx', lines);
    writeFileSync(file, text);
    const parse = median(Array.from({ length: 10 }, () => timed(() => parseNginx(text)).wallMs));
    const uri = pathToUri(file);
    const view = { readText: (other: string) => (other === uri ? text : undefined), files: () => [uri] };
    const check = median(
      Array.from({ length: 5 }, () =>
        timed(() => {
          engine.forget(uri);
          return engine.check({ uri, text, kind: 'nginx' }, view);
        }).wallMs,
      ),
    );
    const floor = median(Array.from({ length: 30 }, () => timed(() => text.split('\n')).wallMs));
    const cli = medianRun(runs, process.execPath, [CLI, 'check', '--format', 'json', file]);
    const nginxT = medianRun(runs, NGINX, ['-t', '-q', '-p', `${dir}/`, '-c', file, '-g', 'error_log stderr;']);
    const name = `side.nginx.${lines}`;
    recorder.record(`${name}.parse`, parse, 'ms');
    recorder.record(`${name}.check`, check, 'ms');
    recorder.record(`${name}.cli`, cli.wallMs, 'ms');
    recorder.record(`${name}.nginxT`, nginxT.wallMs, 'ms');
    recorder.record(`${name}.floor`, floor, 'ms');
    recorder.record(`${name}.parseOverNginxT`, parse / nginxT.wallMs, 'ratio', { note: 'our parse in process / nginx -t (a process)' });
    recorder.record(`${name}.cliOverNginxT`, cli.wallMs / nginxT.wallMs, 'ratio', { note: 'our CLI / nginx -t, both processes' });
    rows.push([
      String(lines),
      ms(floor),
      ms(parse),
      ratio(parse / floor),
      ms(check),
      ms(cli.wallMs),
      `${ms(nginxT.wallMs)}${nginxT.status === 0 ? '' : ' (rejected)'}`,
      ratio(parse / nginxT.wallMs),
      ratio(cli.wallMs / nginxT.wallMs),
    ]);
  }
  printTable(
    `nginx: our parser and CLI vs \`nginx -t\` on the same generated configurations (process times: median of ${runs})`,
    ['lines', "split('\\n')", 'our parse', 'parse/floor', 'our check', 'our CLI', 'nginx -t', 'parse/nginx -t', 'CLI/nginx -t'],
    rows,
  );
}

function composeFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}
