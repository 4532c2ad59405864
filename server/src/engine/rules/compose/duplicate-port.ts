import { entryOf, scalarText, seqItems } from '../../parsers/compose/nodes';
import { services, type ComposeService } from '../../parsers/compose/services';
import type { ComposeFile } from '../../parsers/compose/ast';
import { defineRule } from '../rule';
import { replicasOf } from './replicas';
import { portsClash, publishedPorts, sharedPort, type PublishedPort } from './publishedPorts';
import { quoteToken } from '../../quote';

interface Publisher {
  readonly service: string;
  readonly profiles: ReadonlySet<string>;
  readonly port: PublishedPort;
}

export default defineRule({
  meta: {
    id: 'compose/duplicate-port',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: 'Two port mappings publish the same host port on the same interface, or a service with several replicas publishes a fixed host port: Compose fails at `up` with "port is already allocated".',
    fixable: false,
  },
  check(ctx) {
    const file = ctx.document.ast;
    const seen: Publisher[] = [];
    for (const service of services(file)) {
      if (!service.value) continue;
      const profiles = profilesOf(file, service);
      const replicas = replicasOf(file, service);
      for (const port of publishedPorts(file, service)) {
        const publisher = { service: service.name, profiles, port };
        const earlier = firstClash(seen, publisher);
        if (earlier) {
          const who = earlier.service === service.name ? `service \`${quoteToken(service.name)}\` publishes it twice` : `services \`${quoteToken(earlier.service)}\` and \`${quoteToken(service.name)}\` both publish it`;
          ctx.report({
            span: port.span,
            message: `Host port ${describe(port, sharedPort(port, earlier.port))} is already published: ${who}. Compose fails at \`up\` with "port is already allocated". Publish another host port, or bind each to a different host IP.`,
            related: [{ uri: ctx.document.uri, span: earlier.port.span, message: `\`${quoteToken(earlier.service)}\` publishes it here` }],
          });
        } else if (replicas > 1) {
          ctx.report({
            span: port.span,
            message: `Service \`${quoteToken(service.name)}\` runs ${replicas} replicas but publishes the fixed host port ${describe(port, port.low)}: only the first replica can bind it, the others fail with "port is already allocated". Publish only the container port (Docker picks a host port for each) or put a load balancer in front.`,
          });
        }
        seen.push(publisher);
      }
    }
  },
});

function firstClash(seen: readonly Publisher[], publisher: Publisher): Publisher | undefined {
  for (const other of seen) if (portsClash(other.port, publisher.port) && mayRunTogether(other.profiles, publisher.profiles)) return other;
  return undefined;
}

/** Services with profiles start only when one of them is enabled; two with disjoint profiles may never run together. */
function mayRunTogether(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const profile of a) if (b.has(profile)) return true;
  return false;
}

function profilesOf(file: ComposeFile, service: ComposeService): ReadonlySet<string> {
  const profiles = new Set<string>();
  for (const item of seqItems(file, entryOf(file, service.value, 'profiles')?.value)) {
    const name = scalarText(item.value);
    if (name !== undefined) profiles.add(name);
  }
  return profiles;
}

function describe(port: PublishedPort, number: number): string {
  return `${number}/${port.protocol}${port.hostIp ? ` on ${quoteToken(port.hostIp)}` : ''}`;
}
