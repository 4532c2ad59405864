import { defineRule } from '../rule';
import { reportProductChecks } from './productChecks';
import { checkedGroups } from './productSettings';

export const schemaConflict = defineRule({
  meta: {
    id: 'schema/conflict',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: 'Settings that contradict each other, as the product\'s own checks define: duplicate org ids or slugs, equal HTTP and gRPC ports, an authenticator listed without its section, a memory backend its database cannot serve.',
    fixable: false,
  },
  check(context) {
    for (const group of checkedGroups(context)) {
      if (group.product) reportProductChecks(context, group, 'schema/conflict');
    }
  },
});
