import type { EnvFile } from './ast';

// Scaffold, replaced by the env parser.
export function parseEnv(_text: string): EnvFile {
  return { entries: [], comments: [], errors: [] };
}
