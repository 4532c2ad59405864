/**
 * Scale: a generated workspace of 1,000 configuration files (250 projects, one file of each kind
 * each, 30 to 300 lines). Measures the language server's initial index, then a check of every
 * file as a user going through them would (open, diagnostics, close: one at a time), then all
 * 1,000 open at once; its peak resident memory (VmHWM) after each; and the CLI on the same tree.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileKind } from '../../server/src/engine';
import { LspSession } from '../../test/server/lspSession';
import { generate } from './generate';
import { CLI, SERVER } from './hosts';
import type { Recorder } from './results';
import { mb, ms, printTable, timedRun } from './stats';

const PROJECTS = 250;
const FILES: readonly { readonly kind: FileKind; readonly name: string; readonly language: string }[] = [
  { kind: 'env', name: '.env', language: 'dotenv' },
  { kind: 'toml', name: 'config.toml', language: 'toml' },
  { kind: 'compose', name: 'docker-compose.yml', language: 'dockercompose' },
  { kind: 'nginx', name: 'nginx/nginx.conf', language: 'nginx' },
];

/**
 * Peak and current resident memory of a process, in bytes, from /proc (Linux only); `fileBacked`
 * is the part of the current figure that maps files, mostly the node executable's code, which
 * every node process on the machine shares.
 */
export function memoryOf(pid: number): { peak: number; current: number; fileBacked: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { peak: kb('VmHWM'), current: kb('VmRSS'), fileBacked: kb('RssFile') };
  } catch {
    return undefined;
  }
}

export async function scaleBench(recorder: Recorder): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'dd-bench-scale-'));
  const documents: { path: string; language: string }[] = [];
  let bytes = 0;
  for (let project = 0; project < PROJECTS; project++) {
    for (const [index, file] of FILES.entries()) {
      const path = join(folder, `project-${project}`, file.name);
      const text = generate(file.kind, 30 + ((project * 37 + index * 11) % 271));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      bytes += text.length;
      documents.push({ path, language: file.language });
    }
  }
  const rows: string[][] = [];
  try {
    const started = performance.now();
    const { session } = await LspSession.start({ ...SERVER, folder, settings: { deployDoctor: { debounceMs: 0 } } });
    try {
      const line = await session.waitForLog(/^indexed \d+ configuration files/, 120_000);
      const indexWall = performance.now() - started;
      const serverMs = Number(/\((\d+) ms\)/.exec(line)?.[1] ?? NaN);
      const afterIndex = memoryOf(session.process.pid!);

      /** Opens a file and waits for its diagnostics; returns its URI. */
      const openChecked = async ({ path, language }: { path: string; language: string }, timeoutMs: number): Promise<string> => {
        const uri = pathToFileURL(path).href;
        await session.openChecked(uri, readFileSync(path, 'utf8'), language, timeoutMs);
        return uri;
      };

      // One file at a time: what the server holds is the index and the open file's check.
      const sequentialStart = performance.now();
      for (const document of documents) await session.close(await openChecked(document, 60_000));
      const sequentialWall = performance.now() - sequentialStart;
      const afterSequential = memoryOf(session.process.pid!);

      const checkStart = performance.now();
      await Promise.all(documents.map((document) => openChecked(document, 300_000)));
      const checkWall = performance.now() - checkStart;
      const afterCheck = memoryOf(session.process.pid!);

      recorder.record('scale.files', documents.length, 'count');
      recorder.record('scale.index.server', serverMs, 'ms', { note: 'the server’s own "indexed … (N ms)" log line' });
      recorder.record('scale.index.wall', indexWall, 'ms', { note: 'spawn → index logged' });
      recorder.record('scale.checkEach.wall', sequentialWall, 'ms', { note: 'each of the 1,000 files opened, checked and closed in turn' });
      recorder.record('scale.checkAll.wall', checkWall, 'ms', { note: 'all 1,000 files opened → all diagnostics published' });
      rows.push(['server: index (its own log)', ms(serverMs), `${line.replace(/^indexed (\d+).*/, '$1')} files`]);
      rows.push(['server: spawn → index done', ms(indexWall), '']);
      rows.push(['server: check each file in turn', ms(sequentialWall), `${ms(sequentialWall / documents.length)} per file (open → diagnostics → close)`]);
      rows.push(['server: open all 1,000 at once', ms(checkWall), `${ms(checkWall / documents.length)} per file`]);
      if (afterIndex && afterSequential && afterCheck) {
        recorder.record('scale.peakRss.afterIndex', afterIndex.peak / (1024 * 1024), 'MB');
        // The target: the index and a check of every file, as a user opening them one by one.
        recorder.record('scale.peakRss.afterCheckEach', afterSequential.peak / (1024 * 1024), 'MB', { max: 100, note: 'index, then every file opened, checked and closed in turn' });
        // Not a target: 1,000 editor tabs open at once, each keeping its text and last result.
        recorder.record('scale.peakRss.afterCheckAll', afterCheck.peak / (1024 * 1024), 'MB', { note: 'all 1,000 files open in the server' });
        recorder.record('scale.fileBackedRss.afterCheckEach', afterSequential.fileBacked / (1024 * 1024), 'MB', { note: 'of the resident memory after checking each, the pages that map files (the node executable), shared by every node process' });
        const now = ({ current, fileBacked }: { current: number; fileBacked: number }) => `now ${mb(current)}, ${mb(fileBacked)} of it mapped files (node's own code)`;
        rows.push(['server: peak RSS after index', mb(afterIndex.peak), now(afterIndex)]);
        rows.push(['server: peak RSS after checking each', mb(afterSequential.peak), now(afterSequential)]);
        rows.push(['server: peak RSS with all 1,000 open', mb(afterCheck.peak), now(afterCheck)]);
      } else recorder.note('peak RSS not measured: /proc/<pid>/status is not readable here');
    } finally {
      await session.stop();
    }

    const cli = timedRun(process.execPath, [CLI, 'check', '--format', 'json', folder]);
    const found = cli.status === 2 ? NaN : (JSON.parse(cli.stdout) as { diagnostics: unknown[] }).diagnostics.length;
    recorder.record('scale.cli.wall', cli.wallMs, 'ms', { note: 'deploy-doctor check --format json on the whole tree' });
    rows.push(['CLI: check the whole tree', ms(cli.wallMs), `exit ${cli.status}, ${found} findings`]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  printTable(`Scale: ${documents.length} configuration files (${(bytes / (1024 * 1024)).toFixed(1)} MB) in ${PROJECTS} projects`, ['what', 'time / memory', ''], rows);
}
