/**
 * The engine's vocabulary. Everything here is plain data so that every host (the language
 * server, the CLI, tests) can use it without knowing how a rule or a parser works.
 *
 * Offsets are UTF-16 code-unit indexes into the document text, as JavaScript strings and LSP
 * count them. Parsers and rules speak in offsets (`Span`); the facade turns them into
 * line/character `Range`s once, at the edge.
 */

export type FileKind = 'env' | 'toml' | 'compose' | 'nginx';
export const FILE_KINDS: readonly FileKind[] = ['env', 'toml', 'compose', 'nginx'];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A user's severity override: a severity, or `off` to disable the rule. */
export type SeverityOverride = Severity | 'off';

export type Mode = 'production' | 'development';

export type ProductId = 'firefly-desk' | 'flovyn' | 'fraiseql' | 'agentim' | 'flowfile' | (string & {});

/** Half-open offset interval `[start, end)` in a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A document handed to the engine by a host. */
export interface SourceDocument {
  /** `file:` URI (or any URI the host uses consistently). */
  readonly uri: string;
  readonly text: string;
  /** Set by a host that already knows the kind (an editor language id, a glob setting). */
  readonly kind?: FileKind;
}

/**
 * A read-only view of the other files of the workspace, for cross-file rules (a compose file
 * and its `.env`, an nginx include). It never throws: an absent or unreadable file is `undefined`.
 */
export interface WorkspaceView {
  readText(uri: string): string | undefined;
  /**
   * Why the host did not read `uri` although it may exist (its real path leaves the checked tree:
   * "outside the checked tree; not read"); undefined when it was read or is absent.
   */
  refusal?(uri: string): string | undefined;
  /** URIs of the configuration files the host knows about (may be empty). */
  files(): readonly string[];
}

/** A text replacement in some document, in that document's offsets. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** Edits to one file; `create` makes the file first when it does not exist. */
export interface FileEdit {
  readonly uri: string;
  readonly edits: readonly TextEdit[];
  readonly create?: boolean;
}

/**
 * What applying a fix without a person looking involves: `safe` is deterministic and fills in
 * nothing; `secret` generates or moves a secret's value; `choice` picks one of several answers or
 * leaves a placeholder to fill in. The command line's --fix applies only `safe` ones by default.
 */
export type FixSafety = 'safe' | 'secret' | 'choice';

export interface Fix {
  readonly title: string;
  /** Unset: `safe` for a preferred fix, `choice` otherwise. */
  readonly safety?: FixSafety;
  /** True when this is the one right answer (VS Code's "preferred" quick fix). */
  readonly isPreferred?: boolean;
  /** Edits to the checked document. */
  readonly edits?: readonly TextEdit[];
  /** Edits to other files (a workspace edit). */
  readonly fileEdits?: readonly FileEdit[];
}

export interface RelatedLocation {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

/** What a rule reports; the engine adds the rule id, severity and ranges. */
export interface Finding {
  readonly span: Span;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (e.g. worse with credentials). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}

export interface RelatedInformation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface ResolvedTextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface ResolvedFileEdit {
  readonly uri: string;
  readonly edits: readonly ResolvedTextEdit[];
  readonly create?: boolean;
}

export interface ResolvedFix {
  readonly title: string;
  readonly isPreferred: boolean;
  readonly safety: FixSafety;
  readonly rule: string;
  /** Edits per file, the checked document included. */
  readonly changes: readonly ResolvedFileEdit[];
}

export interface Diagnostic {
  readonly uri: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly range: Range;
  readonly message: string;
  readonly product?: ProductId;
  readonly related: readonly RelatedInformation[];
  readonly fixes: readonly ResolvedFix[];
  readonly docsUrl: string;
}

/** A parse problem, reported by each format's `*\/syntax` rule. */
export interface ParseError {
  readonly span: Span;
  readonly message: string;
}

/** A `#` comment as the format defines it, with its text after the `#`. */
export interface Comment {
  readonly span: Span;
  readonly text: string;
}
