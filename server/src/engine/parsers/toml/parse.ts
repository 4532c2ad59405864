import { quoteToken } from '../../quote';
import { LineIndex } from '../../text';
import type { ParseError, Span } from '../../types';
import { blankRanges } from '../depth';
import type { TomlFile, TomlKeyValue, TomlPath } from './ast';
import { describeIarnaError, iarnaErrorOffset, spanAround } from './errors';
import { parseWhole, tryParse } from './iarna';
import { scanToml, type ScanResult, type ScannedKeyValue } from './scan';

/** Above this many pairs, a rejected file's values are not recovered one by one (each is a parse). */
const MAX_RECOVERED_VALUES = 5000;
const VALUE_PREFIX = 'v = ';

/**
 * Parses TOML: values from `@iarna/toml`, exact spans from the scanner. When `@iarna/toml` rejects
 * the file, its error is reported where it points, the scanner's later errors are added, and each
 * well-formed value is still parsed on its own, so one bad line never hides the rest. Never throws.
 */
export function parseToml(text: string): TomlFile {
  const bounded = withinDepth(text);
  return bounded.depthErrors.length === 0 ? parseBounded(text, bounded.scanned) : withDepthErrors(parseBounded(blankRanges(text, bounded.depthCuts), bounded.scanned), bounded.depthErrors);
}

/**
 * The scan of a text nested no deeper than `MAX_TOML_DEPTH`: when the text is deeper, the deep
 * parts are blanked (offsets kept) and the result scanned again, so `@iarna/toml`, which recurses
 * per level, never reads them.
 */
function withinDepth(text: string): { scanned: ScanResult; depthCuts: readonly Span[]; depthErrors: readonly ParseError[] } {
  const first = scanToml(text);
  if (first.depthCuts.length === 0) return { scanned: first, depthCuts: [], depthErrors: [] };
  return { scanned: scanToml(blankRanges(text, first.depthCuts)), depthCuts: first.depthCuts, depthErrors: first.depthErrors };
}

function withDepthErrors(file: TomlFile, depthErrors: readonly ParseError[]): TomlFile {
  return { ...file, errors: [...depthErrors, ...file.errors].sort((a, b) => a.span.start - b.span.start) };
}

function parseBounded(text: string, scanned: ScanResult): TomlFile {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const whole = parseWhole(text, scanned.comments, scanned.keyValues, bom);

  if (whole.ok) {
    return {
      data: whole.data,
      tables: scanned.tables,
      keyValues: withValues(scanned.keyValues, (pair) => valueAt(whole.data, pair.path)),
      comments: scanned.comments,
      // The scanner only finds what TOML rejects; if `@iarna/toml` accepted the file, it is right.
      errors: [],
    };
  }

  const recovered = recoverValues(text, scanned);
  const errors = [...scanned.errors, ...recovered.errors];
  const offset = iarnaErrorOffset(whole.error, text, bom);
  const lines = new LineIndex(text);
  const errorLine = lines.lineAt(offset);
  // The scanner usually finds the same mistake at a better place (the key, the opening quote).
  if (!errors.some((error) => lines.lineAt(error.span.start) <= errorLine)) {
    errors.push({ span: spanAround(text, offset), message: describeIarnaError(whole.error) });
  }
  return {
    data: undefined,
    tables: scanned.tables,
    keyValues: withValues(scanned.keyValues, (_pair, index) => recovered.values[index]),
    comments: scanned.comments,
    errors: onePerLine(errors, lines),
  };
}

/** Sets each pair's value in place: the scanner's pairs are the file's, a copy of each is not needed. */
function withValues(pairs: ScannedKeyValue[], valueOf: (pair: ScannedKeyValue, index: number) => unknown): readonly TomlKeyValue[] {
  for (let index = 0; index < pairs.length; index++) pairs[index]!.value = valueOf(pairs[index]!, index);
  return pairs;
}

/** Each top-level value parsed alone; inline members take their part of their owner's value. */
function recoverValues(text: string, scanned: ScanResult): { values: unknown[]; errors: ParseError[] } {
  const pairs = scanned.keyValues;
  const values: unknown[] = [];
  const errors: ParseError[] = [];
  if (pairs.length > MAX_RECOVERED_VALUES) return { values, errors };
  pairs.forEach((pair, index) => {
    const ownerIndex = scanned.owners[index];
    if (ownerIndex !== undefined) {
      const owner = pairs[ownerIndex]!;
      values[index] = valueAt(values[ownerIndex], pair.path.slice(owner.path.length));
      return;
    }
    if (!scanned.valuesOk[index]) return;
    const source = text.slice(pair.valueSpan.start, pair.valueSpan.end);
    const outcome = tryParse(VALUE_PREFIX + source);
    if (outcome.ok) {
      values[index] = outcome.data['v'];
      return;
    }
    errors.push(valueError(text, pair, outcome.error));
  });
  return { values, errors };
}

/** A value `@iarna/toml` refused: a bare word or number spans the whole value; strings and arrays point inside. */
function valueError(text: string, pair: ScannedKeyValue, error: unknown): ParseError {
  const key = quoteToken(pair.keyParts.map((part) => part.name).join('.'));
  if (pair.valueKind === 'invalid') {
    // Never quote the value: an unquoted secret is still a secret.
    const unit = /^[+-]?\d[\d_]*(\.\d+)?[A-Za-z]+$/.test(text.slice(pair.valueSpan.start, pair.valueSpan.end));
    const hint = unit ? 'a number has no unit in TOML (write the number alone, or quote the whole value as text)' : 'text needs quotes ("…"); numbers, booleans (true/false) and dates do not';
    return { span: pair.valueSpan, message: `The value of \`${key}\` is not a TOML value: ${hint}` };
  }
  if (pair.valueKind !== 'string' && pair.valueKind !== 'array' && pair.valueKind !== 'inline-table') {
    return { span: pair.valueSpan, message: `The value of \`${key}\` is not a valid ${pair.valueKind}: ${describeIarnaError(error)}` };
  }
  const inValue = iarnaErrorOffset(error, VALUE_PREFIX + text.slice(pair.valueSpan.start, pair.valueSpan.end), 0) - VALUE_PREFIX.length;
  const offset = Math.max(pair.valueSpan.start, Math.min(pair.valueSpan.end, pair.valueSpan.start + inValue));
  if (pair.valueKind === 'string') {
    // Inside a string the offending character is the point: with its backslash when it ends an escape.
    const start = text.charCodeAt(offset - 1) === 0x5c ? offset - 1 : offset;
    return { span: { start, end: Math.min(offset + 1, pair.valueSpan.end) }, message: describeIarnaError(error) };
  }
  return { span: spanAround(text, offset), message: describeIarnaError(error) };
}

/** One error per line, the first found there: a line's later errors are usually its first one's echoes. */
function onePerLine(errors: readonly ParseError[], lines: LineIndex): ParseError[] {
  const seen = new Set<number>();
  return [...errors]
    .sort((a, b) => a.span.start - b.span.start)
    .filter((error) => {
      const line = lines.lineAt(error.span.start);
      if (seen.has(line)) return false;
      seen.add(line);
      return true;
    });
}

/** The value at `path` in parsed data (array-of-tables indexes included), or undefined. */
export function valueAt(data: unknown, path: TomlPath): unknown {
  let current = data;
  for (const part of path) {
    if (typeof part === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[part];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || current instanceof Date) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
      current = (current as Record<string, unknown>)[part];
    }
  }
  return current;
}

