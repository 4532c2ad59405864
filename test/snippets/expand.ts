import { randomUUID } from 'node:crypto';

/**
 * Expands a VS Code snippet body the way the editor inserts it when the user accepts every
 * default: tab stops become their default text (the first choice of a choice), `$0` and bare
 * tab stops become nothing, `$UUID` a fresh UUID, a repeated tab stop mirrors its first text, and
 * `\$`, `\}`, `\\` their characters.
 * Only the grammar our snippets use; an unknown construct throws so a typo is noticed.
 */
export function expandSnippet(body: string): string {
  let index = 0;
  // A tab stop used twice is mirrored: every occurrence takes the first one's text.
  const mirrored = new Map<string, string>();
  const once = (tabStop: string, text: () => string): string => {
    if (!mirrored.has(tabStop)) mirrored.set(tabStop, text());
    return mirrored.get(tabStop)!;
  };
  const parse = (closing: string | undefined): string => {
    let text = '';
    while (index < body.length) {
      const c = body[index]!;
      if (c === '\\' && index + 1 < body.length && '$}\\'.includes(body[index + 1]!)) {
        text += body[index + 1];
        index += 2;
      } else if (closing !== undefined && c === closing) {
        index++;
        return text;
      } else if (c === '$') {
        text += parseDollar();
      } else {
        text += c;
        index++;
      }
    }
    if (closing !== undefined) throw new Error(`unterminated placeholder in snippet: ${body.slice(0, 40)}`);
    return text;
  };
  const parseDollar = (): string => {
    index++; // $
    const bare = /^(\d+|UUID)/.exec(body.slice(index));
    if (bare) {
      index += bare[0].length;
      return bare[0] === 'UUID' ? randomUUID() : '';
    }
    if (body[index] !== '{') throw new Error(`unescaped $ in snippet at ${index}: ${body.slice(index - 1, index + 20)}`);
    index++;
    const head = /^(\d+|UUID)/.exec(body.slice(index));
    if (!head) throw new Error(`unknown snippet construct at ${index}: ${body.slice(index - 2, index + 20)}`);
    index += head[0].length;
    const next = body[index];
    if (next === '}') {
      index++;
      return head[0] === 'UUID' ? randomUUID() : '';
    }
    if (next === ':') {
      index++;
      const text = parse('}');
      return once(head[0], () => text);
    }
    if (next === '|') {
      const end = body.indexOf('|}', index + 1);
      const first = body.slice(index + 1, end).split(',')[0]!;
      index = end + 2;
      return first;
    }
    throw new Error(`unknown snippet construct at ${index}`);
  };
  return parse(undefined);
}
