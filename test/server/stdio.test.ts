/**
 * The standalone server binary (bin/deploy-doctor-language-server.js) driven the way Neovim or
 * Helix drive it: `--stdio`, rootUri only, minimal capabilities (no workspace/configuration, no
 * dynamic registration, no workspaceFolders), no initializationOptions. A request the server
 * sends anyway is answered MethodNotFound, as such clients do, and recorded.
 * Every wait is bounded and fails with what the server sent so far; every spawned server is
 * killed when its test ends, so a failure cannot leave the test file running.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BUILT_SERVER } from '../builtHosts';

const REQUEST_TIMEOUT_MS = 15_000;
/** Server-to-client requests a client without workspace/window capabilities does not serve. */
const UNSERVED_REQUESTS = ['workspace/configuration', 'workspace/workspaceFolders', 'client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/applyEdit'];

const root = realpathSync(mkdtempSync(join(tmpdir(), 'deploy-doctor-stdio-')));
const spawned: ChildProcess[] = [];
after(() => {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** The package layout: bin/ beside dist/ (this run's built server). */
const serverBin = ((): string => {
  const pkg = join(root, 'package');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  copyFileSync(resolve('bin/deploy-doctor-language-server.js'), join(pkg, 'bin/deploy-doctor-language-server.js'));
  symlinkSync(dirname(BUILT_SERVER), join(pkg, 'dist'), 'dir');
  return join(pkg, 'bin/deploy-doctor-language-server.js');
})();

/** A client with no capabilities beyond hover and code actions, as a minimal editor configures one. */
class PlainClient {
  readonly connection: ProtocolConnection;
  readonly unservedRequests: string[] = [];
  readonly received: string[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    for (const method of UNSERVED_REQUESTS) {
      this.connection.onRequest(method, () => {
        this.unservedRequests.push(method);
        return new ResponseError(ErrorCodes.MethodNotFound, `unhandled ${method}`);
      });
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.received.push(`publishDiagnostics ${params.uri}: ${JSON.stringify(params.diagnostics.map((diagnostic) => diagnostic.code))}`);
      this.published.set(params.uri, params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.received.push(`log: ${params.message}`);
    });
    this.connection.listen();
  }

  static start(): PlainClient {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    spawned.push(child);
    return new PlainClient(child);
  }

  /** `promise`, or a failure naming `what` with everything received so far (computed when it fires). */
  bounded<T>(promise: Promise<T>, what: string, ms = REQUEST_TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms; received: ${JSON.stringify(this.received)}; stderr: ${this.stderr}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.bounded(this.connection.sendRequest<R>(method, params), `response to ${method}`);
  }

  /** The first non-empty diagnostics for `uri` (already received, or the next ones). */
  diagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const arrived = new Promise<PublishDiagnosticsParams>((resolvePublished) => {
      const poll = (): void => {
        const params = this.published.get(uri);
        if (params && params.diagnostics.length > 0) resolvePublished(params);
        else if (this.child.exitCode === null) setTimeout(poll, 20).unref();
      };
      poll();
    });
    return this.bounded(arrived, `diagnostics for ${uri}`);
  }

  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

// VS Code sends `dotenv` (client/package.json's language); Neovim and Helix may send `plaintext`,
// `sh` or their own name: the file's name decides its kind.
for (const languageId of ['plaintext', 'dotenv']) {
  test(`a plain stdio client (languageId ${languageId}): diagnostics with exact range, quick fix, hover, shutdown and exit 0`, async () => {
    const project = join(root, `project-${languageId}`);
    mkdirSync(project);
    const envPath = join(project, '.env');
    const text = 'NODE_ENV=production\nJWT_SECRET=short1\nFLYDESK_DEV_MODE=false\n';
    writeFileSync(envPath, text);
    const uri = pathToFileURL(envPath).href;

    const client = PlainClient.start();
    try {
      const initialize = await client.request<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(project).href,
        capabilities: { textDocument: { hover: {}, codeAction: {} } },
      });
      assert.ok(initialize.capabilities.hoverProvider, 'hover');
      assert.ok(initialize.capabilities.codeActionProvider, 'code actions');
      await client.connection.sendNotification('initialized', {});
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });

      const { diagnostics } = await client.diagnostics(uri);
      const weak = diagnostics.find((diagnostic) => diagnostic.code === 'secret/weak');
      assert.ok(weak, JSON.stringify(diagnostics));
      assert.deepEqual(weak.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 17 } });
      assert.equal(weak.source, 'deploy-doctor');
      assert.doesNotMatch(JSON.stringify(diagnostics), /short1/);

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: weak.range, context: { diagnostics: [weak] } });
      const quickFix = actions.find((action) => action.kind === 'quickfix' && action.edit !== undefined);
      assert.ok(quickFix, JSON.stringify(actions.map((action) => action.title)));
      // No workspaceEdit.documentChanges announced: the edit comes as `changes`.
      const edits = quickFix.edit?.changes?.[uri] ?? [];
      assert.equal(edits.length, 1, JSON.stringify(quickFix.edit));
      const [edit] = edits;
      assert.deepEqual(edit?.range, weak.range, 'the fix replaces only the value');
      assert.ok(edit !== undefined && edit.newText.length >= 16 && !edit.newText.includes('short1'), 'a long enough generated secret');

      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
      assert.ok(hover, 'a hover on a product setting');
      assert.match(JSON.stringify(hover.contents), /FLYDESK_DEV_MODE\*\* · Firefly Desk/);
      assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 16 } });
      assert.doesNotMatch(JSON.stringify(hover.contents), /short1/);

      await client.request('shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await client.bounded(client.exited, 'exit'), 0, client.stderr);
      assert.deepEqual(client.unservedRequests, [], 'the server asks nothing the client did not announce');
      assert.equal(client.stderr, '', 'nothing on stderr');
    } finally {
      client.dispose();
    }
  });
}
