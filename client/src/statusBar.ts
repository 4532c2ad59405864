import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, Requests, type FileInfo, type FileInfoParams } from '../../server/src/lsp/protocol';
import { statusTooltip } from './statusTooltip';

/** The status-bar text for a file: `<kind> · <product or "no product"> · <mode>`. */
export function statusText(info: FileInfo): string {
  return `${info.kind} · ${info.productName ?? 'no product'} · ${info.mode}`;
}

/**
 * The active file's kind, product and mode, from the server; hidden for files Deploy Doctor does
 * not check. A click runs "Select Product and Mode…".
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('deployDoctor.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown: FileInfo | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Deploy Doctor';
    this.item.command = 'deployDoctor.selectProduct';
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()));
  }

  /** Listens to the server's file-info changes; call after each (re)start of the client. */
  attach(client: LanguageClient): vscode.Disposable {
    return client.onNotification(Notifications.fileInfoChanged, (info: FileInfo) => {
      if (info.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.render(info);
    });
  }

  get info(): FileInfo | undefined {
    return this.shown;
  }

  get text(): string | undefined {
    return this.shown ? statusText(this.shown) : undefined;
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || !client?.isRunning() || !['file', 'untitled'].includes(document.uri.scheme)) return this.render(undefined);
    try {
      const params: FileInfoParams = { uri: document.uri.toString() };
      const info = await client.sendRequest<FileInfo>(Requests.fileInfo, params);
      // The editor may have changed while the server answered.
      if (vscode.window.activeTextEditor?.document === document) this.render(info);
    } catch {
      this.render(undefined);
    }
  }

  render(info: FileInfo | undefined): void {
    this.shown = info?.kind ? info : undefined;
    void vscode.commands.executeCommand('setContext', 'deployDoctor.checkedFile', this.shown !== undefined);
    if (!this.shown) {
      this.item.hide();
      return;
    }
    this.item.text = `$(checklist) ${statusText(this.shown)}`;
    this.item.tooltip = statusTooltip(this.shown);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
