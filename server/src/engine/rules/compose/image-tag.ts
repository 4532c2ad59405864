import { entryOf, scalarText, spanOf } from '../../parsers/compose/nodes';
import { services } from '../../parsers/compose/services';
import { defineRule } from '../rule';
import { quoteToken } from '../../quote';

export default defineRule({
  meta: {
    id: 'compose/image-tag',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    description: 'An `image:` without a tag or with `:latest` in production: what runs changes whenever the image is pushed again.',
    fixable: false,
  },
  check(ctx) {
    if (ctx.mode === 'development') return;
    const file = ctx.document.ast;
    for (const service of services(file)) {
      // With `build:`, `image:` names what is built here rather than what is pulled.
      if (entryOf(file, service.value, 'build')) continue;
      const entry = entryOf(file, service.value, 'image');
      const image = scalarText(entry?.value);
      const span = spanOf(entry?.valueNode);
      if (image === undefined || !span || entry!.merged) continue;
      const tag = unpinnedTag(image);
      if (tag === undefined) continue;
      const written = tag === '' ? `\`${quoteToken(image)}\` has no tag, so Docker pulls \`latest\`` : `\`${quoteToken(image)}\` uses the \`latest\` tag`;
      ctx.report({
        span,
        message: `Image ${written} for service \`${quoteToken(service.name)}\`: the version that runs changes whenever the image is pushed again, and a redeploy can start a different release than the one tested. Pin a version tag (\`${quoteToken(nameOf(image))}:1.2.3\`), or a digest (\`${quoteToken(nameOf(image))}@sha256:…\`).`,
      });
    }
  },
});

/** `''` for an image with no tag, `latest` for `:latest`; undefined when pinned, digested or variable. */
function unpinnedTag(image: string): string | undefined {
  const trimmed = image.trim();
  if (trimmed === '' || trimmed.includes('$') || trimmed.includes('@')) return undefined;
  const slash = trimmed.lastIndexOf('/');
  const colon = trimmed.lastIndexOf(':');
  if (colon <= slash) return '';
  return trimmed.slice(colon + 1) === 'latest' ? 'latest' : undefined;
}

/** The repository part of an image reference, without its tag. */
function nameOf(image: string): string {
  const trimmed = image.trim();
  const colon = trimmed.lastIndexOf(':');
  return colon > trimmed.lastIndexOf('/') ? trimmed.slice(0, colon) : trimmed;
}
