import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { blockEnd, entryOf, isBlockMap, lineIndentOf, scalarText, seqItems, spanOf } from '../../parsers/compose/nodes';
import { services } from '../../parsers/compose/services';
import { parsePortShort, portRange } from '../../parsers/compose/shortSyntax';
import { eolOf, isQuoted, lineAfter } from '../../parsers/compose/yamlText';
import type { Span, TextEdit } from '../../types';
import { defineRule } from '../rule';
import { ALL_INTERFACES } from './publishedPorts';
import { quoteToken } from '../../quote';

/** Ports of databases and caches that should never face the internet. */
export const DATASTORE_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL/MariaDB'],
  [6379, 'Redis'],
  [27017, 'MongoDB'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch transport'],
  [5984, 'CouchDB'],
  [11211, 'Memcached'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [9042, 'Cassandra'],
  [7687, 'Neo4j'],
  [8086, 'InfluxDB'],
  [2379, 'etcd'],
  [26257, 'CockroachDB'],
  [6333, 'Qdrant'],
  [8123, 'ClickHouse'],
]);

const LOOPBACK = '127.0.0.1';

export default defineRule({
  meta: {
    id: 'compose/exposed-datastore',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    description: 'A database or cache port (5432, 3306, 6379, 27017, 9200, …) published on all interfaces.',
    fixable: true,
  },
  check(ctx) {
    // A development stack publishes its database for local tools on purpose.
    if (ctx.mode === 'development') return;
    const file = ctx.document.ast;
    const text = ctx.document.text;
    const seen = new Set<number>();
    for (const service of services(file)) {
      for (const item of seqItems(file, entryOf(file, service.value, 'ports')?.value)) {
        const exposure = isMap(item.value) ? longExposure(file, text, item.value) : isScalar(item.value) ? shortExposure(text, item.value) : undefined;
        const span = spanOf(item.node);
        if (!exposure || !span || seen.has(span.start)) continue;
        seen.add(span.start);
        const what = DATASTORE_PORTS.get(exposure.port)!;
        ctx.report({
          span,
          message: `${what} port ${exposure.port} of service \`${quoteToken(service.name)}\` is published on all interfaces: anyone who can reach this host can connect to it (Docker's published ports bypass host firewalls such as ufw). Bind it to ${LOOPBACK}, or drop the mapping if only other services use it.`,
          fixes: exposure.edit ? [{ title: `Publish on ${LOOPBACK} only`, isPreferred: true, edits: [exposure.edit] }] : [],
        });
      }
    }
  },
});

interface Exposure {
  readonly port: number;
  readonly edit: TextEdit | undefined;
}

function datastorePort(spec: string): number | undefined {
  const range = portRange(spec);
  if (range) for (const port of DATASTORE_PORTS.keys()) if (port >= range.low && port <= range.high) return port;
  return undefined;
}

/** `5432`, `"5432:5432"`, `0.0.0.0:5432:5432`, `"${PORT:-5432}:5432/tcp"`. */
function shortExposure(text: string, node: Scalar): Exposure | undefined {
  const value = scalarText(node);
  if (value === undefined || !node.range) return undefined;
  const spec = parsePortShort(value);
  if (!spec) return undefined;
  const port = datastorePort(spec.container.text);
  if (port === undefined || (spec.ip && !ALL_INTERFACES.has(spec.ip.text))) return undefined;
  const contentStart = node.range[0] + (isQuoted(node) ? 1 : 0);
  const writtenAsIs = typeof node.value === 'string' && text.slice(contentStart, contentStart + value.length) === value;
  let edit: TextEdit | undefined;
  if (typeof node.value === 'number' || !writtenAsIs) {
    // A bare number is a container port with a random host port: keep that, on loopback.
    const rewritten = spec.host ? `${LOOPBACK}:${value}` : `${LOOPBACK}::${value}`;
    edit = { span: { start: node.range[0], end: node.range[1] }, newText: JSON.stringify(spec.ip ? `${LOOPBACK}:${value.slice(spec.host!.offset)}` : rewritten) };
  } else if (spec.ip) {
    edit = { span: { start: contentStart + spec.ip.offset, end: contentStart + spec.ip.offset + spec.ip.text.length }, newText: LOOPBACK };
  } else {
    edit = { span: { start: contentStart, end: contentStart }, newText: spec.host ? `${LOOPBACK}:` : `${LOOPBACK}::` };
  }
  return { port, edit };
}

/** `{ target: 5432, published: 5432, host_ip: 0.0.0.0 }` */
function longExposure(file: ComposeFile, text: string, map: YAMLMap): Exposure | undefined {
  const target = scalarText(entryOf(file, map, 'target')?.value);
  const port = target === undefined ? undefined : datastorePort(target);
  if (port === undefined) return undefined;
  const hostIp = entryOf(file, map, 'host_ip');
  const ip = scalarText(hostIp?.value);
  if (ip !== undefined && !ALL_INTERFACES.has(ip)) return undefined;
  let edit: TextEdit | undefined;
  const valueSpan: Span | undefined = spanOf(hostIp?.valueNode);
  if (hostIp && valueSpan && !hostIp.merged) edit = { span: valueSpan, newText: LOOPBACK };
  else if (!hostIp && isBlockMap(map)) {
    const firstKey = map.items[0]!.key as Scalar;
    const indent = isMap(map) && firstKey.range ? lineIndentOf(text, firstKey.range[0]) : '';
    // A mapping that starts on the `- ` line: its keys line up after the dash.
    const column = firstKey.range ? firstKey.range[0] - (text.lastIndexOf('\n', firstKey.range[0] - 1) + 1) : indent.length;
    const { offset, prefix } = lineAfter(text, blockEnd(map));
    edit = { span: { start: offset, end: offset }, newText: `${prefix}${' '.repeat(column)}host_ip: ${LOOPBACK}${eolOf(text)}` };
  }
  return { port, edit };
}
