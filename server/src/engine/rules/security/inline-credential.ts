import { specOf } from '../../../../../schemas/lookup';
import type { ProductDefinition } from '../../../../../schemas/types';
import type { ParsedDocumentOf } from '../../document';
import { scanInterpolation } from '../../parsers/compose/interpolation';
import { projectEnvOf, type ProjectEnv } from '../../parsers/compose/projectEnv';
import { eolOf } from '../../parsers/compose/yamlText';
import type { SettingOccurrence } from '../../settings';
import type { Fix } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { checkedGroups } from '../schema/productSettings';
import { isSecretLikeKey } from '../secret/analysis';
import { quoteToken } from '../../quote';

/*
 * Compose files and config.toml are committed; `.env` is not. A literal secret in the former is
 * in the repository's history for good. Messages name the key, never the value.
 */

const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i;
const DATABASE_URL_KEY = /(^|\.)(database\.url|database_url)$/;

export default defineRule({
  meta: {
    id: 'security/inline-credential',
    kinds: ['compose', 'toml'],
    defaultSeverity: 'warning',
    description: 'A literal password or secret in a file meant for version control: compose `environment:`, a TOML database URL with a password.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.mode === 'development') return;
    const document = ctx.document;
    if (document.kind === 'toml') checkToml(document, ctx.report);
    else if (document.kind === 'compose') checkCompose(document, ctx as RuleContext<'compose'>);
  },
});

function checkToml(document: ParsedDocumentOf<'toml'>, report: RuleContext['report']): void {
  for (const keyValue of document.ast.keyValues) {
    const key = keyValue.key;
    if (!DATABASE_URL_KEY.test(key) || typeof keyValue.value !== 'string') continue;
    const password = URL_WITH_PASSWORD.exec(keyValue.value)?.[1];
    if (!password || password.includes('$')) continue;
    report({
      span: keyValue.valueSpan,
      message: `\`${quoteToken(key)}\` contains a database password, and this file is meant to be committed. Remove the password from the file and set \`DATABASE_URL\` in the environment (an uncommitted \`.env\` or a secret store); the server reads \`DATABASE_URL\` over the file.`,
    });
  }
}

function checkCompose(document: ParsedDocumentOf<'compose'>, ctx: RuleContext<'compose'>): void {
  const env = projectEnvOf(document.uri, ctx.workspace);
  const added = new Map<string, string>();
  // The services' settings with the project `.env` interpolated, and each service's product.
  for (const { group, product, settings } of checkedGroups(ctx)) {
    const service = group.scope ?? '';
    for (const { occurrence: setting, written } of settings) {
      if (setting.value === undefined || setting.value === '') continue;
      // The kind first: few settings are credentials, and scanning a value for `${…}` makes objects.
      const kind = credentialKind(setting, product);
      if (!kind || scanInterpolation(written).references.length > 0) continue;
      const variable = variableName(setting.key, service, setting.value, env, added);
      ctx.report({
        span: setting.valueSpan,
        message:
          kind === 'secret'
            ? `\`${quoteToken(setting.key)}\` of service \`${quoteToken(service)}\` has a literal secret in the compose file, which is meant to be committed. Move it to \`.env\` and write \`\${${quoteToken(variable)}}\`.`
            : `\`${quoteToken(setting.key)}\` of service \`${quoteToken(service)}\` is a URL with a literal password, in a file meant to be committed. Move it to \`.env\` and write \`\${${quoteToken(variable)}}\`.`,
        fixes: [moveToEnvFix(setting, variable, env, added)],
      });
    }
  }
}

function credentialKind(setting: SettingOccurrence, product: ProductDefinition | undefined): 'secret' | 'url' | undefined {
  const value = setting.value ?? '';
  const spec = product ? specOf(product, setting.key) : undefined;
  const secret = spec ? spec.secret !== undefined : isSecretLikeKey(setting.key);
  if (secret && !/^(true|false|yes|no|on|off|null|\d{1,6})$/i.test(value)) return 'secret';
  const password = URL_WITH_PASSWORD.exec(value)?.[1];
  return password ? 'url' : undefined;
}

/** The `.env` variable to hold the value: the key itself, unless `.env` already uses it for another value. */
function variableName(key: string, service: string, value: string, env: ProjectEnv, added: ReadonlyMap<string, string>): string {
  const taken = (name: string) => {
    const existing = added.get(name) ?? env.values.get(name);
    return existing !== undefined && existing !== value;
  };
  if (!taken(key)) return key;
  const scoped = `${service.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${key}`;
  return taken(scoped) ? `${scoped}_2` : scoped;
}

function moveToEnvFix(setting: SettingOccurrence, variable: string, env: ProjectEnv, added: Map<string, string>): Fix {
  const value = setting.value!;
  const alreadyThere = (added.get(variable) ?? env.values.get(variable)) === value;
  added.set(variable, value);
  const text = env.text ?? '';
  const eol = text === '' ? '\n' : eolOf(text);
  const prefix = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return {
    title: `Move the value to .env as \`${quoteToken(variable)}\``,
    isPreferred: true,
    safety: 'secret',
    edits: [{ span: setting.valueSpan, newText: `\${${variable}}` }],
    fileEdits: alreadyThere
      ? []
      : [
          {
            uri: env.uri,
            edits: [{ span: { start: text.length, end: text.length }, newText: `${prefix}${variable}=${dotenvValue(value)}${eol}` }],
            ...(env.text === undefined ? { create: true } : {}),
          },
        ],
  };
}

/** A `.env` value that Compose reads back unchanged: single quotes stop its `$` interpolation. */
export function dotenvValue(value: string): string {
  if (/^[A-Za-z0-9_./+=:@%,-]*$/.test(value)) return value;
  if (!value.includes("'") && !/[\r\n]/.test(value)) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r?\n/g, '\\n')}"`;
}
