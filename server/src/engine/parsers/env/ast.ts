import type { Comment, ParseError, Span } from '../../types';

export type EnvQuote = '"' | "'" | '`';

/** One `KEY=VALUE` assignment. */
export interface EnvEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** The value exactly as `dotenv.parse` returns it for this line. */
  readonly value: string;
  /**
   * The value as written, quotes included; an empty span right after `=` when there is no value.
   * For an unquoted value it excludes an inline comment and the whitespace before it.
   */
  readonly valueSpan: Span;
  readonly quote: EnvQuote | undefined;
  /** The `export ` prefix, when present (the word `export`, without the blanks after it). */
  readonly exportSpan: Span | undefined;
  /** Offset of the `=` sign (of the `:` when `separator` is `:`). */
  readonly equalsOffset: number;
  /** dotenv also accepts `KEY: value` (a colon followed by a blank). */
  readonly separator: '=' | ':';
  /** The whole assignment: from the first non-blank character to the end of its last line. */
  readonly span: Span;
  readonly inlineComment: Comment | undefined;
}

export interface EnvFile {
  readonly entries: readonly EnvEntry[];
  readonly comments: readonly Comment[];
  readonly errors: readonly ParseError[];
}
