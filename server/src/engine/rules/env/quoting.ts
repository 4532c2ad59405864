import type { EnvQuote } from '../../parsers/env/ast';
import { parseEnv } from '../../parsers/env/parse';

/**
 * `content` wrapped in the quote that keeps its meaning, or undefined when none does:
 * double quotes first (loaders still expand `${VAR}` in them, as in an unquoted value) unless
 * the text has a `"` or a backslash (an escape there would change); then single quotes unless
 * it has a `'` or a `$` (single quotes turn expansion off). Backticks are left out: dotenv
 * reads them, but docker compose and shells do not. The result is checked against the parser:
 * dotenv must read exactly `expected` from it.
 */
export function quoted(content: string, expected: string): string | undefined {
  const candidates: EnvQuote[] = [];
  if (!content.includes('"') && !content.includes('\\')) candidates.push('"');
  // A backslash before the closing quote would let dotenv skip it and close at a later line's quote.
  if (!content.includes("'") && !content.includes('$') && !content.endsWith('\\')) candidates.push("'");
  for (const quote of candidates) {
    const written = `${quote}${content}${quote}`;
    const reparsed = parseEnv(`KEY=${written}`).entries;
    if (reparsed.length === 1 && reparsed[0]!.value === expected && reparsed[0]!.quote === quote) return written;
  }
  return undefined;
}
