import type { ProductDefinition } from '../../../../schemas/types';
import type { AnalyzedDocument } from '../engine';
import type { RuleWorkspace } from '../rules/rule';
import type { FileKind, Span } from '../types';

/** Where a hover or completion was asked: the analysed file and the cursor's offset. */
export interface CursorContext {
  readonly analyzed: AnalyzedDocument;
  readonly offset: number;
  readonly workspace: RuleWorkspace;
  /** The engine's products, built-in and own: a compose service may be any of them by its image. */
  readonly products: readonly ProductDefinition[];
}

export interface HoverResult {
  /** What the hover is about (a key, a directive); hosts highlight it. */
  readonly span: Span;
  readonly markdown: string;
}

export interface HoverProvider {
  readonly kinds: readonly FileKind[];
  hover(context: CursorContext): HoverResult | undefined;
}

export type CompletionKind = 'key' | 'value' | 'directive' | 'snippet' | 'secret';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** True when `insertText` uses snippet syntax (`${1:placeholder}`). */
  readonly isSnippet?: boolean;
  /** The text the item replaces; the word at the cursor when absent. */
  readonly replace?: Span;
  readonly sortText?: string;
}

export interface CompletionProvider {
  readonly kinds: readonly FileKind[];
  complete(context: CursorContext): readonly CompletionItem[];
}
