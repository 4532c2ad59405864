/**
 * The file names Deploy Doctor checks, as globs for editors: the client's document selector and
 * file watcher, and the watchers the server registers with other clients. The engine decides the
 * kind; these only decide which files reach it (SPEC §2's defaults).
 */
export const COMPOSE_GLOB = '**/{docker-compose,compose}*.{yml,yaml}';

export const FILE_GLOBS: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/nginx.conf',
  '**/{nginx,conf.d,snippets,http.d,stream.d}/**/*.{conf,conf.template}',
  '**/sites-*/**',
  '**/*.nginx',
  '**/config.toml',
  '**/*.toml',
  '**/.flovyn/credentials',
  COMPOSE_GLOB,
];

/** Watched for cross-file checks: every file above. */
export const WATCHED_GLOBS: readonly string[] = FILE_GLOBS;
