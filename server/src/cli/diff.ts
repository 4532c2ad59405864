/**
 * A unified diff (`diff -u`, `git diff` style) of two texts, line by line, for --fix-dry-run.
 * Lines keep their own line breaks, so a CRLF file's diff applies to it with `patch`.
 */

const CONTEXT_LINES = 3;
/** Beyond this many differing lines Myers' trace grows quadratically: the rest is one replacement. */
const MAX_EDIT_DISTANCE = 2000;

type LineOp = { readonly kind: 'equal' | 'delete' | 'insert'; readonly line: string };

/** `--- a/name` / `+++ b/name` and the hunks; empty when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, name: string): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  return `--- a/${name}\n+++ b/${name}\n${hunks(ops).join('')}`;
}

/** Lines with their terminators (`\n`, `\r\n`, a lone `\r`); the last may have none. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops: LineOp[] = a.slice(0, prefix).map((line) => ({ kind: 'equal', line }));
  ops.push(...myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)));
  ops.push(...a.slice(a.length - suffix).map((line): LineOp => ({ kind: 'equal', line })));
  return ops;
}

/** Myers' O(ND) shortest edit script, deletions before insertions within a change. */
function myers(a: readonly string[], b: readonly string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for diagonals -d-1..d+1 as they were before round d.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...a.map((line): LineOp => ({ kind: 'delete', line })), ...b.map((line): LineOp => ({ kind: 'insert', line }))];

  const reversed: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ kind: 'equal', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === previousX) reversed.push({ kind: 'insert', line: b[--y]! });
      else reversed.push({ kind: 'delete', line: a[--x]! });
    }
  }
  return reorderChanges(reversed.reverse());
}

/** Within each run of changes, deletions first, as diff(1) prints them. */
function reorderChanges(ops: readonly LineOp[]): LineOp[] {
  const result: LineOp[] = [];
  let deletions: LineOp[] = [];
  let insertions: LineOp[] = [];
  const flush = () => {
    result.push(...deletions, ...insertions);
    deletions = [];
    insertions = [];
  };
  for (const op of ops) {
    if (op.kind === 'equal') {
      flush();
      result.push(op);
    } else (op.kind === 'delete' ? deletions : insertions).push(op);
  }
  flush();
  return result;
}

function hunks(ops: readonly LineOp[]): string[] {
  const changed: number[] = [];
  ops.forEach((op, index) => {
    if (op.kind !== 'equal') changed.push(index);
  });
  const out: string[] = [];
  let i = 0;
  while (i < changed.length) {
    // A hunk runs from CONTEXT_LINES before its first change to CONTEXT_LINES after its last,
    // taking in the next change when the equal lines between them would not fill two contexts.
    let last = changed[i]!;
    let j = i + 1;
    while (j < changed.length && changed[j]! - last <= 2 * CONTEXT_LINES + 1) last = changed[j++]!;
    const from = Math.max(0, changed[i]! - CONTEXT_LINES);
    const to = Math.min(ops.length, last + CONTEXT_LINES + 1);
    out.push(hunk(ops, from, to));
    i = j;
  }
  return out;
}

function hunk(ops: readonly LineOp[], from: number, to: number): string {
  let oldLine = 0;
  let newLine = 0;
  for (let i = 0; i < from; i++) {
    if (ops[i]!.kind !== 'insert') oldLine++;
    if (ops[i]!.kind !== 'delete') newLine++;
  }
  let oldCount = 0;
  let newCount = 0;
  const body: string[] = [];
  for (let i = from; i < to; i++) {
    const op = ops[i]!;
    if (op.kind !== 'insert') oldCount++;
    if (op.kind !== 'delete') newCount++;
    const marker = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
    const terminated = /[\r\n]$/.test(op.line);
    body.push(`${marker}${op.line}${terminated ? '' : '\n\\ No newline at end of file\n'}`);
  }
  return `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${body.join('')}`;
}

/** `start,count` as diff writes it: 1-based, the line before when empty, `,1` left out. */
function range(linesBefore: number, count: number): string {
  if (count === 0) return `${linesBefore},0`;
  return count === 1 ? `${linesBefore + 1}` : `${linesBefore + 1},${count}`;
}
