/**
 * Random inputs built from real ones: mutations that insert the characters a format cares about,
 * delete spans, drop, duplicate, swap and re-indent lines, splice in lines of another seed, and
 * change line breaks; plus pure token soup per kind.
 */
import fc from 'fast-check';
import type { FileKind } from '../../server/src/engine';

const COMMON = ['\n', '\r\n', '\r', ' ', '\t', '#', '"', "'", '`', '\\', '$', '${', '}', '{', '=', ':', ';', '*', '\u00a0', '\u2028', '\uFEFF', '\ud83d\ude00', '\ud800', 'é', '\u0000'];

/** Tokens each format gives meaning to, to insert and to build soup from. */
export const TOKENS: Readonly<Record<FileKind, readonly string[]>> = {
  env: [...COMMON, 'export ', 'KEY=', 'JWT_SECRET=', 'FLYDESK_', '${VAR:-default}', '$(cmd)', '# deploy-doctor disable-next-line ', '# deploy-doctor product=agentim', ' # comment', 'changeme', 'http://'],
  toml: [...COMMON, '[', ']', '[[', ']]', '"""', "'''", ' = ', '{ a = 1 }', 'true', '1979-05-27', 'inf', 'nan', '0x1F', '[database]', 'url', '[[orgs]]', '# deploy-doctor product=flovyn'],
  compose: [...COMMON, '- ', ': ', '&a ', '*a', '<<: *a', '!reset ', '|', '>-', '[', ']', ',', '---', '...', 'services:', 'image: ', 'depends_on:', 'environment:', '  ', '    ', '? ', '%YAML 1.2'],
  nginx: [...COMMON, ' {', '}', ';', 'server', 'location /api/', 'proxy_pass http://app;', 'if ($a) ', 'map $a $b {', '{{ .Env.X }}', 'content_by_lua_block {', ']]', '--[[', '~*', '^~', 'include conf.d/*.conf;', 'add_header X 1;'],
};

type Mutation =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'dropLine' | 'duplicateLine'; readonly line: number }
  | { readonly op: 'swapLines'; readonly line: number; readonly other: number }
  | { readonly op: 'indent'; readonly line: number; readonly by: number }
  | { readonly op: 'splice'; readonly line: number; readonly donor: number; readonly from: number; readonly count: number }
  | { readonly op: 'lineBreaks'; readonly to: string };

function mutation(kind: FileKind): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS[kind]), fc.string({ maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 3 })) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('dropLine' as const, 'duplicateLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), line: fc.nat(), other: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -6, max: 6 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('splice' as const), line: fc.nat(), donor: fc.nat(), from: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('lineBreaks' as const), to: fc.constantFrom('\n', '\r\n', '\r') }) },
  );
}

function apply(text: string, step: Mutation, donors: readonly string[]): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % lines.length;
  switch (step.op) {
    case 'insert': {
      const at = step.at % (text.length + 1);
      return text.slice(0, at) + step.text + text.slice(at);
    }
    case 'delete': {
      const at = step.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + step.length);
    }
    case 'dropLine':
      lines.splice(pick(step.line), 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(pick(step.line), 0, lines[pick(step.line)]!);
      return lines.join('\n');
    case 'swapLines': {
      const [a, b] = [pick(step.line), pick(step.other)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const index = pick(step.line);
      lines[index] = step.by >= 0 ? ' '.repeat(step.by) + lines[index]! : lines[index]!.replace(new RegExp(`^[ \\t]{0,${-step.by}}`), '');
      return lines.join('\n');
    }
    case 'splice': {
      const donor = donors[step.donor % donors.length]!.split('\n');
      const from = step.from % donor.length;
      lines.splice(pick(step.line), 0, ...donor.slice(from, from + step.count));
      return lines.join('\n');
    }
    case 'lineBreaks':
      return text.replace(/\r\n|\r|\n/g, step.to);
  }
}

/** A seed of the kind with 1 to 6 mutations applied (donor lines come from the other seeds). */
export function mutated(kind: FileKind, seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation(kind), { minLength: 1, maxLength: 6 }))
    .map(([seed, steps]) => steps.reduce((text, step) => apply(text, step, seeds), seed));
}

/** Token soup: the format's meaningful pieces in random order. */
export function soup(kind: FileKind): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...TOKENS[kind]), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));
}
