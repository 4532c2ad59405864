import { COMPOSE_GLOB, CONFIG_GLOB, FILE_GLOBS } from '../../server/src/lsp/filePatterns';

/** Language ids that are configuration of one kind whatever the file is called. */
const LANGUAGES = ['dotenv', 'toml', 'dockercompose', 'nginx'];

/**
 * The documents the server sees: the four languages, YAML only when named like a compose file,
 * the default file names whatever language another extension gave them, and `.deploy-doctor.yaml`. `associations` are
 * the user's `deployDoctor.files.associations` globs.
 */
export interface FileFilter {
  readonly scheme: string;
  readonly language?: string;
  readonly pattern?: string;
}

export function documentSelector(associations: readonly string[]): FileFilter[] {
  return [
    ...LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    { scheme: 'file', language: 'yaml', pattern: COMPOSE_GLOB },
    ...FILE_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
    // The server shows a config file's own problems (config/invalid) in it.
    { scheme: 'file', pattern: CONFIG_GLOB },
    ...associations.map((glob) => ({ scheme: 'file', pattern: glob.includes('/') ? glob : `**/${glob}` })),
  ];
}
