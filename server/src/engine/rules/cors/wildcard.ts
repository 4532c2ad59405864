import type { Fix, Severity } from '../../types';
import { defineRule, type RuleContext } from '../rule';
import { checkedGroups, type CheckedGroup, type CheckedSetting } from '../schema/productSettings';
import { replaceValue } from '../schema/settingEdits';
import { allowsCredentials, isCorsSetting, nginxWildcards, siteOriginOf, wildcardOffsets } from './origins';
import { quoteToken } from '../../quote';

/** What a fix writes when the site's origin is not known: the user must fill it in. */
export const ORIGIN_PLACEHOLDER = 'https://your-site.example';

const RISK = 'any website can then call it from a visitor\'s browser';
const CREDENTIALS_RISK = 'and credentials are allowed, so any website can make authenticated requests with a visitor\'s cookies or tokens';

export const corsWildcard = defineRule({
  meta: {
    id: 'cors/wildcard',
    kinds: ['env', 'compose', 'toml', 'nginx'],
    defaultSeverity: 'error',
    description: '`*` among the allowed CORS origins (a CORS setting or nginx `add_header Access-Control-Allow-Origin *`); an error in production, worse with credentials.',
    fixable: true,
  },
  check(context) {
    if (context.document.kind === 'nginx') checkNginx(context as RuleContext<'nginx'>);
    else checkSettings(context);
  },
});

function checkSettings(context: RuleContext): void {
  for (const group of checkedGroups(context)) {
    if (group.template) continue;
    for (const setting of group.settings) {
      const key = setting.occurrence.key;
      if (setting.value === undefined || !isCorsSetting(key, setting.spec)) continue;
      const offsets = setting.fromDefault ? [] : wildcardOffsets(setting.written);
      const hasWildcard = offsets.length > 0 || wildcardOffsets(setting.value).length > 0;
      if (!hasWildcard) continue;
      reportWildcard(context, group, setting, offsets);
    }
  }
}

// Apart from the loop over settings: its closures would make V8 allocate a context for every setting.
function reportWildcard(context: RuleContext, group: CheckedGroup, setting: CheckedSetting, offsets: readonly number[]): void {
  const key = setting.occurrence.key;
  const credentials = allowsCredentials(group, setting.spec);
  const origin = siteOriginOf(group.settings);
  const effect = setting.spec?.cors?.wildcardEffect;
  const severity: Severity = credentials || context.mode === 'production' ? 'error' : 'warning';
  const message = `${quoteToken(key)} allows every origin (\`*\`): ${RISK}${credentials ? `, ${CREDENTIALS_RISK}` : ''}.${effect && context.mode === 'production' ? ` ${effect}.` : ''}`;
  const start = setting.occurrence.valueSpan.start;
  const spans = offsets.length > 0 ? offsets.map((offset) => ({ start: start + offset, end: start + offset + 1 })) : [setting.occurrence.valueSpan];
  const title = origin ? `Allow only ${origin}` : `Replace \`*\` with a placeholder origin to fill in`;
  const isPreferred = origin !== undefined;
  const replacement = origin ?? ORIGIN_PLACEHOLDER;
  let fixes: Fix[] = [];
  if (!setting.fromDefault && needsJsonList(setting)) {
    // Replacing only the star of a bare `*` would write a bare origin, which a JSON-list setting refuses.
    fixes = [{ title, isPreferred, safety: 'choice', edits: [replaceValue(context, group, setting, jsonListWithout(setting.value ?? '', replacement), setting.spec)] }];
  } else if (offsets.length > 0) {
    fixes = [{ title, isPreferred, safety: 'choice', edits: spans.map((span) => ({ span, newText: replacement })) }];
  }
  context.report({ span: spans[0]!, severity, message, fixes });
}

/** True for a setting the product reads as a JSON list whose value is not one yet (`*`, `https://a,*`). */
function needsJsonList(setting: CheckedSetting): boolean {
  if (setting.spec?.type !== 'json-list' && setting.spec?.cors?.list !== 'json-list') return false;
  try {
    return !Array.isArray(JSON.parse(setting.value ?? ''));
  } catch {
    return true;
  }
}

/** The comma-separated origins of `value` as a JSON list, each `*` replaced by `origin` (once). */
function jsonListWithout(value: string, origin: string): string {
  const origins: string[] = [];
  for (const item of value.split(',')) {
    const bare = item.trim().replace(/^(["'])(.*)\1$/, '$2');
    const kept = bare === '*' ? origin : bare;
    if (kept !== '' && !origins.includes(kept)) origins.push(kept);
  }
  return JSON.stringify(origins);
}

function checkNginx(context: RuleContext<'nginx'>): void {
  for (const wildcard of nginxWildcards(context.document.text, context.document.ast.directives)) {
    const origin = wildcard.serverName ? `https://${wildcard.serverName}` : undefined;
    // Files served from disk are the same for every visitor (scripts, fonts, a CDN mirror): `*`
    // there is common and reads nothing private, unless credentials are allowed too.
    const staticOnly = wildcard.staticFiles && !wildcard.withCredentials;
    const severity: Severity = wildcard.withCredentials || (context.mode === 'production' && !staticOnly) ? 'error' : 'warning';
    context.report({
      span: wildcard.star,
      severity,
      message:
        `Access-Control-Allow-Origin is \`*\`: ${RISK}${wildcard.withCredentials ? `, ${CREDENTIALS_RISK} (browsers refuse \`*\` with credentials, so a site that needs them ends up reflecting any origin)` : ''}.` +
        (staticOnly ? ' This location only serves files from disk, where that is usual for public assets: make sure none of them is private.' : ''),
      fixes: [
        {
          title: origin ? `Allow only ${origin}` : 'Replace `*` with a placeholder origin to fill in',
          isPreferred: origin !== undefined,
          safety: 'choice',
          edits: [{ span: wildcard.star, newText: origin ?? ORIGIN_PLACEHOLDER }],
        },
      ],
    });
  }
}
