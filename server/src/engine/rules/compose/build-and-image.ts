import { entryOf, spanOf } from '../../parsers/compose/nodes';
import { services } from '../../parsers/compose/services';
import { defineRule } from '../rule';
import { appendServiceKeyEdit } from './serviceEdits';
import { quoteToken } from '../../quote';

export default defineRule({
  meta: {
    id: 'compose/build-and-image',
    kinds: ['compose'],
    defaultSeverity: 'info',
    description: 'A service sets both `build:` and `image:` without `pull_policy`: Compose first tries to pull the image and builds from source only when none is found.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    const text = ctx.document.text;
    for (const service of services(file)) {
      const image = entryOf(file, service.value, 'image');
      if (!image || !entryOf(file, service.value, 'build') || entryOf(file, service.value, 'pull_policy')) continue;
      const span = spanOf(image.keyNode);
      if (!span) continue;
      const edit = appendServiceKeyEdit(text, service, 'pull_policy', 'build');
      ctx.report({
        span,
        message: `Service \`${quoteToken(service.name)}\` has both \`build:\` and \`image:\` but no \`pull_policy\`: \`docker compose up\` first pulls the image by that name and builds from this source only when the registry has none, so a published image can silently replace your local build. Set \`pull_policy: build\` to always build, or \`pull_policy: missing\`/\`always\` if pulling is meant.`,
        // Which policy is meant is the user's choice, so the fix is offered, not preferred.
        fixes: edit ? [{ title: 'Add `pull_policy: build`', isPreferred: false, edits: [edit] }] : [],
      });
    }
  },
});
