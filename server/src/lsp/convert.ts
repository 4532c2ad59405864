import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem as LspCompletionItem,
  type Diagnostic as LspDiagnostic,
  type Hover,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionKind, Diagnostic, HoverResult, Severity } from '../engine';

export const SOURCE = 'deploy-doctor';

/**
 * What a published diagnostic carries for code actions: the check it came from and its place in
 * that check's list. Never a value from the file: fixes stay in the server's memory.
 */
export interface DiagnosticData {
  readonly version: number;
  readonly index: number;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: Diagnostic, data: DiagnosticData, withRelated: boolean): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.rule,
    codeDescription: { href: diagnostic.docsUrl },
    source: SOURCE,
    message: diagnostic.message,
    ...(withRelated && diagnostic.related.length > 0
      ? { relatedInformation: diagnostic.related.map((item) => ({ location: { uri: item.uri, range: item.range }, message: item.message })) }
      : {}),
    // Faded in the editor, as unused code is.
    ...(diagnostic.rule === 'deploy-doctor/unused-disable' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Number.isInteger(record['version']) && Number.isInteger(record['index']);
}

export function toLspHover(document: TextDocument, hover: HoverResult): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.markdown },
    range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) },
  };
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  directive: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  secret: CompletionItemKind.Constant,
};

export function toLspCompletion(document: TextDocument, item: CompletionItem, snippets: boolean): LspCompletionItem {
  const asSnippet = item.isSnippet === true && snippets;
  const insertText = item.isSnippet && !snippets ? stripSnippet(item.insertText) : item.insertText;
  return {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    ...(item.detail !== undefined ? { detail: item.detail } : {}),
    ...(item.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    ...(item.sortText !== undefined ? { sortText: item.sortText } : {}),
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(item.replace
      ? { textEdit: { range: { start: document.positionAt(item.replace.start), end: document.positionAt(item.replace.end) }, newText: insertText } }
      : { insertText }),
  };
}

/** A snippet as plain text for clients without snippet support: placeholders keep their defaults. */
export function stripSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
