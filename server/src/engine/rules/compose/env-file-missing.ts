import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { interpolate } from '../../parsers/compose/interpolation';
import { entryOf, resolveNode, scalarText, spanOf } from '../../parsers/compose/nodes';
import { projectEnvOf } from '../../parsers/compose/projectEnv';
import { services } from '../../parsers/compose/services';
import { resolveSibling } from '../../uri';
import { defineRule } from '../rule';
import { quoteToken } from '../../quote';

/** One `env_file:` entry: its path node and whether Compose requires the file. */
interface EnvFileEntry {
  readonly service: string;
  readonly node: Node;
  readonly path: string;
  readonly required: boolean;
}

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
    const seen = new Set<number>();
    for (const entry of envFileEntries(file)) {
      const span = spanOf(entry.node);
      if (!span || seen.has(span.start) || !entry.required) continue;
      seen.add(span.start);
      // `${VAR}` in the path is interpolated from the project .env first, as Compose does.
      const path = entry.path.includes('$') ? interpolate(entry.path, (name) => env.values.get(name)) : entry.path;
      if (path === undefined || path === '' || path.startsWith('~')) continue;
      const uri = resolveSibling(ctx.document.uri, path);
      if (ctx.workspace.readText(uri) !== undefined) continue;
      if (ctx.workspace.refusal?.(uri) !== undefined) {
        // It may well exist: what is known is only that its variables cannot be checked.
        ctx.report({ span, severity: 'warning', message: `The \`env_file\` \`${quoteToken(entry.path)}\` of service \`${quoteToken(entry.service)}\` is outside the checked tree: it is not read, so its variables are not checked.` });
        continue;
      }
      ctx.report({
        span,
        message: `The \`env_file\` \`${quoteToken(entry.path)}\` of service \`${quoteToken(entry.service)}\` does not exist: Compose refuses to start ("env file … not found"). Create it, or mark it \`required: false\`.`,
        fixes: [{ title: `Create \`${quoteToken(path)}\``, isPreferred: true, safety: 'choice', fileEdits: [{ uri, edits: [], create: true }] }],
      });
    }
  },
});

/** Every service's `env_file:` paths: a string, a list of strings, or `{path, required}` items. */
function envFileEntries(file: ComposeFile): EnvFileEntry[] {
  const entries: EnvFileEntry[] = [];
  for (const service of services(file)) {
    const written = entryOf(file, service.value, 'env_file');
    if (!written) continue;
    const value = written.value;
    const push = (node: Node | undefined, required: boolean) => {
      const path = scalarText(resolveNode(file, node));
      if (node && path !== undefined) entries.push({ service: service.name, node, path, required });
    };
    if (isScalar(value)) push(written.valueNode ?? undefined, true);
    else if (isSeq(value)) {
      for (const item of value.items) {
        const resolved = resolveNode(file, item);
        if (isScalar(resolved)) push(item as Node, true);
        else if (isMap(resolved)) {
          const pathEntry = entryOf(file, resolved, 'path');
          const required = scalarText(entryOf(file, resolved, 'required')?.value) !== 'false';
          push(pathEntry?.valueNode ?? undefined, required);
        }
      }
    }
  }
  return entries;
}
