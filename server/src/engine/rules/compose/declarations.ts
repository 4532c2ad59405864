import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf } from '../../parsers/compose/nodes';
import { parseCompose } from '../../parsers/compose/parse';
import { declaredNames, services } from '../../parsers/compose/services';
import { basename, resolveSibling } from '../../uri';
import type { RuleWorkspace } from '../rule';
import { includeEntries } from './includeEntries';

export type Section = 'services' | 'volumes' | 'networks' | 'secrets' | 'configs';
const SECTIONS: readonly Section[] = ['services', 'volumes', 'networks', 'secrets', 'configs'];

/** What a compose project declares, as seen from one of its files. */
export interface Declarations {
  readonly names: Readonly<Record<Section, ReadonlySet<string>>>;
  /**
   * False when part of the project could not be read (an `include:` that is missing), so an
   * undeclared name may be declared there: references are then not reported.
   */
  readonly complete: boolean;
  /** Files besides this one whose declarations count (a base file for an override, includes). */
  readonly sources: readonly string[];
  /** The top-level sections some file of the project writes (even empty). */
  readonly sectionsPresent: ReadonlySet<Section>;
}

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** Compose loads one of these with the base file unless `-f` says otherwise. */
const OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

/** True for an override file (`docker-compose.override.yml`, `compose.prod.yaml`): it is used with a base file. */
export function isOverrideFile(uri: string): boolean {
  const name = basename(uri).toLowerCase();
  return /^(docker-)?compose[.-].+\.ya?ml$/.test(name) && !BASE_NAMES.includes(name);
}

/**
 * The names the project declares: this file's, its `include:`s', for a base file the override
 * Compose loads with it, and for an override file the base file's beside it (merged with `-f`).
 */
export function declarationsOf(file: ComposeFile, uri: string, workspace: RuleWorkspace): Declarations {
  const names: Record<Section, Set<string>> = {
    services: new Set(),
    volumes: new Set(),
    networks: new Set(['default']),
    secrets: new Set(),
    configs: new Set(),
  };
  const sources: string[] = [];
  const sectionsPresent = new Set<Section>();
  let complete = true;
  const visited = new Set<string>([uri]);

  const add = (from: ComposeFile, fromUri: string, depth: number): void => {
    for (const service of services(from)) names.services.add(service.name);
    for (const section of SECTIONS) if (entryOf(from, from.document.contents, section)) sectionsPresent.add(section);
    for (const section of SECTIONS) if (section !== 'services') for (const name of declaredNames(from, section)) names[section].add(name);
    for (const path of includePaths(from)) {
      if (path.includes('$')) {
        complete = false;
        continue;
      }
      const included = resolveSibling(fromUri, path);
      if (visited.has(included) || depth > 8) continue;
      visited.add(included);
      const text = workspace.readText(included);
      if (text === undefined) {
        complete = false;
        continue;
      }
      sources.push(included);
      add(parseCompose(text), included, depth + 1);
    }
  };

  const addSibling = (name: string): boolean => {
    const sibling = resolveSibling(uri, name);
    if (visited.has(sibling)) return false;
    const text = workspace.readText(sibling);
    if (text === undefined) return false;
    visited.add(sibling);
    sources.push(sibling);
    add(parseCompose(text), sibling, 1);
    return true;
  };

  add(file, uri, 0);
  if (!isOverrideFile(uri)) {
    for (const name of OVERRIDE_NAMES) addSibling(name);
  } else {
    const hadBase = BASE_NAMES.map(addSibling).some(Boolean);
    // An override without its base cannot be judged: the base declares what it refers to.
    if (!hadBase) complete = false;
  }
  return { names, complete, sources, sectionsPresent };
}

/** The paths of a file's top-level `include:`. */
function includePaths(file: ComposeFile): string[] {
  return includeEntries(file).map((entry) => entry.path);
}
