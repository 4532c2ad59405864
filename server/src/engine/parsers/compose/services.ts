import type { Scalar } from 'yaml';
import type { ComposeFile } from './ast';
import { entryOf, mapEntries, scalarText, type ContentNode } from './nodes';

/** A service of the file's `services:` mapping. */
export interface ComposeService {
  readonly name: string;
  readonly keyNode: Scalar | undefined;
  /** The service's mapping (an alias resolved); undefined when it is empty. */
  readonly value: ContentNode | undefined;
  /** True when the service itself comes from a `<<` merge (not written under `services:`). */
  readonly merged: boolean;
}

/** Each file's services, read once: a dozen rules walk them, and a file may have thousands. */
const servicesByFile = new WeakMap<ComposeFile, readonly ComposeService[]>();

export function services(file: ComposeFile): readonly ComposeService[] {
  let found = servicesByFile.get(file);
  if (!found) {
    const section = entryOf(file, file.document.contents, 'services');
    found = mapEntries(file, section?.value).map((entry) => ({
      name: entry.key,
      keyNode: entry.keyNode,
      value: entry.value,
      merged: entry.merged,
    }));
    servicesByFile.set(file, found);
  }
  return found;
}

/** The names a top-level section (`volumes`, `networks`, `secrets`, `configs`) declares. */
export function declaredNames(file: ComposeFile, section: string): Set<string> {
  const entry = entryOf(file, file.document.contents, section);
  return new Set(mapEntries(file, entry?.value).map((item) => item.key));
}

/** A service's `image:`, as written. */
export function imageOf(file: ComposeFile, service: ComposeService): string | undefined {
  return scalarText(entryOf(file, service.value, 'image')?.value);
}
