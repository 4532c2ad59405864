import type { FileInfo } from '../../server/src/lsp/protocol';

/** Where the product came from, as the server reports it (FileInfo.productSource). */
const SOURCES: Record<NonNullable<FileInfo['productSource']>, string> = {
  option: 'picked for this file',
  config: 'set by `files:` in .deploy-doctor.yaml',
  directive: 'set by a deploy-doctor comment',
  setting: 'set by deployDoctor.products',
  content: 'detected from the file',
};

/** The status bar's tooltip for a checked file: its product and where it came from, its mode. No `vscode` here, so plain tests can read it. */
export function statusTooltip(info: FileInfo): string {
  const product = info.product ? `Product: ${info.productName} (${SOURCES[info.productSource ?? 'content']})` : 'No product detected: only the generic checks run';
  const mode = `Mode: ${info.mode}${info.override.mode ? ' (picked for this file)' : ''}`;
  return `Deploy Doctor\n${product}\n${mode}\nClick to choose the product and mode for this file.`;
}
