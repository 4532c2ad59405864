import { entryOf, scalarText, spanOf } from '../../parsers/compose/nodes';
import { services } from '../../parsers/compose/services';
import type { Span } from '../../types';
import { defineRule } from '../rule';
import { replicasOf } from './replicas';
import { quoteToken } from '../../quote';

export default defineRule({
  meta: {
    id: 'compose/duplicate-container-name',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: 'Two services set the same `container_name`, or a service with several replicas sets one: container names are unique per Docker host, so Compose cannot create the second container.',
    fixable: false,
  },
  check(ctx) {
    const file = ctx.document.ast;
    const first = new Map<string, { service: string; span: Span }>();
    for (const service of services(file)) {
      const entry = entryOf(file, service.value, 'container_name');
      const name = scalarText(entry?.value);
      const span = spanOf(entry?.valueNode);
      if (name === undefined || !span || name.includes('$')) continue;
      const earlier = first.get(name);
      if (earlier) {
        ctx.report({
          span,
          message: `Container name \`${quoteToken(name)}\` is already used by service \`${quoteToken(earlier.service)}\`: container names are unique per Docker host, so Compose fails to create \`${quoteToken(service.name)}\` ("Conflict. The container name is already in use"). Give it another name or drop \`container_name\` and let Compose name it.`,
          related: [{ uri: ctx.document.uri, span: earlier.span, message: `\`${quoteToken(earlier.service)}\` is named \`${quoteToken(name)}\` here` }],
        });
        continue;
      }
      first.set(name, { service: service.name, span });
      const replicas = replicasOf(file, service);
      if (replicas > 1) {
        ctx.report({
          span,
          message: `Service \`${quoteToken(service.name)}\` sets \`container_name\` but runs ${replicas} replicas: a container name must be unique, so Compose refuses to scale it. Drop \`container_name\` to let Compose name each replica.`,
        });
      }
    }
  },
});
