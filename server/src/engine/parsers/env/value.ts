/**
 * The value dotenv.parse returns for the text its line expression captured (quotes and the
 * blanks before them included): trimmed, surrounding quotes removed (per line, as its multiline
 * replace does), and `\n`/`\r` expanded when the trimmed text starts with a double quote.
 * This mirrors dotenv 18's post-processing step for step; the capture itself is the scanner's job.
 */
export function dotenvValue(captured: string): string {
  let value = captured.trim();
  const first = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (first === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}
