import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeConfigBytes } from './readText';

/** A text given on stdin, checked as if it were the file at `path` (absolute). */
export interface StdinFile {
  readonly path: string;
  readonly text: string;
}

/** Reads all of stdin (fd 0) as `readConfigText` reads a file: BOM dropped, UTF-16 by its mark. */
export function readStdinText(): string {
  return decodeConfigBytes(readFileSync(0));
}

/** The stdin text placed at `--stdin-filename`, resolved against the current folder. */
export function stdinFile(filename: string, text: string, cwd: string): StdinFile {
  return { path: resolve(cwd, filename), text };
}
