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

/** The project config files (`.deploy-doctor.yaml`): shown with their own problems, and watched to re-check everything on a change. */
export const CONFIG_GLOB = '**/.deploy-doctor.{yaml,yml,json}';

/** Watched for cross-file checks and config changes: every file above, and the config files. */
export const WATCHED_GLOBS: readonly string[] = [...FILE_GLOBS, CONFIG_GLOB];
