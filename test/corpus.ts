/**
 * The real-world files of ../shared/corpus by the kind its manifest gives them, for the tests that
 * must never call them errors falsely. Read in place: the corpus is never copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_ROOT = path.join(process.cwd(), '..', 'shared', 'corpus');

export interface CorpusFile {
  /** `owner/name` of the public repository. */
  readonly repo: string;
  /** The file's path in that repository. */
  readonly file: string;
  /** The corpus folder of the repository (`owner__name`) joined with `file`. */
  readonly folderPath: string;
  readonly text: string;
}

/** The corpus files of one manifest kind (`nginx`, `compose`), or undefined when the corpus is absent. */
export function corpusFiles(kind: string): CorpusFile[] | undefined {
  const manifest = path.join(CORPUS_ROOT, 'manifest.tsv');
  if (!existsSync(manifest)) return undefined;
  const files: CorpusFile[] = [];
  for (const line of readFileSync(manifest, 'utf8').split('\n').slice(1)) {
    const [repo, , file, fileKind] = line.split('\t');
    if (fileKind !== kind || !repo || !file) continue;
    const folderPath = `${repo.replace('/', '__')}/${file}`;
    const local = path.join(CORPUS_ROOT, folderPath);
    if (existsSync(local)) files.push({ repo, file, folderPath, text: readFileSync(local, 'utf8') });
  }
  return files;
}
