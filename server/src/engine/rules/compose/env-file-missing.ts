import { spanOf } from '../../parsers/compose/nodes';
import { composePath, projectEnvOf } from '../../parsers/compose/projectEnv';
import { resolveSibling } from '../../uri';
import { defineRule } from '../rule';
import { quoteToken } from '../../quote';
import { envFileEntries } from './envFileEntries';

export default defineRule({
  meta: {
    id: 'compose/env-file-missing',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: 'An `env_file:` that does not exist: Compose refuses to start.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    const env = projectEnvOf(ctx.document.uri, ctx.workspace);
    // Paths with `${VAR}` cannot be resolved when the `.env` that sets them was refused.
    const envRefused = ctx.workspace.refusal?.(env.uri) !== undefined;
    const seen = new Set<number>();
    for (const entry of envFileEntries(file)) {
      const span = spanOf(entry.node);
      if (!span || seen.has(span.start) || !entry.required) continue;
      seen.add(span.start);
      const path = composePath(entry.path, env, envRefused);
      if (path === undefined) continue;
      const uri = resolveSibling(ctx.document.uri, path);
      // A file the host refused may well exist: reference/outside-tree reports it.
      if (ctx.workspace.readText(uri) !== undefined || ctx.workspace.refusal?.(uri) !== undefined) continue;
      ctx.report({
        span,
        message: `The \`env_file\` \`${quoteToken(entry.path)}\` of service \`${quoteToken(entry.service)}\` does not exist: Compose refuses to start ("env file … not found"). Create it, or mark it \`required: false\`.`,
        fixes: [{ title: `Create \`${quoteToken(path)}\``, isPreferred: true, safety: 'choice', fileEdits: [{ uri, edits: [], create: true }] }],
      });
    }
  },
});
