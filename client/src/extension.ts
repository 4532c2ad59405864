import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WATCHED_GLOBS } from '../../server/src/lsp/filePatterns';
import { Requests, type FileInfo } from '../../server/src/lsp/protocol';
import { generateKeyCommand, type GenerateKeyArgs } from './commands/generateKey';
import { selectMode, selectProduct, type SelectArgs } from './commands/selectProduct';
import { createLanguageClient } from './languageClient';
import { documentSelector, type FileFilter } from './selector';
import { StatusBar } from './statusBar';

/** What the extension returns to other extensions and to its own integration tests. */
export interface DeployDoctorApi {
  /** Resolves once the language server is running. */
  readonly ready: Promise<void>;
  fileInfo(uri: vscode.Uri): Promise<FileInfo>;
  /** The status bar's text (`env · Firefly Desk · production`), undefined when hidden. */
  statusBarText(): string | undefined;
  /**
   * How long activation took, in ms: `activate()` itself, and from its start until the language
   * server first answered `initialize`. For the integration tests and `npm run bench`.
   */
  readonly activationTimes: Promise<ActivationTimes>;
}

export interface ActivationTimes {
  readonly activateMs: number;
  readonly serverReadyMs: number;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): DeployDoctorApi {
  const activationStart = performance.now();
  const watchers = WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  const statusBar = new StatusBar(() => client);
  context.subscriptions.push(...watchers, statusBar);

  let listening: vscode.Disposable | undefined;
  let selector: FileFilter[] = [];
  const start = async () => {
    const associations = vscode.workspace.getConfiguration('deployDoctor').get<Record<string, unknown>>('files.associations') ?? {};
    selector = documentSelector(Object.keys(associations));
    client = createLanguageClient(context, selector, watchers);
    listening = statusBar.attach(client);
    await client.start();
    await statusBar.refresh();
  };
  const stop = async () => {
    listening?.dispose();
    await client?.stop();
    client = undefined;
  };
  let ready = start();
  const activationTimes = ready.then(() => ({ activateMs, serverReadyMs: performance.now() - activationStart }));
  // A failed start is reported through `ready`; nobody may be waiting on the times.
  activationTimes.catch(() => undefined);

  const running = async () => {
    await ready;
    if (!client) throw new Error('Deploy Doctor: the language server is not running.');
    return client;
  };
  const inSelector = (document: vscode.TextDocument) => vscode.languages.match(selector, document) > 0;
  const command = <A>(id: string, run: (args: A | undefined) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (args?: A) => {
      try {
        return await run(args);
      } catch (error) {
        // The message names the command only: an error may quote file content.
        void vscode.window.showErrorMessage(`Deploy Doctor: ${id.replace('deployDoctor.', '')} failed.`);
        throw error;
      }
    });

  context.subscriptions.push(
    command<GenerateKeyArgs>('deployDoctor.generateKey', async (args) => generateKeyCommand(await ready.then(() => client), inSelector, args)),
    command<SelectArgs>('deployDoctor.selectProduct', async (args) => selectProduct(await running(), args).then(refreshWith(statusBar))),
    command<SelectArgs>('deployDoctor.selectMode', async (args) => selectMode(await running(), args).then(refreshWith(statusBar))),
    command<void>('deployDoctor.restartServer', async () => {
      await ready.catch(() => undefined);
      await stop();
      ready = start();
      await ready;
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The document selector is built at start: new associations need a new client.
      if (event.affectsConfiguration('deployDoctor.files.associations')) void vscode.commands.executeCommand('deployDoctor.restartServer');
    }),
  );

  const activateMs = performance.now() - activationStart;
  return {
    get ready() {
      return ready;
    },
    activationTimes,
    fileInfo: async (uri) => (await running()).sendRequest<FileInfo>(Requests.fileInfo, { uri: uri.toString() }),
    statusBarText: () => statusBar.text,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function refreshWith(statusBar: StatusBar) {
  return (info: FileInfo | undefined) => {
    if (info && info.uri === vscode.window.activeTextEditor?.document.uri.toString()) statusBar.render(info);
    return info;
  };
}
