import type { WorkspaceView } from '../../types';
import type { ParsedDocument } from '../../document';
import { resolveSibling } from '../../uri';
import { parseEnv } from '../env/parse';
import { interpolate } from './interpolation';

/** The workspace as the compose helpers need it: file text and, for `.env`, its parse. */
export interface EnvWorkspace extends WorkspaceView {
  parse(uri: string): ParsedDocument | undefined;
}

/** The `.env` Compose reads for interpolation: the one in the project directory (beside the file). */
export interface ProjectEnv {
  readonly uri: string;
  /** The file's text; undefined when it does not exist. */
  readonly text: string | undefined;
  /** Each key's value as Compose reads it (the last assignment wins). */
  readonly values: ReadonlyMap<string, string>;
}

export function projectEnvUri(composeUri: string): string {
  return resolveSibling(composeUri, '.env');
}

export function projectEnvOf(composeUri: string, workspace: EnvWorkspace): ProjectEnv {
  const uri = projectEnvUri(composeUri);
  return { uri, text: workspace.readText(uri), values: envValues(uri, workspace) };
}

/**
 * A path as written in a compose file with its `${VAR}`s interpolated from the project `.env`, as
 * Compose does. Undefined when it cannot be known here: a variable while that `.env` was refused
 * (`envRefused`), an empty path, or `~` (the home folder of whoever runs Compose, not a file of
 * this machine).
 */
export function composePath(written: string, env: ProjectEnv, envRefused: boolean): string | undefined {
  const variable = written.includes('$');
  if (variable && envRefused) return undefined;
  const path = variable ? interpolate(written, (name) => env.values.get(name)) : written;
  return path === undefined || path === '' || path.startsWith('~') ? undefined : path;
}

/** Keys and values of an env file (`.env`, an `env_file:` target); empty when absent. */
export function envValues(uri: string, workspace: EnvWorkspace): Map<string, string> {
  const values = new Map<string, string>();
  const parsed = workspace.parse(uri);
  // An `env_file:` may have any name; read it as env whatever kind its name suggests.
  const entries = parsed?.kind === 'env' ? parsed.ast.entries : parseEnvText(workspace.readText(uri));
  for (const entry of entries) values.set(entry.key, entry.value);
  return values;
}

/**
 * The `interpolate` callback for `settingGroupsOf` on a compose file: a variable's value from the
 * project `.env`, undefined when it does not set it.
 */
export function composeInterpolator(composeUri: string, workspace: EnvWorkspace): (name: string) => string | undefined {
  const { values } = projectEnvOf(composeUri, workspace);
  return (name) => values.get(name);
}

function parseEnvText(text: string | undefined) {
  return text === undefined ? [] : parseEnv(text).entries;
}
