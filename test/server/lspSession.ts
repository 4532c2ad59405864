/**
 * A test client for the built language server: spawns it (BUILT_SERVER) with `--stdio` and the
 * Node flags the extension starts it with, speaks LSP over its pipes, answers
 * `workspace/configuration` from `settings`, and records every message the server sends (raw
 * bytes) so tests can assert what never leaves the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_FLAGS, serverEnvironment } from '../../server/src/lsp/heap';
import { BUILT_SERVER } from '../builtHosts';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface SessionOptions {
  /** Workspace folder (absolute path). */
  readonly folder?: string;
  /** Several workspace folders (a multi-root workspace), in place of `folder`. */
  readonly folders?: readonly string[];
  /** What `workspace/configuration` answers, by section. */
  readonly settings?: Record<string, unknown>;
  /** What it answers for a section asked for one folder (by the folder's path), where that folder sets it. */
  readonly folderSettings?: Record<string, Record<string, unknown>>;
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** The server bundle to run; the development build `npm test` makes (BUILT_SERVER) unless set. */
  readonly server?: string;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true },
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published for each uri. */
  readonly publishCounts = new Map<string, number>();
  /** Everything the server wrote to stdout (every response and notification), as text. */
  traffic = '';
  logs: string[] = [];
  /** The server's `$/logTrace` lines, once `setTrace` has turned tracing on. */
  traces: string[] = [];
  /** The server's stderr, for failure messages. */
  stderr = '';
  private readonly waiters: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  settings: Record<string, unknown>;

  private constructor(
    readonly process: ChildProcess,
    private readonly options: SessionOptions,
  ) {
    this.settings = options.settings ?? {};
    const tap = new PassThrough();
    process.stdout!.on('data', (chunk: Buffer) => {
      this.traffic += chunk.toString('utf8');
    });
    process.stdout!.pipe(tap);
    this.connection = createProtocolConnection(new StreamMessageReader(tap), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('$/logTrace', (params: { message: string }) => {
      this.traces.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
      params.items.map((item) => {
        if (item.section === undefined) return null;
        // As VS Code resolves a setting for a resource: the folder's value where it has one.
        const folder = Object.entries(options.folderSettings ?? {}).find(([path]) => item.scopeUri === pathToFileURL(path).href)?.[1];
        return folder?.[item.section] ?? this.settings[item.section] ?? null;
      }),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => foldersOf(this.options));
    this.connection.listen();
  }

  static async start(options: SessionOptions = {}): Promise<{ session: LspSession; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, options.server ?? BUILT_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: serverEnvironment(process.env) });
    const session = new LspSession(child, options);
    child.stderr!.on('data', (chunk: Buffer) => (session.stderr += chunk.toString('utf8')));
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) during initialize: ${session.stderr}`))),
    );
    const initialize = await withTimeout(
      Promise.race([
        session.connection.sendRequest<InitializeResult>('initialize', {
          processId: process.pid,
          rootUri: options.folder ? pathToFileURL(options.folder).href : null,
          workspaceFolders: foldersOf(options),
          capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
          ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
        }),
        exited,
      ]),
      15_000,
      () => `no initialize response; stderr: ${session.stderr}`,
    );
    exited.catch(() => undefined);
    await session.connection.sendNotification('initialized', {});
    return { session, initialize };
  }

  /** Resolves with the next diagnostics for `uri` that `accept` accepts (or the current ones, if they do). */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
      this.waiters.push({
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  /** Resolves when the server has logged a line matching `pattern`. */
  async waitForLog(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.logs.find((candidate) => pattern.test(candidate));
      if (line !== undefined) return line;
      if (Date.now() > deadline) throw new Error(`no log line matching ${pattern}; got ${JSON.stringify(this.logs)}`);
      await delay(20);
    }
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Opens a document and resolves with its first diagnostics (waited for from before the open, so none is missed). */
  async openChecked(uri: string, text: string, languageId = 'plaintext', timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, () => true, timeoutMs);
    await this.open(uri, text, languageId);
    return published;
  }

  /** An incremental change: `text` replaces the range. */
  async change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** What VS Code sends when `deployDoctor.trace.server` changes. */
  async setTrace(value: 'off' | 'messages' | 'verbose'): Promise<void> {
    await this.connection.sendNotification('$/setTrace', { value });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, () => `no response to ${method}; alive: ${this.alive}; stderr: ${this.stderr}`);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await Promise.race([new Promise((resolve) => this.process.once('exit', resolve)), delay(2000)]);
      if (this.process.exitCode === null) this.process.kill();
    }
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

export function folderOf(path: string): { uri: string; name: string } {
  return { uri: pathToFileURL(path).href, name: path.split('/').pop() ?? path };
}

/** The workspace folders a session opens with, or null for none. */
function foldersOf(options: SessionOptions): { uri: string; name: string }[] | null {
  const paths = options.folders ?? (options.folder ? [options.folder] : []);
  return paths.length > 0 ? paths.map(folderOf) : null;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
