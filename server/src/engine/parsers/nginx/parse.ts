import type { NginxFile } from './ast';

// Scaffold, replaced by the nginx parser.
export function parseNginx(_text: string): NginxFile {
  return { directives: [], comments: [], errors: [] };
}
