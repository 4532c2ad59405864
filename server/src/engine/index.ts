/**
 * The engine's public surface: hosts (language server, CLI, tests) import from here only.
 */
export { Engine, docsUrlOf, skipReason, DOCS_BASE_URL, MAX_FILE_CHARS } from './engine';
export type { AnalyzedDocument, CheckOptions, CheckResult, EngineOptions, ProductAssociation, ProductSource } from './engine';
export type { KindAssociation } from './detect/kind';
export { LineIndex } from './text';
export { pathToUri, uriToPath, uriPath, basename } from './uri';
export { allRules } from './rules';
export { isSecretLikeKey } from './rules/secret/analysis';
export type { Rule, RuleMeta } from './rules/rule';
export * from './types';
export { fixAllEdits } from './services/fixAll';
export { applyTextEdits, placeEdits } from './services/applyEdits';
export type { PlacedEdit } from './services/applyEdits';
export type { CompletionItem, CompletionKind, HoverResult } from './services/types';
export { generateKey, isFernetKey, KEY_FORMATS, strongPassword } from './keygen';
export type { KeyFormat, KeyFormatInfo } from './keygen';
export { codeActionsFor, FIX_ALL_KIND } from './services/codeActions';
export type { CodeAction, CodeActionKind, CodeActionDocument } from './services/codeActions';
export { keyTargetAt } from './services/keyTarget';
export type { KeyTarget } from './services/keyTarget';
