/** dotenv's removal of surrounding quotes, line by line. */
const QUOTED_LINE = /^(['"`])([\s\S]*)\1$/gm;

/**
 * The value dotenv.parse returns for the text its line expression captured (quotes and the
 * blanks before them included): trimmed, surrounding quotes removed (per line, as its multiline
 * replace does), and `\n`/`\r` expanded when the trimmed text starts with a double quote.
 * This mirrors dotenv 18's post-processing step for step; the capture itself is the scanner's job.
 */
export function dotenvValue(captured: string): string {
  let value = captured.trim();
  const first = value[0];
  // Only a line that starts with a quote changes: most values have none, and need no regular expression.
  if (value.includes('"') || value.includes("'") || value.includes('`')) value = value.replace(QUOTED_LINE, '$2');
  if (first === '"') value = value.replaceAll('\\n', '\n').replaceAll('\\r', '\r');
  return value;
}
