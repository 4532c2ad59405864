import type { ParsedDocumentOf } from '../../document';
import type { VariableReference } from '../../parsers/compose/interpolation';
import { keyAt } from '../../parsers/compose/nodes';
import { projectEnvOf } from '../../parsers/compose/projectEnv';
import { valueInterpolations } from '../../parsers/compose/valueInterpolations';
import { keyAt as schemaKeyAt } from '../../rules/compose/schemaLookup';
import type { CursorContext, HoverProvider, HoverResult } from '../types';

const REFERENCE_URL = 'https://docs.docker.com/reference/compose-file/';

/**
 * Hover in compose files: on a key, what the Compose Specification says it is; on a `${VAR}`,
 * whether the project `.env` sets it (never its value: it may be a secret).
 */
export const composeHover: HoverProvider = {
  kinds: ['compose'],
  hover(context: CursorContext): HoverResult | undefined {
    const document = context.analyzed.document;
    if (document.kind !== 'compose') return undefined;
    return variableHover(document, context) ?? keyHover(document, context.offset);
  },
};

function keyHover(document: ParsedDocumentOf<'compose'>, offset: number): HoverResult | undefined {
  const found = keyAt(document.ast, offset);
  if (!found?.keyNode.range) return undefined;
  const span = { start: found.keyNode.range[0], end: found.keyNode.range[1] };
  const name = found.path[found.path.length - 1];
  if (typeof name === 'string' && name.startsWith('x-')) {
    return { span, markdown: `**${name}** · extension field\n\nCompose ignores keys that start with \`x-\`; they hold values to reuse with YAML anchors (\`&name\`, \`*name\`, \`<<:\`).` };
  }
  const key = schemaKeyAt(found.path);
  if (!key) return undefined;
  const section = found.path.length === 1 ? '' : found.path[0] === 'services' && found.path.length === 3 ? `services/#${key.name}` : '';
  const lines = [
    `**${key.name}** · Compose Specification${key.types.length > 0 ? ` · ${key.types.join(' | ')}` : ''}`,
    key.deprecated ? '_Deprecated: Compose ignores it._' : undefined,
    key.description,
    found.path.length === 1 || section ? `[Compose file reference](${REFERENCE_URL}${section})` : undefined,
  ];
  return { span, markdown: lines.filter((line): line is string => line !== undefined && line !== '').join('\n\n') };
}

function variableHover(document: ParsedDocumentOf<'compose'>, context: CursorContext): HoverResult | undefined {
  const reference = referenceAt(document, context.offset);
  if (!reference) return undefined;
  const env = projectEnvOf(document.uri, context.workspace);
  const value = env.values.get(reference.name);
  const status =
    env.text === undefined
      ? 'There is no `.env` beside this compose file.'
      : value === undefined
        ? '`.env` beside this compose file does not set it.'
        : value === ''
          ? '`.env` sets it to an empty value.'
          : '`.env` beside this compose file sets it.';
  const operator = reference.operator;
  const behaviour =
    operator === ':-' || operator === '-'
      ? `Unset${operator === ':-' ? ' or empty' : ''}, the default after \`${operator}\` is used.`
      : operator === ':?' || operator === '?'
        ? `Unset${operator === ':?' ? ' or empty' : ''}, Compose refuses to start.`
        : operator === ':+' || operator === '+'
          ? `Set${operator === ':+' ? ' and not empty' : ''}, the text after \`${operator}\` is used; otherwise nothing.`
          : 'Unset, Compose substitutes an empty string (with a warning).';
  return { span: reference.span, markdown: `**${reference.name}** · interpolated by Compose from the shell and \`.env\` (not from \`env_file:\`)\n\n${status} ${behaviour}` };
}

function referenceAt(document: ParsedDocumentOf<'compose'>, offset: number): VariableReference | undefined {
  // The innermost reference under the cursor: a nested default's variable comes after its outer one.
  return valueInterpolations(document.ast).references.filter((reference) => reference.span.start <= offset && offset <= reference.span.end).pop();
}
