import { descriptionOf, docsUrlOf, type DirectiveEntry } from './reference';

/*
 * A directive's reference as people read it: plain syntax lines (`proxy_buffering on | off;`)
 * and markdown documentation, for hover and completion.
 */

/** A reference syntax line as plain text: `proxy_buffering on | off;`, `location [ = | ~ ] uri { ... }`. */
export function plainSyntax(entry: DirectiveEntry, syntax: string): string {
  const body = syntax
    .replace(/<[^>]+>/g, '')
    .replace(/&hellip;/g, '...')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const line = body ? `${entry.name} ${body}` : entry.name;
  return line.endsWith('{...}') ? `${line.slice(0, -5)}{ ... }` : `${line};`;
}

/** The reference page of one module's directive, in markdown. */
export function directiveMarkdown(entry: DirectiveEntry): string {
  const lines = [`**${entry.name}** · ${entry.module}`, '', '```nginx', ...entry.syntax.map((syntax) => plainSyntax(entry, syntax)), '```'];
  const facts: string[] = [];
  const defaultValue = entry.default.trim().replace(/\s+/g, ' ');
  if (defaultValue) facts.push(`Default: \`${entry.name} ${defaultValue};\``);
  const contexts = entry.contexts.filter((context) => context !== '');
  facts.push(`Context: ${contexts.length > 0 ? contexts.map((context) => `\`${context}\``).join(', ') : 'any'}`);
  lines.push('', ...facts.map((fact) => `- ${fact}`));
  const description = descriptionOf(entry).trim();
  if (description) lines.push('', description);
  lines.push('', `[nginx.org: ${entry.name}](${docsUrlOf(entry)})`);
  return lines.join('\n');
}

/** The first paragraph of a directive's description, for completion lists. */
export function directiveSummary(entry: DirectiveEntry): string {
  const first = descriptionOf(entry).split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}
