import type { Comment, ParseError, Span } from '../../types';

/** A path from the document root; array-of-tables elements are numeric indexes (`orgs`, 0, `id`). */
export type TomlPath = readonly (string | number)[];

/** One simple key of a (possibly dotted) key, as it is named after unquoting. */
export interface TomlKeyPart {
  readonly name: string;
  /** The part as written, quotes included. */
  readonly span: Span;
}

/** What a value is, by its first characters; `invalid` when it is none of TOML's kinds. */
export type TomlValueKind = 'string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'array' | 'inline-table' | 'invalid';

/** A `key = value` pair, with its full path from the root. */
export interface TomlKeyValue {
  readonly path: TomlPath;
  /** The names of `path` joined with `.`, array indexes left out (`orgs.id`): the key products and rules name. */
  readonly key: string;
  /** The key as written (dotted keys included), e.g. `jwt.issuer`. */
  readonly keySpan: Span;
  /** Each simple key of `keySpan`, in order. */
  readonly keyParts: readonly TomlKeyPart[];
  readonly valueSpan: Span;
  readonly valueKind: TomlValueKind;
  /**
   * The value as `@iarna/toml` returns it. When the file as a whole is rejected, each value is
   * parsed on its own, so only a value that is itself malformed is undefined.
   */
  readonly value: unknown;
  /** The whole line's assignment. */
  readonly span: Span;
  /** True for a member of an inline table (`jwt = { issuer = "…" }`), which has its own entry too. */
  readonly inline: boolean;
}

/** A `[table]` or `[[array.of.tables]]` header. */
export interface TomlTableHeader {
  /** Array-of-tables headers end with their element's index (`orgs`, 0). */
  readonly path: TomlPath;
  readonly span: Span;
  /** The name between the brackets. */
  readonly nameSpan: Span;
  readonly keyParts: readonly TomlKeyPart[];
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
