import { parseNginx } from '../../server/src/engine/parsers/nginx/parse';
import type { NginxDirective } from '../../server/src/engine/parsers/nginx/ast';
import { entriesOf } from '../../server/src/engine/parsers/nginx/reference';
import { SINGLE_DIRECTIVES } from '../../server/src/engine/rules/nginx/support/singleDirectives';
import { applyEdits, walk } from './prepare';
import { seeded } from '../seeded';

/*
 * Mutants of a real configuration, the mistakes people make: a deleted `;` or `}`, a directive
 * moved into another block, a misspelt name, a wrong `on | off` value, a directive nginx reads
 * once per block written twice. Deterministic: the same
 * seed gives the same mutants, so a disagreement can be reproduced.
 */

export type MutationKind = 'delete-semicolon' | 'delete-brace' | 'move-directive' | 'misspell' | 'bad-flag' | 'duplicate';
export const MUTATION_KINDS: readonly MutationKind[] = ['delete-semicolon', 'delete-brace', 'move-directive', 'misspell', 'bad-flag', 'duplicate'];

export interface Mutant {
  readonly kind: MutationKind;
  readonly text: string;
  /** What was changed, for the report. */
  readonly description: string;
}


/** Up to `count` distinct mutants of `text`, cycling through the kinds that apply to it. */
export function mutants(text: string, count: number, seed: number): Mutant[] {
  const next = seeded(seed);
  const directives: NginxDirective[] = [];
  walk(parseNginx(text).directives, (directive) => {
    if (!directive.placeholder && !/\{\{|\$\{/.test(directive.name)) directives.push(directive);
  });
  const pick = <T>(items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[Math.floor(next() * items.length)]);
  const results: Mutant[] = [];
  const seen = new Set<string>([text]);
  for (let attempt = 0; results.length < count && attempt < count * 20; attempt++) {
    const kind = MUTATION_KINDS[attempt % MUTATION_KINDS.length]!;
    const mutant = mutate(kind, text, directives, pick, next);
    if (!mutant || seen.has(mutant.text)) continue;
    seen.add(mutant.text);
    results.push(mutant);
  }
  return results;
}

function mutate(
  kind: MutationKind,
  text: string,
  directives: readonly NginxDirective[],
  pick: <T>(items: readonly T[]) => T | undefined,
  next: () => number,
): Mutant | undefined {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  switch (kind) {
    case 'delete-semicolon': {
      const target = pick(directives.filter((directive) => directive.semicolon));
      if (!target) return undefined;
      return { kind, text: applyEdits(text, [{ ...target.semicolon!, text: '' }]), description: `deleted the ";" of ${target.name} (line ${lineOf(target.span.start)})` };
    }
    case 'delete-brace': {
      const target = pick(directives.filter((directive) => directive.block?.close && !directive.block.raw));
      if (!target) return undefined;
      return { kind, text: applyEdits(text, [{ ...target.block!.close!, text: '' }]), description: `deleted the "}" of ${target.name} (line ${lineOf(target.span.start)})` };
    }
    case 'move-directive': {
      const moved = pick(directives.filter((directive) => !directive.block && directive.semicolon));
      const blocks = directives.filter((directive) => directive.block && !directive.block.raw && !(directive.span.start <= moved!.span.start && moved!.span.end <= directive.span.end));
      const into = moved ? (next() < 0.2 ? undefined : pick(blocks)) : undefined;
      if (!moved) return undefined;
      const snippet = text.slice(moved.span.start, moved.span.end);
      const at = into ? into.block!.open.end : 0;
      const edits = [
        { ...moved.span, text: '' },
        { start: at, end: at, text: into ? ` ${snippet}` : `${snippet} ` },
      ];
      return { kind, text: applyEdits(text, edits), description: `moved ${moved.name} (line ${lineOf(moved.span.start)}) into ${into ? `${into.name} (line ${lineOf(into.span.start)})` : 'the top level'}` };
    }
    case 'misspell': {
      const target = pick(directives.filter((directive) => entriesOf(directive.name).length > 0 && directive.name.length > 3));
      if (!target) return undefined;
      const name = target.name;
      const at = 1 + Math.floor(next() * (name.length - 2));
      const variants = [
        name.slice(0, at) + name.slice(at + 1), // a letter dropped
        name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2), // two letters swapped
        name.slice(0, at) + name[at] + name.slice(at), // a letter doubled
        name.slice(0, at) + (name[at] === '_' ? '-' : 'x') + name.slice(at + 1), // a letter replaced
      ];
      const spelled = pick(variants.filter((variant) => variant !== name))!;
      return { kind, text: applyEdits(text, [{ ...target.nameSpan, text: spelled }]), description: `misspelt ${name} as ${spelled} (line ${lineOf(target.span.start)})` };
    }
    case 'duplicate': {
      // Written again right after itself, on the same line: nginx names that line.
      const target = pick(directives.filter((directive) => !directive.block && directive.semicolon && SINGLE_DIRECTIVES.has(directive.name)));
      if (!target) return undefined;
      const snippet = text.slice(target.span.start, target.span.end);
      return { kind, text: applyEdits(text, [{ start: target.span.end, end: target.span.end, text: ` ${snippet}` }]), description: `repeated ${target.name} (line ${lineOf(target.span.start)})` };
    }
    case 'bad-flag': {
      const flags = directives.filter(
        (directive) =>
          directive.args.length === 1 &&
          entriesOf(directive.name).some((entry) => entry.shapes.some((shape) => shape.fixed?.some((sequence) => sequence.length === 1 && sequence[0]!.kind === 'literal' && sequence[0]!.values.includes('on')))),
      );
      const target = pick(flags);
      if (!target) return undefined;
      const value = pick(['maybe', 'yes', 'enabled', 'true', '1', 'of'])!;
      return { kind, text: applyEdits(text, [{ ...target.args[0]!.span, text: value }]), description: `set ${target.name} (line ${lineOf(target.span.start)}) to ${value}` };
    }
  }
}
