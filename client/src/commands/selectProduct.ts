import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Mode } from '../../../server/src/engine/types';
import { Requests, type FileInfo, type ProductsParams, type ProductSummary, type SetOverrideParams } from '../../../server/src/lsp/protocol';

/**
 * Arguments that skip the pickers (for keybindings and tests). A field left out is asked for
 * (or, for `selectMode`, left unchanged); null means "detect automatically".
 */
export interface SelectArgs {
  readonly uri?: string;
  readonly product?: string | null;
  readonly mode?: Mode | null;
}

const AUTOMATIC = 'Detect automatically';

/** "Deploy Doctor: Select Product and Mode…": the product, then the mode, for the active file. */
export async function selectProduct(client: LanguageClient, args: SelectArgs = {}): Promise<FileInfo | undefined> {
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) return undefined;
  const product = args.product !== undefined ? args.product : await pickProduct(client, uri);
  if (product === undefined) return undefined;
  const mode = args.mode !== undefined ? args.mode : args.product !== undefined ? undefined : await pickMode(client, uri);
  return setOverride(client, { uri, product, ...(mode !== undefined ? { mode } : {}) });
}

/** "Deploy Doctor: Select Mode…". */
export async function selectMode(client: LanguageClient, args: SelectArgs = {}): Promise<FileInfo | undefined> {
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) return undefined;
  const mode = args.mode !== undefined ? args.mode : await pickMode(client, uri);
  if (mode === undefined) return undefined;
  return setOverride(client, { uri, mode });
}

async function setOverride(client: LanguageClient, params: SetOverrideParams): Promise<FileInfo> {
  return client.sendRequest<FileInfo>(Requests.setOverride, params);
}

/** The chosen product id, null for automatic detection, undefined when dismissed. */
async function pickProduct(client: LanguageClient, uri: string): Promise<string | null | undefined> {
  const [products, info] = await Promise.all([
    client.sendRequest<ProductSummary[]>(Requests.products, { uri } satisfies ProductsParams),
    client.sendRequest<FileInfo>(Requests.fileInfo, { uri }),
  ]);
  type Item = vscode.QuickPickItem & { readonly id: string | null };
  const items: Item[] = [
    { label: AUTOMATIC, description: info.override.product ? undefined : `currently ${info.productName ?? 'no product'}`, id: null },
    ...products.map((product) => ({
      label: product.name,
      description: `${product.id}${product.own ? ' · own product (.deploy-doctor.yaml)' : ''}${product.id === info.override.product ? ' (current)' : ''}`,
      id: product.id,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Deploy Doctor: product of this file',
    placeHolder: 'The product whose schema and requirements apply',
  });
  return picked ? picked.id : undefined;
}

/** The chosen mode, null for automatic detection, undefined when dismissed. */
async function pickMode(client: LanguageClient, uri: string): Promise<Mode | null | undefined> {
  const info = await client.sendRequest<FileInfo>(Requests.fileInfo, { uri });
  type Item = vscode.QuickPickItem & { readonly mode: Mode | null };
  const items: Item[] = [
    { label: AUTOMATIC, description: info.override.mode ? undefined : `currently ${info.mode}`, mode: null },
    { label: 'production', description: `production-only requirements are errors${info.override.mode === 'production' ? ' (current)' : ''}`, mode: 'production' },
    { label: 'development', description: `production-only requirements are not reported${info.override.mode === 'development' ? ' (current)' : ''}`, mode: 'development' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Deploy Doctor: mode of this file' });
  return picked ? picked.mode : undefined;
}
