import type { Comment, ParseError, Span } from '../../types';

/** A path from the document root; array-of-tables elements are numeric indexes (`orgs`, 0, `id`). */
export type TomlPath = readonly (string | number)[];

/** A `key = value` pair, with its full path from the root. */
export interface TomlKeyValue {
  readonly path: TomlPath;
  /** The key as written (dotted keys included), e.g. `jwt.issuer`. */
  readonly keySpan: Span;
  readonly valueSpan: Span;
  /** The value as `@iarna/toml` returns it (undefined when the file did not parse). */
  readonly value: unknown;
  /** The whole line's assignment. */
  readonly span: Span;
}

/** A `[table]` or `[[array.of.tables]]` header. */
export interface TomlTableHeader {
  readonly path: TomlPath;
  readonly span: Span;
  /** The name between the brackets. */
  readonly nameSpan: Span;
  readonly isArrayOfTables: boolean;
}

export interface TomlFile {
  /** The parsed data, or undefined when `@iarna/toml` rejected the file. */
  readonly data: Record<string, unknown> | undefined;
  readonly tables: readonly TomlTableHeader[];
  readonly keyValues: readonly TomlKeyValue[];
  readonly comments: readonly Comment[];
  readonly errors: readonly ParseError[];
}
