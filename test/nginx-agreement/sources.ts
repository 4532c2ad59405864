import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusFiles } from '../corpus';

/** An nginx file the agreement test wraps and mutates: a public project's, a guide's, or the project's own fixture. */
export interface Source {
  readonly name: string;
  readonly text: string;
  readonly origin: 'corpus' | 'guide' | 'fixture';
}

const SHARED = path.join(process.cwd(), '..', 'shared');

/** The nginx files of ../shared/corpus (manifest kind `nginx`), or undefined when the corpus is absent. */
export function corpusSources(): Source[] | undefined {
  return corpusFiles('nginx')?.map(({ repo, file, text }) => ({ name: `corpus:${repo}/${file}`, text, origin: 'corpus' as const }));
}

/** The nginx examples of the product deployment guides (../shared/seeds), when present. */
export function guideSources(): Source[] {
  const root = path.join(SHARED, 'seeds');
  if (!existsSync(root)) return [];
  const sources: Source[] = [];
  for (const name of readdirSync(root).filter((file) => file.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(root, name), 'utf8');
    let index = 0;
    for (const match of text.matchAll(/```nginx\n([\s\S]*?)```/g)) {
      // Guides prefix some fences with an HTML comment that is not part of the file.
      const body = match[1]!.replace(/^<!--.*-->\n/, '');
      sources.push({ name: `guide:${name}#${index++}`, text: body, origin: 'guide' });
    }
  }
  return sources;
}

/** The project's own nginx fixtures (test/nginx-agreement/fixtures). */
export function fixtureSources(): Source[] {
  const root = path.join(process.cwd(), 'test', 'nginx-agreement', 'fixtures');
  return readdirSync(root)
    .sort()
    .map((name) => ({ name: `fixture:${name}`, text: readFileSync(path.join(root, name), 'utf8'), origin: 'fixture' as const }));
}
