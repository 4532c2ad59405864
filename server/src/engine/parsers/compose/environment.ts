import type { SettingOccurrence } from '../../settings';
import type { Span } from '../../types';
import type { ComposeFile } from './ast';

/** One service's `environment:` as settings, before product detection. */
export interface ComposeEnvironmentGroup {
  readonly scope: string;
  readonly scopeSpan: Span;
  readonly insertAt: number;
  readonly image: string | undefined;
  readonly settings: readonly SettingOccurrence[];
}

// Scaffold, replaced by the compose work: every service's environment (map and list forms).
export function composeEnvironmentGroups(_file: ComposeFile, _interpolate: (name: string) => string | undefined): ComposeEnvironmentGroup[] {
  return [];
}
