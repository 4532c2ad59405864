import type { LineIndex } from '../text';
import type { Comment, Mode, Span } from '../types';

/** `# deploy-doctor …` comments: file settings and suppressions (SPEC §4). */
export interface FileDirectives {
  readonly product: string | undefined;
  readonly mode: Mode | undefined;
  /** nginx: the context a file is included in (`http`, `server`, `location`). */
  readonly context: string | undefined;
  readonly suppressions: readonly Suppression[];
  /** Directive comments that could not be read, with why. */
  readonly problems: readonly { span: Span; message: string }[];
}

export interface Suppression {
  readonly span: Span;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
  /** `next-line`: the line after the comment's line; `file`: from the comment to the end. */
  readonly scope: 'next-line' | 'file';
  /** Zero-based line of the comment. */
  readonly line: number;
}

const MARKER = /^\s*deploy-doctor\b\s*(.*)$/;
const SETTINGS_LINES = 10;
/** Any mention of the marker: a file without one has no directive comment. */
const MENTIONS_MARKER = /deploy-doctor/;

const NO_DIRECTIVES: FileDirectives = Object.freeze({ product: undefined, mode: undefined, context: undefined, suppressions: Object.freeze([]), problems: Object.freeze([]) });

/** What `directivesOf` reads: a parsed file's text, line table and comments. */
interface CommentedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  readonly ast: { readonly comments: readonly Comment[] };
}

/** False when no comment of `text` can be a directive comment: a search of the text, cheaper than reading each comment. */
export function mayHaveDirectives(text: string): boolean {
  return MENTIONS_MARKER.test(text);
}

const cache = new WeakMap<readonly Comment[], FileDirectives>();

/**
 * A parsed file's directive comments, read once per parse: the engine and the nginx rules both
 * ask. A file whose text never names `deploy-doctor`, nearly every file, is not read comment by
 * comment (a search of the text is much cheaper for a large file).
 */
export function directivesOf(document: CommentedDocument): FileDirectives {
  const comments = document.ast.comments;
  let directives = cache.get(comments);
  if (!directives) {
    directives = mayHaveDirectives(document.text) ? readDirectives(comments, (offset) => document.lines.lineAt(offset)) : NO_DIRECTIVES;
    cache.set(comments, directives);
  }
  return directives;
}

function readDirectives(comments: readonly Comment[], lineOf: (offset: number) => number): FileDirectives {
  let product: string | undefined;
  let mode: Mode | undefined;
  let context: string | undefined;
  const suppressions: Suppression[] = [];
  const problems: { span: Span; message: string }[] = [];

  for (const comment of comments) {
    const match = MARKER.exec(comment.text);
    if (!match) continue;
    const body = match[1]!.trim();
    const line = lineOf(comment.span.start);
    const suppression = /^(disable-next-line|disable)\b\s*(.*)$/.exec(body);
    if (suppression) {
      const rules = suppression[2]!
        .replace(/\s+--.*$/, '')
        .split(/[\s,]+/)
        .filter((id) => id.length > 0);
      suppressions.push({ span: comment.span, rules, line, scope: suppression[1] === 'disable' ? 'file' : 'next-line' });
      continue;
    }
    if (line >= SETTINGS_LINES) {
      problems.push({ span: comment.span, message: 'File settings (`product=`, `mode=`) are read only in the first 10 lines.' });
      continue;
    }
    for (const pair of body.split(/\s+/).filter(Boolean)) {
      const [name, value] = pair.split('=', 2) as [string, string | undefined];
      if (value === undefined || value === '') {
        problems.push({ span: comment.span, message: `Unknown deploy-doctor directive \`${pair}\`; expected name=value.` });
      } else if (name === 'product') product = value;
      else if (name === 'mode') {
        if (value === 'production' || value === 'development') mode = value;
        else problems.push({ span: comment.span, message: `Unknown mode \`${value}\`; use production or development.` });
      } else if (name === 'context') context = value;
      else problems.push({ span: comment.span, message: `Unknown deploy-doctor setting \`${name}\`.` });
    }
  }
  return { product, mode, context, suppressions, problems };
}
