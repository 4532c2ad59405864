import { MAX_QUOTED_CHARS } from '../../quote';

/** What an nginx directive name can look like: lower-case letters, digits and `_`, within the shared quoting bound. */
const DIRECTIVE_NAME = new RegExp(`^[a-z_][a-z0-9_]{0,${MAX_QUOTED_CHARS - 1}}$`);

/**
 * `raw` in backticks when it reads as a directive name, else `fallback`: a message about a line
 * that is no directive then never quotes it (it may be a pasted credential or another file's line).
 */
export function quotedDirectiveName(raw: string, fallback: string): string {
  return DIRECTIVE_NAME.test(raw) ? `\`${raw}\`` : fallback;
}
