/**
 * Typing: single-character edits replayed into a 2,000-line file of each kind through the built
 * language server over LSP (stdio), the debounce set to 0 through `deployDoctor.debounceMs`. The
 * latency is from sending `didChange` to receiving the `publishDiagnostics` of that version, as
 * the client sees it (JSON-RPC both ways included).
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
  try {
    for (const kind of FILE_KINDS) {
      const text = generate(kind, LINES);
      const path = join(folder, NAMES[kind]);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      const uri = pathToFileURL(path).href;
      const opened = session.nextDiagnostics(uri, () => true, 60_000);
      await session.open(uri, text, LANGUAGES[kind]);
      await opened;

      const lines = text.split('\n');
      const latencies: number[] = [];
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
      }
      await session.close(uri);
      const p50 = percentile(latencies, 50);
      const p95 = percentile(latencies, 95);
      recorder.record(`typing.${kind}.p50`, p50, 'ms');
      recorder.record(`typing.${kind}.p95`, p95, 'ms', { max: 50, note: 'didChange → publishDiagnostics of that version, debounce 0, client side' });
      rows.push([kind, String(LINES), String(edits), ms(p50), ms(p95), ms(percentile(latencies, 100)), p95 <= 50 ? 'ok' : 'MISSED']);
    }
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  printTable('Typing through the language server (LSP over stdio, debounce 0): didChange → publishDiagnostics', ['kind', 'lines', 'edits', 'p50', 'p95', 'max', 'p95 ≤ 50 ms'], rows);
}
