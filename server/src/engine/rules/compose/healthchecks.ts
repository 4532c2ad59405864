import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { blockEnd, entryOf, isBlockMap, lineIndentOf, mapEntries, resolveNode } from '../../parsers/compose/nodes';
import type { ComposeService } from '../../parsers/compose/services';
import { deeper, eolOf, lineAfter } from '../../parsers/compose/yamlText';
import type { TextEdit } from '../../types';

/** A healthcheck for an image whose own image defines none (the official database images). */
export interface KnownHealthcheck {
  /** What the image is, for messages (`PostgreSQL`). */
  readonly name: string;
  /** The `test:` value, as YAML flow text. */
  readonly test: string;
}

/** The environment a service sets, by key, as written (not interpolated). */
type WrittenEnvironment = ReadonlyMap<string, string>;

const DATABASE_IMAGES: readonly { pattern: RegExp; healthcheck: (env: WrittenEnvironment, hasEnvFile: boolean) => KnownHealthcheck }[] = [
  { pattern: /(^|\/)(postgres|postgresql|pgvector|postgis|timescaledb(-ha)?)(:|@|$)/i, healthcheck: postgres },
  { pattern: /(^|\/)(redis|redis-stack-server|keydb)(:|@|$)/i, healthcheck: () => ({ name: 'Redis', test: '["CMD", "redis-cli", "ping"]' }) },
  { pattern: /(^|\/)valkey(:|@|$)/i, healthcheck: () => ({ name: 'Valkey', test: '["CMD", "valkey-cli", "ping"]' }) },
  { pattern: /(^|\/)mysql(:|@|$)/i, healthcheck: () => ({ name: 'MySQL', test: '["CMD", "mysqladmin", "ping", "-h", "127.0.0.1"]' }) },
  { pattern: /(^|\/)mariadb(:|@|$)/i, healthcheck: () => ({ name: 'MariaDB', test: '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]' }) },
  { pattern: /(^|\/)mongo(:|@|$)/i, healthcheck: () => ({ name: 'MongoDB', test: `["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]` }) },
];

/** The healthcheck to add for an image, or undefined when the image is not one we know. */
export function knownHealthcheck(image: string | undefined, env: WrittenEnvironment, hasEnvFile: boolean): KnownHealthcheck | undefined {
  if (!image) return undefined;
  return DATABASE_IMAGES.find((entry) => entry.pattern.test(image))?.healthcheck(env, hasEnvFile);
}

/**
 * `pg_isready -U <user> -d <db>` with the user and database the service creates: as written in its
 * environment (a `${VAR}` stays, Compose interpolates it the same way), from the container's own
 * variables when an `env_file:` may set them, else the image's defaults.
 */
function postgres(env: WrittenEnvironment, hasEnvFile: boolean): KnownHealthcheck {
  const user = env.get('POSTGRES_USER') ?? (hasEnvFile ? '$${POSTGRES_USER:-postgres}' : 'postgres');
  const database = env.get('POSTGRES_DB') ?? (env.has('POSTGRES_USER') ? user : hasEnvFile ? '$${POSTGRES_DB:-$${POSTGRES_USER:-postgres}}' : user);
  const quote = (value: string) => (/^[A-Za-z0-9_.${}:-]+$/.test(value) && !value.includes('$$') ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  return { name: 'PostgreSQL', test: JSON.stringify(['CMD-SHELL', `pg_isready -U ${quote(user)} -d ${quote(database)}`]).replace(/","/g, '", "') };
}

/** A service's `environment:` entries as written (not interpolated), map or list form. */
export function writtenEnvironment(file: ComposeFile, service: ComposeService): Map<string, string> {
  const written = new Map<string, string>();
  const environment = resolveNode(file, entryOf(file, service.value, 'environment')?.value);
  if (isMap(environment)) {
    for (const entry of mapEntries(file, environment)) {
      if (isScalar(entry.value) && entry.value.value !== null) written.set(entry.key, String(entry.value.value));
    }
  } else if (isSeq(environment)) {
    for (const item of environment.items) {
      const value = resolveNode(file, item);
      if (!isScalar(value) || typeof value.value !== 'string') continue;
      const equals = value.value.indexOf('=');
      if (equals > 0) written.set(value.value.slice(0, equals), value.value.slice(equals + 1));
    }
  }
  return written;
}

/** An edit that adds `healthcheck:` with `test` (and the guides' timings) at the end of a service. */
export function insertHealthcheck(file: ComposeFile, text: string, service: ComposeService, test: string): TextEdit | undefined {
  const value = service.value;
  if (!isBlockMap(value) || service.merged) return undefined;
  const firstKey = value.items[0]!.key as Scalar;
  const indent = lineIndentOf(text, firstKey.range?.[0] ?? 0);
  const inner = deeper(file, text, indent);
  const eol = eolOf(text);
  const { offset, prefix } = lineAfter(text, blockEnd(value));
  const lines = [`${indent}healthcheck:`, `${inner}test: ${test}`, `${inner}interval: 5s`, `${inner}timeout: 3s`, `${inner}retries: 5`];
  return { span: { start: offset, end: offset }, newText: prefix + lines.map((line) => line + eol).join('') };
}
