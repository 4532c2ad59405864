import type { Comment, ParseError, Span } from '../../types';

export interface NginxArgument {
  /** The argument's value with quotes removed and escapes resolved. */
  readonly value: string;
  /** The argument as written. */
  readonly raw: string;
  readonly span: Span;
  readonly quote: '"' | "'" | undefined;
}

export interface NginxBlock {
  /** The `{`. */
  readonly open: Span;
  /** The matching `}`, absent when the file ends first. */
  readonly close: Span | undefined;
  readonly children: readonly NginxDirective[];
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
}

export interface NginxFile {
  readonly directives: readonly NginxDirective[];
  readonly comments: readonly Comment[];
  readonly errors: readonly ParseError[];
}
