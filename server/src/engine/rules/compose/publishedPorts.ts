import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf, scalarText, seqItems, spanOf } from '../../parsers/compose/nodes';
import type { ComposeService } from '../../parsers/compose/services';
import { parsePortShort, portRange } from '../../parsers/compose/shortSyntax';
import type { Span } from '../../types';

/** A host port a service publishes at a fixed number, read from `ports:` in either syntax. */
export interface PublishedPort {
  /** `''` for every interface (no IP, `0.0.0.0`, `::`). */
  readonly hostIp: string;
  readonly low: number;
  readonly high: number;
  readonly protocol: string;
  /** The `ports:` item as written. */
  readonly span: Span;
}

/** Host IPs, as written, that publish on every interface. */
export const ALL_INTERFACES: ReadonlySet<string> = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The fixed host ports of a service. Mappings whose host port comes from `${…}`, is left to
 * Docker (`- 80`, `published` absent), or is a range of ports for one container port (Docker
 * picks a free one) are left out: which port they take is not written in the file.
 */
export function publishedPorts(file: ComposeFile, service: ComposeService): PublishedPort[] {
  const found: PublishedPort[] = [];
  for (const item of seqItems(file, entryOf(file, service.value, 'ports')?.value)) {
    const span = spanOf(item.node);
    if (!span) continue;
    const port = isMap(item.value) ? longSyntax(file, item.value) : isScalar(item.value) ? shortSyntax(scalarText(item.value)) : undefined;
    if (port) found.push({ ...port, span });
  }
  return found;
}

type Binding = Omit<PublishedPort, 'span'>;

/** `8080:80`, `127.0.0.1:8080:80/udp`, `[::1]:8080:80`, `8000-8001:8000-8001`. */
function shortSyntax(value: string | undefined): Binding | undefined {
  if (value === undefined || value.includes('$')) return undefined;
  const spec = parsePortShort(value);
  if (!spec?.host) return undefined;
  const host = portRange(spec.host.text);
  const container = portRange(spec.container.text);
  if (!host || !container || host.high - host.low !== container.high - container.low) return undefined;
  return { hostIp: interfaceOf(spec.ip?.text), low: host.low, high: host.high, protocol: (spec.protocol ?? 'tcp').toLowerCase() };
}

/** `{ target: 80, published: "8080", host_ip: 127.0.0.1, protocol: udp }` */
function longSyntax(file: ComposeFile, map: YAMLMap): Binding | undefined {
  const published = scalarText(entryOf(file, map, 'published')?.value);
  if (published === undefined || published.includes('$')) return undefined;
  const host = portRange(published);
  const container = portRange(scalarText(entryOf(file, map, 'target')?.value) ?? '');
  if (!host || (host.low !== host.high && (!container || host.high - host.low !== container.high - container.low))) return undefined;
  const ip = scalarText(entryOf(file, map, 'host_ip')?.value);
  if (ip?.includes('$')) return undefined;
  const protocol = scalarText(entryOf(file, map, 'protocol')?.value) ?? 'tcp';
  return { hostIp: interfaceOf(ip), low: host.low, high: host.high, protocol: protocol.toLowerCase() };
}

function interfaceOf(ip: string | undefined): string {
  const written = (ip ?? '').trim();
  if (ALL_INTERFACES.has(written)) return '';
  return written.startsWith('[') && written.endsWith(']') ? written.slice(1, -1) : written;
}

/** True when binding both would fail: the same protocol, an overlapping port, and an interface both listen on. */
export function portsClash(a: Binding, b: Binding): boolean {
  if (a.protocol !== b.protocol || a.high < b.low || b.high < a.low) return false;
  return a.hostIp === '' || b.hostIp === '' || a.hostIp === b.hostIp;
}

/** The first port both cover, for messages. */
export function sharedPort(a: Binding, b: Binding): number {
  return Math.max(a.low, b.low);
}
