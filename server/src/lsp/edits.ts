import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { ResolvedFileEdit } from '../engine';

export interface EditSupport {
  /** `workspace.workspaceEdit.documentChanges` */
  readonly documentChanges: boolean;
  /** `workspace.workspaceEdit.resourceOperations` includes `create` */
  readonly createFiles: boolean;
}

/**
 * A fix's per-file edits as a workspace edit. With `documentChanges`, edits to open documents
 * carry their version (so a stale fix is refused) and a file to create comes first as
 * `CreateFile`. Undefined when the client cannot apply it (a file to create, no support).
 */
export function toWorkspaceEdit(
  changes: readonly ResolvedFileEdit[],
  support: EditSupport,
  versionOf: (uri: string) => number | null,
  exists: (uri: string) => boolean,
): WorkspaceEdit | undefined {
  const mustCreate = (change: ResolvedFileEdit) => change.create === true && !exists(change.uri);
  if (support.documentChanges) {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const change of changes) {
      if (mustCreate(change)) {
        if (!support.createFiles) return undefined;
        documentChanges.push({ kind: 'create', uri: change.uri, options: { ignoreIfExists: true } });
      }
      documentChanges.push({ textDocument: { uri: change.uri, version: versionOf(change.uri) }, edits: [...change.edits] });
    }
    return { documentChanges };
  }
  if (changes.some(mustCreate)) return undefined;
  const byUri: Record<string, ResolvedFileEdit['edits'][number][]> = {};
  for (const change of changes) (byUri[change.uri] ??= []).push(...change.edits);
  return { changes: byUri };
}
