import type { Document, LineCounter } from 'yaml';
import type { Comment, ParseError } from '../../types';

/** A YAML problem with the `yaml` package's code (`DUPLICATE_KEY`, `BAD_INDENT`, …) when it has one. */
export interface ComposeParseError extends ParseError {
  readonly code?: string;
}

/**
 * A compose file: a document of the `yaml` package's nodes (every node carries `range` offsets)
 * plus what the engine needs beside it. Comments are in `comments`, not on the nodes: a file read
 * by `readBlockYaml` has none there.
 */
export interface ComposeFile {
  /** The text the file was parsed from (offsets index into it). */
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data, aliases and merge keys resolved (undefined when it failed). */
  readonly data: unknown;
  readonly comments: readonly Comment[];
  /** YAML errors and duplicate keys. */
  readonly errors: readonly ComposeParseError[];
  /** YAML warnings (an unknown tag): Compose may still load the file. */
  readonly warnings: readonly ComposeParseError[];
}
