/**
 * Typing: single-character edits replayed into a 2,000-line file of each kind through the built
 * language server over LSP (stdio), the debounce set to 0 through `deployDoctor.debounceMs`. Two
 * latencies per edit: the client's, from sending `didChange` to receiving the `publishDiagnostics`
 * of that version (JSON-RPC both ways included), and the server's own, from its trace line for the
 * check of that version (check and conversion, debounce excluded): the target is on the latter.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FILE_KINDS, type FileKind } from '../../server/src/engine';
import { LspSession } from '../../test/server/lspSession';
import { generate } from './generate';
import { SERVER } from './hosts';
import type { Recorder } from './results';
import { ms, percentile, printTable } from './stats';

const LINES = 2_000;
const EDITS = 500;
const NAMES: Readonly<Record<FileKind, string>> = { env: '.env', toml: 'config.toml', compose: 'docker-compose.yml', nginx: 'nginx/nginx.conf' };
const LANGUAGES: Readonly<Record<FileKind, string>> = { env: 'dotenv', toml: 'toml', compose: 'dockercompose', nginx: 'nginx' };

export async function typingBench(recorder: Recorder, quick: boolean): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'dd-bench-typing-'));
  const edits = quick ? 100 : EDITS;
  const rows: string[][] = [];
  const { session } = await LspSession.start({ ...SERVER, folder, settings: { deployDoctor: { debounceMs: 0 } } });
  await session.setTrace('messages');
  try {
    for (const kind of FILE_KINDS) {
      const text = generate(kind, LINES);
      const path = join(folder, NAMES[kind]);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      const uri = pathToFileURL(path).href;
      await session.openChecked(uri, text, LANGUAGES[kind], 60_000);

      const lines = text.split('\n');
      const latencies: number[] = [];
      const serverTimes: number[] = [];
      for (let i = 0; i < edits; i++) {
        // Pairs of edits on one line: type a character in the middle, then delete it.
        const line = 100 + ((Math.floor(i / 2) * 7919) % (LINES - 200));
        const character = Math.floor(lines[line]!.length / 2);
        const typed = i % 2 === 0;
        const range = typed
          ? { start: { line, character }, end: { line, character } }
          : { start: { line, character }, end: { line, character: character + 1 } };
        const version = i + 2;
        const published = session.nextDiagnostics(uri, (params) => params.version === version, 30_000).then(() => performance.now());
        const sent = performance.now();
        await session.change(uri, range, typed ? 'x' : '');
        latencies.push((await published) - sent);
        serverTimes.push(serverTimeOf(session.traces, uri, version));
      }
      await session.close(uri);
      const p50 = percentile(latencies, 50);
      const p95 = percentile(latencies, 95);
      const serverP50 = percentile(serverTimes, 50);
      const serverP95 = percentile(serverTimes, 95);
      recorder.record(`typing.${kind}.p50`, p50, 'ms', { note: 'didChange sent → publishDiagnostics of that version received, debounce 0' });
      recorder.record(`typing.${kind}.p95`, p95, 'ms', { note: 'client side, as p50' });
      recorder.record(`typing.${kind}.server.p50`, serverP50, 'ms', { note: "the server's trace: check and conversion of that version" });
      recorder.record(`typing.${kind}.server.p95`, serverP95, 'ms', { max: 50, note: 'server side, debounce excluded' });
      rows.push([kind, String(LINES), String(edits), ms(p50), ms(p95), ms(serverP50), ms(serverP95), serverP95 <= 50 ? 'ok' : 'MISSED']);
    }
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  printTable(
    'Typing through the language server (LSP over stdio, debounce 0): didChange → publishDiagnostics at the client, and the check in the server',
    ['kind', 'lines', 'edits', 'client p50', 'client p95', 'server p50', 'server p95', 'server p95 ≤ 50 ms'],
    rows,
  );
}

/** The check time the server traced for `version` of `uri` ("checked <uri> version <n>: … in <t> ms"). */
function serverTimeOf(traces: readonly string[], uri: string, version: number): number {
  const prefix = `checked ${uri} version ${version}: `;
  let line: string | undefined;
  for (let index = traces.length - 1; index >= 0 && line === undefined; index--) if (traces[index]!.startsWith(prefix)) line = traces[index];
  const time = line === undefined ? undefined : / in ([\d.]+) ms$/.exec(line)?.[1];
  if (time === undefined) throw new Error(`the server traced no check of version ${version} of ${uri}`);
  return Number(time);
}
