import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Used by tests only: the TOML examples of the products' guides and ground-truth files. */
export interface GuideExample {
  /** `seeds/001_….txt:63`: file and line of the opening fence. */
  readonly where: string;
  readonly text: string;
}

/** The shared folder beside the repository, or undefined when it is not there (tests then skip). */
export function sharedFolder(): string | undefined {
  const folder = join(process.cwd(), '..', 'shared');
  return existsSync(join(folder, 'seeds')) ? folder : undefined;
}

/** Every ```toml fenced block in `products/*.md` and `seeds/*.txt`. */
export function guideTomlExamples(shared: string): GuideExample[] {
  const examples: GuideExample[] = [];
  for (const [dir, extension] of [['products', '.md'], ['seeds', '.txt']] as const) {
    const folder = join(shared, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((file) => file.endsWith(extension)).sort()) {
      const lines = readFileSync(join(folder, name), 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!/^\s*```toml\s*$/i.test(lines[i]!)) continue;
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && !/^\s*```/.test(lines[i]!); i++) body.push(lines[i]!);
        examples.push({ where: `${dir}/${name}:${start + 1}`, text: body.join('\n') + '\n' });
      }
    }
  }
  return examples;
}
