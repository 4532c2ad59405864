import type { Document, LineCounter } from 'yaml';
import type { Comment, ParseError } from '../../types';

/**
 * A compose file: the `yaml` package's document (every node carries `range` offsets) plus what
 * the engine needs beside it.
 */
export interface ComposeFile {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data, aliases and merge keys resolved (undefined when it failed). */
  readonly data: unknown;
  readonly comments: readonly Comment[];
  /** YAML errors and duplicate keys. */
  readonly errors: readonly ParseError[];
}
