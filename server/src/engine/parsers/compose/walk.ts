import { isCollection, isDocument, isPair, type Node } from 'yaml';

/**
 * Calls `visit` for every node under `root` (a document or a node) in document order: a
 * collection before its items, a pair's key before its value; `isKey` tells the keys apart.
 * A collection's items are read after `visit` returns, so a visitor may replace a pair's key
 * before the walk reaches it.
 *
 * yaml's own `visit` freezes a new path array for every node, and a compose check walks its
 * file several times: this walk allocates only its stack. A stack, not recursion: 10,000-deep
 * nesting must not overflow the call stack.
 */
export function walkNodes(root: unknown, visit: (node: Node, isKey: boolean) => void): void {
  const start = isDocument(root) ? root.contents : root;
  // Pairs of entries, node then its key flag, pushed in reverse so that they pop in order.
  const stack: unknown[] = [start, false];
  while (stack.length > 0) {
    const isKey = stack.pop() as boolean;
    const node = stack.pop();
    if (node === null || node === undefined || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.value, false, node.key, true);
      continue;
    }
    visit(node as Node, isKey);
    if (!isCollection(node)) continue;
    for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index], false);
  }
}
