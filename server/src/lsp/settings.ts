import * as z from 'zod';
import type { EngineOptions, KindAssociation, ProductAssociation, SeverityOverride } from '../engine';
import { FILE_KINDS } from '../engine';

/** The `deployDoctor.*` settings, validated: a wrong entry is dropped, never fatal. */
export interface ServerSettings {
  readonly severities: Readonly<Record<string, SeverityOverride>>;
  readonly kindAssociations: readonly KindAssociation[];
  readonly productAssociations: readonly ProductAssociation[];
  readonly debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

export const DEFAULT_SETTINGS: ServerSettings = { severities: {}, kindAssociations: [], productAssociations: [], debounceMs: DEFAULT_DEBOUNCE_MS };

const severity = z.enum(['error', 'warning', 'info', 'hint', 'off']);
const kind = z.enum(FILE_KINDS as readonly ['env', 'toml', 'compose', 'nginx']);

/** Reads the `deployDoctor` section as the client sends it (`workspace/configuration` or a change notification). */
export function readSettings(section: unknown): ServerSettings {
  const root = z.record(z.string(), z.unknown()).safeParse(section);
  if (!root.success) return DEFAULT_SETTINGS;
  const files = z.object({ associations: z.unknown() }).partial().safeParse(root.data['files']);
  const debounce = z.number().int().min(0).max(10_000).safeParse(root.data['debounceMs']);
  return {
    severities: entriesOf(root.data['rules'], severity),
    kindAssociations: Object.entries(entriesOf(files.success ? files.data.associations : undefined, kind)).map(([glob, value]) => ({ glob, kind: value })),
    productAssociations: Object.entries(entriesOf(root.data['products'], z.string().min(1))).map(([glob, product]) => ({ glob, product })),
    debounceMs: debounce.success ? debounce.data : DEFAULT_DEBOUNCE_MS,
  };
}

export function engineOptionsOf(settings: ServerSettings): EngineOptions {
  return { severities: settings.severities, kindAssociations: settings.kindAssociations, productAssociations: settings.productAssociations };
}

/**
 * `files.exclude` as globs: entries set to `true`. Sibling conditions (`{ "when": … }`) are not
 * evaluated, so such entries are not excluded: indexing a file too many is harmless.
 */
export function readExcludes(section: unknown): string[] {
  const record = z.record(z.string(), z.unknown()).safeParse(section);
  if (!record.success) return [];
  return Object.entries(record.data)
    .filter(([, value]) => value === true)
    .map(([glob]) => glob);
}

/** The valid entries of a `{ key: value }` setting; invalid values are dropped one by one. */
function entriesOf<T>(value: unknown, schema: z.ZodType<T>): Record<string, T> {
  const record = z.record(z.string(), z.unknown()).safeParse(value);
  const result: Record<string, T> = {};
  if (!record.success) return result;
  for (const [key, item] of Object.entries(record.data)) {
    const parsed = schema.safeParse(item);
    if (parsed.success) result[key] = parsed.data;
  }
  return result;
}
