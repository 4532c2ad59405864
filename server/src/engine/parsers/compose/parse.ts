import { Composer, CST, Document, isAlias, isCollection, isMap, isPair, isScalar, Lexer, LineCounter, Parser, Scalar, visit, type YAMLError } from 'yaml';
import type { Comment, Span } from '../../types';
import type { ComposeFile, ComposeParseError } from './ast';
import { readBlockYaml } from './blockYaml';
import { boundYamlDepth } from './depthBound';
import { composeTags, dropResets } from './tags';
import { walkNodes } from './walk';
import { quoteToken } from '../../quote';

/**
 * How many alias expansions `data` may cost. Real files use a few dozen; an alias bomb ("billion
 * laughs") needs millions, and the `yaml` package stops it at this count instead of hanging.
 */
export const MAX_ALIAS_COUNT = 10_000;

/** How compose files are read as YAML, by `yaml` and by `readBlockYaml` alike. */
export const PARSE_OPTIONS = {
  merge: true,
  // Duplicate keys are reported by `keyErrors`, at the key.
  uniqueKeys: false,
  prettyErrors: false,
  customTags: composeTags,
  // Problems are reported as findings; nothing goes to the console.
  logLevel: 'error',
} as const;

/**
 * Parses a compose file with exact offsets for every node and comment. Never throws: YAML errors,
 * duplicate keys and an alias bomb become `errors`; the first document is the compose file.
 */
export function parseCompose(text: string): ComposeFile {
  const lineCounter = new LineCounter();
  // Every reader below recurses per level: what is nested deeper than the bound is blanked first.
  const bounded = boundYamlDepth(text);
  const source = bounded?.text ?? text;
  const depthErrors = bounded?.errors ?? [];
  const block = readBlockYaml(source, PARSE_OPTIONS, lineCounter);
  if (block) return fileOf(text, block.document, lineCounter, block.comments, depthErrors);
  const { document, comments, errors } = readWithYamlPackage(source, lineCounter);
  return fileOf(text, document, lineCounter, comments, [...depthErrors, ...errors]);
}

/**
 * The first document and every comment, as the `yaml` package's parser reads them: any YAML,
 * with its errors (a second document is one).
 */
export function readWithYamlPackage(text: string, lineCounter: LineCounter): { document: Document.Parsed; comments: Comment[]; errors: ComposeParseError[] } {
  const { tokens, comments } = tokenize(text, lineCounter);
  const composer = new Composer(PARSE_OPTIONS);
  let document: Document.Parsed | undefined;
  const errors: ComposeParseError[] = [];
  for (const composed of composer.compose(tokens, true, text.length)) {
    if (!document) document = composed;
    else {
      const start = composed.range[0];
      const lineEnd = text.indexOf('\n', start);
      errors.push({
        span: clampSpan({ start, end: lineEnd < 0 ? text.length : lineEnd }, text),
        message: 'A compose file holds one YAML document; this second document (after `---`) is not read.',
        code: 'MULTIPLE_DOCS',
      });
      break;
    }
  }
  // `compose(…, true)` always yields a document, even for empty text.
  return { document: document ?? (new Document(null, PARSE_OPTIONS) as Document.Parsed), comments, errors };
}

/** The file from its parsed document: duplicate keys found, and the document turned into data. */
function fileOf(text: string, parsed: Document.Parsed, lineCounter: LineCounter, comments: Comment[], errors: ComposeParseError[]): ComposeFile {
  // Duplicate keys are found here, at the key itself (`yaml` sometimes points at the line break before it).
  errors.unshift(...parsed.errors.map((error) => toParseError(error, text)), ...keyErrors(parsed, text));
  errors.sort((a, b) => a.span.start - b.span.start);
  const warnings = parsed.warnings.map((error) => toParseError(error, text));

  let data: unknown;
  try {
    // Only a tag can make a `!reset`: without a `!` in the text, the reviver's walk over all the
    // data (an array per property) would change nothing.
    data = parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT, ...(text.includes('!') ? { reviver: dropResets } : {}) });
  } catch (error) {
    data = undefined;
    errors.push({
      span: firstAliasSpan(parsed) ?? { start: 0, end: Math.min(text.length, 1) },
      message:
        error instanceof ReferenceError && /alias/i.test(error.message)
          ? `Aliases here expand to more than ${MAX_ALIAS_COUNT} nodes (a YAML "alias bomb"); the file is not read further.`
          : 'This YAML could not be turned into data; the file is not read further.',
      code: 'ALIAS_LIMIT',
    });
  }

  return { text, document: parsed, lineCounter, data, comments, errors, warnings };
}

function toParseError(error: YAMLError, text: string): ComposeParseError {
  const [start, end] = error.pos;
  const span = clampSpan({ start, end }, text);
  return { span, message: messageOf(error), code: error.code };
}

/** `yaml` messages that end with a piece of the source (a tag, a directive, an escape, a header). */
const QUOTES_SOURCE = /^(Unresolved tag: |Could not resolve tag: |Not a valid tag: |Block scalar header includes extra characters: |Unknown directive |Unsupported YAML version |Invalid escape sequence |Plain value cannot start with |Unresolved plain scalar |Ordered maps must not include duplicate keys: )([^]*)$/;
/** The most characters of a `yaml` message passed through: its own words, never a line of the file. */
const MAX_PASSED_THROUGH = 120;

function messageOf(error: YAMLError): string {
  const message = boundedYamlMessage(error.message.trim());
  switch (error.code) {
    case 'TAG_RESOLVE_FAILED':
      return `${message}. Compose knows the tags \`!reset\` and \`!override\`.`;
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML; use spaces.';
    default:
      return message.endsWith('.') ? message : `${message}.`;
  }
}

/** A `yaml` message with the source it quotes cut to the shared bound, and no longer than MAX_PASSED_THROUGH. */
function boundedYamlMessage(message: string): string {
  const quoting = QUOTES_SOURCE.exec(message);
  const bounded = quoting ? `${quoting[1]}${quoteToken(quoting[2]!)}` : message;
  return quoteToken(bounded, MAX_PASSED_THROUGH);
}

/** Keeps a span inside the text and off line breaks (`yaml` may point at the `\r` of a CRLF). */
function clampSpan(span: Span, text: string): Span {
  const start = Math.max(0, Math.min(span.start, text.length));
  let end = Math.max(start, Math.min(span.end, text.length));
  const isBreak = (offset: number) => text[offset] === '\n' || text[offset] === '\r';
  if (isBreak(start)) return { start, end: start };
  while (end > start && isBreak(end - 1)) end--;
  return { start, end };
}

/**
 * One walk for the keys: every key written a second time in the same mapping (merge keys aside),
 * at the repeated key; and every mapping or sequence used as a key (`? [a]: 1`, or `{{{…` typed
 * by mistake), which becomes a string key of its source text. Compose reads string keys only, and
 * `toJS` would stringify each nested collection key again at every level (exponential in depth).
 */
function keyErrors(document: Document.Parsed, text: string): ComposeParseError[] {
  const found: ComposeParseError[] = [];
  // One table for the whole walk, not a set per mapping: a key was seen in the current mapping
  // when its entry holds the mapping's number.
  const seenIn = new Map<string, number>();
  let mapping = 0;
  walkNodes(document, (node) => {
    if (!isCollection(node)) return;
    const seen = isMap(node) ? ++mapping : undefined;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (isCollection(key)) {
        const range = key.range ?? [0, 0, 0];
        const scalar = new Scalar(text.slice(range[0], range[1]));
        scalar.range = range;
        // Replaced before the walk reaches the key, so its nested keys are never walked.
        pair.key = scalar;
        found.push({
          span: clampSpan({ start: range[0], end: range[1] }, text),
          message: 'A mapping or sequence cannot be a key: Compose reads only string keys and refuses the file.',
          code: 'COLLECTION_KEY',
        });
        continue;
      }
      if (!seen || !isScalar(key) || typeof key.value === 'symbol' || !key.range) continue;
      const name = String(key.value);
      if (seenIn.get(name) !== seen) {
        seenIn.set(name, seen);
        continue;
      }
      const span = { start: key.range[0], end: key.range[1] };
      found.push({
        span,
        message: `Duplicate key \`${quoteToken(text.slice(span.start, span.end))}\`: YAML keys must be unique in a mapping, and Compose refuses the file.`,
        code: 'DUPLICATE_KEY',
      });
    }
  });
  return found;
}

function firstAliasSpan(document: Document.Parsed): Span | undefined {
  let found: Span | undefined;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        found = { start: node.range[0], end: node.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The CST, as `Parser.parse` makes it, and every `#` comment of the source, taken from the lexemes
 * on their way to the parser (the composed nodes keep comment text but not where it was), so
 * directives work wherever they are written: before a key, after a value, inside a flow
 * collection or at the end of the file. (A walk over the whole CST for them cost 7% of a parse.)
 */
function tokenize(text: string, lineCounter: LineCounter): { tokens: CST.Token[]; comments: Comment[] } {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  const comments: Comment[] = [];
  lineCounter.addNewLine(0);
  // The lexeme after the scalar marker is a scalar's source, even one that starts with `#`.
  let atScalar = false;
  for (const lexeme of new Lexer().lex(text)) {
    if (!atScalar && lexeme.charCodeAt(0) === HASH) {
      comments.push({ span: { start: parser.offset, end: parser.offset + lexeme.length }, text: lexeme.slice(1) });
    }
    atScalar = !atScalar && lexeme === SCALAR_MARKER;
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens, comments };
}

const HASH = 0x23;
const SCALAR_MARKER = CST.SCALAR;
