import type { EnvEntry } from '../../parsers/env/ast';
import type { Span } from '../../types';
import { defineRule } from '../rule';
import { firstEntriesOf } from './keys';
import { isSecretKey } from './secrets';
import { quoteToken } from '../../quote';

/** Variables every process environment has, so a reference to them is not a typo. */
const KNOWN_ENVIRONMENT = new Set(['HOME', 'PATH', 'USER', 'PWD', 'HOSTNAME', 'SHELL', 'LANG', 'TZ']);

export interface VariableReference {
  readonly name: string;
  /** The whole reference, `${NAME…}` or `$NAME`. */
  readonly span: Span;
  /** True for `${NAME:-x}`, `${NAME-x}`, `${NAME:+x}` and `${NAME+x}`: fine when NAME is unset. */
  readonly hasFallback: boolean;
}

/**
 * `${VAR}` or `$VAR` in a value that no line of the file defines. dotenv itself does not expand
 * references, but dotenv-expand and docker compose do, and substitute an empty string.
 */
export const undefinedReference = defineRule({
  meta: {
    id: 'env/undefined-reference',
    kinds: ['env'],
    defaultSeverity: 'warning',
    description: 'A `${VAR}` or `$VAR` reference in a value to a variable that no line of the file defines.',
    fixable: false,
  },
  check({ document, product, report }) {
    const defined = firstEntriesOf(document.ast);
    for (const entry of document.ast.entries) {
      if (entry.quote === "'") continue;
      for (const reference of referencesIn(document.text, entry)) {
        if (reference.hasFallback || defined.has(reference.name) || KNOWN_ENVIRONMENT.has(reference.name)) continue;
        const message = isSecretKey(entry.key, product)
          ? `The value of ${quoteToken(entry.key)} contains a $ reference to a variable that no line of this file defines: docker compose and dotenv-expand replace it with an empty string. If the $ is literal, put the value in single quotes.`
          : `${quoteToken(reference.name)} is not defined in this file: docker compose and dotenv-expand replace \${${quoteToken(reference.name)}} with an empty string (dotenv alone does not expand it). Define it, give a default (\${${quoteToken(reference.name)}:-value}), or single-quote the value if the $ is literal.`;
        report({ span: reference.span, message });
      }
    }
  },
});

/** `{NAME` and an optional `:-`, `-`, `:+`, `+`, `:?` or `?` operator, read where a `$` ends. */
const BRACED_HEAD = /\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?/y;
const BARE_NAME = /[A-Za-z_][A-Za-z0-9_]{0,255}/y;

const NO_REFERENCES: readonly VariableReference[] = [];

/** References in an entry's value as written (single-quoted values have none), skipping `\$` and `$$`. */
export function referencesIn(text: string, entry: EnvEntry): readonly VariableReference[] {
  const quoteWidth = entry.quote ? 1 : 0;
  const start = entry.valueSpan.start + quoteWidth;
  const end = entry.valueSpan.end - quoteWidth;
  // Made at the first reference: most values have none.
  let references: VariableReference[] | undefined;
  // The first `}` at or after an offset, found once per `}`: scanning to it again for every `${`
  // (as a `[^}]*\}` pattern does) is quadratic in a value of thousands of `${a:-`. Kept inline, not
  // in a closure: V8 would allocate a context for it on every call, for every entry.
  let close = -1;
  for (let offset = start; offset < end; offset++) {
    const char = text[offset];
    if (char === '\\') {
      offset++;
      continue;
    }
    if (char !== '$') continue;
    if (text[offset + 1] === '$') {
      offset++;
      continue;
    }
    BRACED_HEAD.lastIndex = offset + 1;
    const head = BRACED_HEAD.exec(text);
    const headEnd = head ? offset + 1 + head[0].length : -1;
    let closing = -1;
    if (head && headEnd < end) {
      if (head[2] === undefined) closing = text[headEnd] === '}' ? headEnd : -1;
      else {
        if (close < headEnd) {
          close = text.indexOf('}', headEnd);
          if (close < 0) close = text.length;
        }
        closing = close < end ? close : -1;
      }
    }
    if (head && closing >= 0) {
      const operator = head[2];
      (references ??= []).push({
        name: head[1]!,
        span: { start: offset, end: closing + 1 },
        hasFallback: operator !== undefined && !operator.endsWith('?'),
      });
      offset = closing;
      continue;
    }
    BARE_NAME.lastIndex = offset + 1;
    const name = BARE_NAME.exec(text)?.[0].slice(0, end - offset - 1);
    if (name) {
      (references ??= []).push({ name, span: { start: offset, end: offset + 1 + name.length }, hasFallback: false });
      offset += name.length;
    }
  }
  return references ?? NO_REFERENCES;
}
