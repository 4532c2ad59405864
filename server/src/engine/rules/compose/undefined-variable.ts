import type { ComposeFile } from '../../parsers/compose/ast';
import { envValues, projectEnvOf, type ProjectEnv } from '../../parsers/compose/projectEnv';
import { services } from '../../parsers/compose/services';
import { composeEnvFiles } from '../../parsers/compose/environment';
import { valueInterpolations } from '../../parsers/compose/valueInterpolations';
import type { Fix, RelatedLocation } from '../../types';
import { basename, resolveSibling } from '../../uri';
import { appendLinesEdit, copiedValue, exampleOf } from '../env/example';
import { defineRule, type RuleWorkspace } from '../rule';
import { quoteToken } from '../../quote';
import { needsValue } from './unsetReferences';

export default defineRule({
  meta: {
    id: 'compose/undefined-variable',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    description: 'A `${VAR}` without a default that the `.env` beside the compose file does not define.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    const env = projectEnvOf(ctx.document.uri, ctx.workspace);
    // A `.env` the host refused may define every variable: reference/outside-tree says so instead.
    if (ctx.workspace.refusal?.(env.uri) !== undefined) return;
    const envFileSources = envFileDefinitions(file, ctx.document.uri, ctx.workspace);
    const references = valueInterpolations(file).references;
    // Read only when some reference needs it: most compose files have every variable in `.env`.
    let example: ReturnType<typeof exampleOf> | null = null;
    for (const reference of references) {
      if (!needsValue(reference, references, env.values)) continue;
      const name = reference.name;
      const value = env.values.get(name);
      const required = reference.operator === ':?' || reference.operator === '?';
      const where = env.text === undefined ? 'there is no `.env` beside this compose file' : '`.env` beside this compose file does not set it';
      let message: string;
      if (value === '' && reference.operator === ':?') {
        message = `\`${quoteToken(name)}\` is empty in \`.env\`, and \`\${${quoteToken(name)}:?…}\` requires a value: Compose refuses to start.`;
      } else if (required) {
        message = `\`${quoteToken(name)}\` is required (\`${reference.operator}\`) but ${where}: Compose refuses to start unless the shell sets it.`;
      } else {
        message = `\`${quoteToken(name)}\` has no default and ${where}: Compose substitutes an empty string (with a warning) unless the shell sets it.`;
      }
      const related: RelatedLocation[] = [];
      const definedIn = envFileSources.get(name);
      if (definedIn) {
        message += ` It is set in \`${basename(definedIn.uri)}\`, an \`env_file:\` — but Compose reads \`env_file:\` only for the container's environment, never for \`\${…}\` in the compose file.`;
        if (definedIn.span) related.push({ uri: definedIn.uri, span: definedIn.span, message: `\`${quoteToken(name)}\` is set here, for the container only` });
      }
      if (value === undefined && example === null) example = exampleOf(env.uri, ctx.workspace);
      const documented = value === undefined ? example?.entries.get(name) : undefined;
      if (example && documented) {
        message += ` \`${example.name}\` lists it: copy it from there.`;
        related.push({ uri: example.uri, span: documented.keySpan, message: `\`${quoteToken(name)}\` is listed here` });
      }
      const fixes: Fix[] = value === undefined ? [addToEnvFix(env, name, example && documented ? copiedValue(example, documented, ctx.product) : '')] : [];
      ctx.report({ span: reference.span, message, ...(required ? { severity: 'error' } : {}), related, fixes });
    }
  },
});


/** `VAR=value` appended to the project `.env`, keeping every byte it has; creates the file when absent. */
function addToEnvFix(env: ProjectEnv, name: string, value: string): Fix {
  return {
    // The title names the key only: the value may be a credential copied from the example.
    title: value === '' ? `Add \`${quoteToken(name)}=\` to .env` : `Add \`${quoteToken(name)}\` to .env with the example's value`,
    isPreferred: true,
    // An empty value to fill in, in another file.
    safety: 'choice',
    fileEdits: [
      {
        uri: env.uri,
        edits: [appendLinesEdit(env.text ?? '', [`${name}=${value}`])],
        ...(env.text === undefined ? { create: true } : {}),
      },
    ],
  };
}

/** Variables the services' `env_file:`s set, with where, for "set only in an env_file" messages. */
function envFileDefinitions(file: ComposeFile, composeUri: string, workspace: RuleWorkspace): Map<string, { uri: string; span: { start: number; end: number } | undefined }> {
  const found = new Map<string, { uri: string; span: { start: number; end: number } | undefined }>();
  const paths = new Set(composeEnvFiles(file));
  if (services(file).length === 0) return found;
  for (const path of paths) {
    if (path.includes('$')) continue;
    const uri = resolveSibling(composeUri, path);
    const parsed = workspace.parse(uri);
    const entries = parsed?.kind === 'env' ? parsed.ast.entries : undefined;
    if (entries) {
      for (const entry of entries) if (!found.has(entry.key)) found.set(entry.key, { uri, span: entry.keySpan });
    } else {
      for (const key of envValues(uri, workspace).keys()) if (!found.has(key)) found.set(key, { uri, span: undefined });
    }
  }
  return found;
}
