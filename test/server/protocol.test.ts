import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, test } from 'node:test';
import { BUILT_SERVER } from '../builtHosts';

/*
 * The built server spoken to byte by byte, as a broken or hostile client would: frames that are
 * not JSON, JSON that is not a message, headers without a length, requests before `initialize`
 * and after `shutdown`, notifications for documents never opened. Each gets the error LSP
 * prescribes (or is dropped, when it has no id to answer), and the server keeps serving.
 */
interface Message {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
  readonly params?: unknown;
}

class RawClient {
  readonly messages: Message[] = [];
  private buffer = Buffer.alloc(0);
  private exit: { code: number | null; signal: string | null } | undefined;

  constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    child.on('exit', (code, signal) => (this.exit = { code, signal }));
  }

  static start(): RawClient {
    return new RawClient(spawn(process.execPath, [BUILT_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] }));
  }

  get exited() {
    return this.exit;
  }

  /** Writes bytes as they are: a frame, part of one, or garbage. */
  writeRaw(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  frame(body: string): void {
    this.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  send(message: Record<string, unknown>): void {
    this.frame(JSON.stringify({ jsonrpc: '2.0', ...message }));
  }

  /** The response to request `id`, once it arrives. */
  async response(id: number, timeoutMs = 10_000): Promise<Message> {
    return this.waitFor((message) => message.id === id && message.method === undefined, `a response to ${id}`, timeoutMs);
  }

  async waitFor(accept: (message: Message) => boolean, what: string, timeoutMs = 10_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(accept);
      if (found) return found;
      if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)}) before ${what}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((message) => message.method ?? message.id))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.exit) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      this.messages.push(JSON.parse(this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8')) as Message);
      this.buffer = this.buffer.subarray(bodyStart + length);
    }
  }
}

const clients: RawClient[] = [];
after(async () => {
  await Promise.all(clients.map((client) => client.stop()));
});

function start(): RawClient {
  const client = RawClient.start();
  clients.push(client);
  return client;
}

const initialize = { processId: null, rootUri: null, capabilities: {} };
const hoverAt = (uri: string) => ({ textDocument: { uri }, position: { line: 0, character: 2 } });
const ENV_URI = 'file:///nowhere/project/.env';

test('a request before initialize gets ServerNotInitialized (-32002); initialize then works', async () => {
  const client = start();
  client.send({ id: 1, method: 'textDocument/hover', params: hoverAt(ENV_URI) });
  assert.equal((await client.response(1)).error?.code, -32002);
  client.send({ id: 2, method: 'initialize', params: initialize });
  assert.ok((await client.response(2)).result, 'initialize answered');
});

test('frames that are not JSON-RPC messages are dropped, and the server keeps serving', async () => {
  const client = start();
  client.send({ id: 1, method: 'initialize', params: initialize });
  await client.response(1);
  client.send({ method: 'initialized', params: {} });

  client.frame('{"jsonrpc":"2.0","id":2,"method":"textDocument/hover",'); // cut short: not JSON
  client.frame('[1, 2, 3]'); // JSON, but not a message
  client.frame('null');
  client.frame('{"jsonrpc":"2.0","id":{"not":"an id"},"method":"textDocument/hover"}');
  client.writeRaw('X-Garbage: 1\r\n\r\n'); // a header block without Content-Length
  // vscode-jsonrpc drops the rest of the chunk that held a bad header block and reads on from the
  // next chunk: the next frame must arrive as one, as it does from a client that writes frames.
  await new Promise((resolve) => setTimeout(resolve, 200));
  client.send({ id: 3, method: 'textDocument/hover', params: { textDocument: 42 } });
  assert.equal((await client.response(3)).error?.code, -32602, 'invalid params');
  client.send({ id: 4, method: 'no/such/method', params: {} });
  assert.equal((await client.response(4)).error?.code, -32601, 'method not found');

  client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: ENV_URI, languageId: 'dotenv', version: 1, text: 'JWT_SECRET=changeme\n' } } });
  const published = await client.waitFor((message) => message.method === 'textDocument/publishDiagnostics', 'diagnostics for the opened file');
  assert.match(JSON.stringify(published.params), /secret\/placeholder/);
  assert.equal(client.exited, undefined);
});

test('notifications out of order (a change or close before the open, an open twice) neither crash nor corrupt the document', async () => {
  const client = start();
  client.send({ id: 1, method: 'initialize', params: initialize });
  await client.response(1);
  client.send({ method: 'initialized', params: {} });
  client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: ENV_URI, version: 3 }, contentChanges: [{ text: 'A=1' }] } });
  client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: ENV_URI, version: 4 }, contentChanges: 'not an array' } });
  client.send({ method: 'textDocument/didClose', params: { textDocument: { uri: ENV_URI } } });
  client.send({ method: 'textDocument/didSave', params: { textDocument: { uri: ENV_URI } } });
  client.send({ method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: 'not a uri', type: 99 }] } });
  client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: ENV_URI, languageId: 'dotenv', version: 1, text: 'PORT=1\n' } } });
  client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: ENV_URI, languageId: 'dotenv', version: 2, text: 'JWT_SECRET=changeme\n' } } });
  // A change whose range lies past the end of the document.
  client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: ENV_URI, version: 3 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: '\nPORT=2' }] } });
  const published = await client.waitFor(
    (message) => message.method === 'textDocument/publishDiagnostics' && (message.params as { version?: number }).version === 3,
    'diagnostics of version 3',
  );
  assert.match(JSON.stringify(published.params), /secret\/placeholder/, 'the second open replaced the first, and the change was applied at the end');
  client.send({ id: 2, method: 'deployDoctor/fileInfo', params: { uri: ENV_URI } });
  const info = (await client.response(2)).result as { kind?: string } | null;
  assert.equal(info?.kind, 'env', 'the document is open and checked');
});

test('after shutdown, requests get InvalidRequest (-32600); exit ends the process with 0', async () => {
  const client = start();
  client.send({ id: 1, method: 'initialize', params: initialize });
  await client.response(1);
  client.send({ method: 'initialized', params: {} });
  client.send({ id: 2, method: 'shutdown' });
  assert.equal((await client.response(2)).result, null);
  client.send({ id: 3, method: 'textDocument/hover', params: hoverAt(ENV_URI) });
  assert.equal((await client.response(3)).error?.code, -32600);
  client.send({ method: 'exit' });
  const deadline = Date.now() + 10_000;
  while (!client.exited && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(client.exited, { code: 0, signal: null });
});
