import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf, scalarText } from '../../parsers/compose/nodes';
import type { ComposeService } from '../../parsers/compose/services';

/** How many containers a service runs: `deploy.replicas`, else the legacy `scale`, when written as a whole number. */
export function replicasOf(file: ComposeFile, service: ComposeService): number {
  const deploy = entryOf(file, service.value, 'deploy')?.value;
  const written = scalarText(entryOf(file, deploy, 'replicas')?.value) ?? scalarText(entryOf(file, service.value, 'scale')?.value);
  const replicas = written === undefined ? 1 : Number(written);
  return Number.isInteger(replicas) ? replicas : 1;
}
