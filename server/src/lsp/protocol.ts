/**
 * Deploy Doctor's own requests and notifications between the extension client and the language
 * server: plain names and shapes, imported by both sides (no `vscode`, no server code).
 */
import type { KeyFormat } from '../engine/keygen';
import type { FileKind, Mode } from '../engine/types';

export type ProductSourceName = 'option' | 'config' | 'directive' | 'setting' | 'content';

export interface FileInfoParams {
  readonly uri: string;
}

/** What the status bar shows for a file. `kind` null: not a file Deploy Doctor checks. */
export interface FileInfo {
  readonly uri: string;
  readonly kind: FileKind | null;
  readonly product: string | null;
  readonly productName: string | null;
  /**
   * `option`: picked by the user for this file (status bar); `config`: a `.deploy-doctor.yaml`
   * `files:` glob; `directive`: a comment in the file; `setting`: `deployDoctor.products`;
   * `content`: detected.
   */
  readonly productSource: ProductSourceName | null;
  readonly mode: Mode;
  /** The user's picks for this file, null when detected. */
  readonly override: { readonly product: string | null; readonly mode: Mode | null };
}

/**
 * The status-bar pick for one file, kept in memory by the server. A field left out is unchanged;
 * null returns it to automatic detection.
 */
export interface SetOverrideParams {
  readonly uri: string;
  readonly product?: string | null;
  readonly mode?: Mode | null;
}

/** Without a uri: the built-in products. With one: also the own products its folder's config defines. */
export interface ProductsParams {
  readonly uri?: string;
}

export interface ProductSummary {
  readonly id: string;
  readonly name: string;
  /** True for a product the folder's `.deploy-doctor.yaml` defines, false for a built-in one. */
  readonly own: boolean;
}

export interface GenerateKeyParams {
  readonly uri: string;
  /** The cursor. */
  readonly position: { readonly line: number; readonly character: number };
  /** The format to generate; without it the server only says which format it suggests. */
  readonly format?: KeyFormat;
}

export interface GenerateKeyResult {
  /** The format generated (or, without one asked, the suggested one). */
  readonly format: KeyFormat;
  /** The schema's format for the key on the cursor's line; base64-32 when the line has no known key. */
  readonly suggestedFormat: KeyFormat;
  /** The key on the cursor's line, when there is one. */
  readonly key: string | null;
  /**
   * When a format was asked: the edit that writes the generated value — in place of the key's
   * value on a key line, at the cursor elsewhere. The value travels only here.
   */
  readonly edit?: { readonly range: { readonly start: GenerateKeyParams['position']; readonly end: GenerateKeyParams['position'] }; readonly newText: string };
  /** True when `edit` replaces the value of `key`; false when it inserts at the cursor. */
  readonly replacesValue?: boolean;
}

export const Requests = {
  fileInfo: 'deployDoctor/fileInfo',
  setOverride: 'deployDoctor/setOverride',
  products: 'deployDoctor/products',
  generateKey: 'deployDoctor/generateKey',
} as const;

export const Notifications = {
  /** Server → client after a check whose file info (kind, product, mode) changed. */
  fileInfoChanged: 'deployDoctor/fileInfoChanged',
} as const;
