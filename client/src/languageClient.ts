import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS, serverEnvironment } from '../../server/src/lsp/heap';
import type { FileFilter } from './selector';

export const CLIENT_ID = 'deployDoctor';

/**
 * The language client: the bundled server over IPC, for the documents the selector names.
 * `watchers` report changes of configuration files to the server (owned by the caller: the client
 * does not dispose them, and a restarted client reuses them).
 */
export function createLanguageClient(context: vscode.ExtensionContext, selector: readonly FileFilter[], watchers: readonly vscode.FileSystemWatcher[]): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector.map((filter) => ({ ...filter })),
    synchronize: { fileEvents: [...watchers] },
    // The watchers above report file changes; the server need not register its own.
    initializationOptions: { clientWatchesFiles: true },
    diagnosticCollectionName: 'deploy-doctor',
  };
  return new LanguageClient(CLIENT_ID, 'Deploy Doctor', serverOptions, clientOptions);
}
