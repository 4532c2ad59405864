import type { Comment, ParseError, Span } from '../../types';

export interface NginxArgument {
  /** The argument's value with quotes removed and escapes resolved. */
  readonly value: string;
  /** The argument as written. */
  readonly raw: string;
  readonly span: Span;
  readonly quote: '"' | "'" | undefined;
  /**
   * True when the argument holds a template expression that is replaced before nginx reads the
   * file (`${VAR}` of envsubst, `{{ … }}` of Go templates), so its final value is unknown.
   */
  readonly templated?: boolean;
}

export interface NginxBlock {
  /** The `{`. */
  readonly open: Span;
  /** The matching `}`, absent when the file ends first. */
  readonly close: Span | undefined;
  readonly children: readonly NginxDirective[];
  /** True when the body is code in another language (`content_by_lua_block { … }`), not directives. */
  readonly raw?: boolean;
}

export interface NginxDirective {
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly NginxArgument[];
  /** The terminating `;`, absent for a block directive or when it is missing. */
  readonly semicolon: Span | undefined;
  readonly block: NginxBlock | undefined;
  /** From the name to the `;` or the block's `}`. */
  readonly span: Span;
  /**
   * True for a template placeholder standing where directives go (`${HTTPS_CONFIG}` alone on its
   * line in an envsubst template): it ends at the line break and has no `;`.
   */
  readonly placeholder?: boolean;
}

/** A parse error, with the edit that repairs it when the repair is mechanical. */
export interface NginxParseError extends ParseError {
  readonly repair?: { readonly title: string; readonly span: Span; readonly newText: string };
}

export interface NginxFile {
  readonly directives: readonly NginxDirective[];
  readonly comments: readonly Comment[];
  readonly errors: readonly NginxParseError[];
}
