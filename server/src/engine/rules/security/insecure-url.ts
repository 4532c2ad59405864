import { defineRule } from '../rule';
import { checkedGroups } from '../schema/productSettings';
import { isLoopback } from '../cors/origins';
import { quoteToken } from '../../quote';

/** Settings where the guides demand TLS, by name, when no product schema says so. */
const TLS_NAME = /(ISSUER|REDIRECT_URI|REDIRECT_URL|CALLBACK_URL|JWKS_URI|JWKS_URL|VALIDATION_URL|OIDC_.*_URL|OAUTH_.*_URI|DISCOVERY_URL)$/i;

export const securityInsecureUrl = defineRule({
  meta: {
    id: 'security/insecure-url',
    kinds: ['env', 'compose', 'toml'],
    defaultSeverity: 'error',
    description: '`http://` in production where the guides demand TLS: OIDC issuer and redirect URIs, JWKS and key-validation URLs, OAuth redirects.',
    fixable: true,
  },
  check(context) {
    if (context.mode !== 'production') return;
    for (const group of checkedGroups(context)) {
      if (group.template) continue;
      for (const setting of group.settings) {
        const key = setting.occurrence.key;
        const lastPart = key.slice(key.lastIndexOf('.') + 1);
        const demandsTls = setting.spec ? setting.spec.requiresTls === true : TLS_NAME.test(lastPart);
        if (!demandsTls || setting.value === undefined || setting.fromDefault) continue;
        const match = /^\s*http:\/\/([^/:?#\s]+)/i.exec(setting.value);
        if (!match || isLoopback(match[1]!)) continue;
        const schemeAt = setting.written.search(/http:\/\//i);
        if (schemeAt < 0) continue;
        const span = { start: setting.occurrence.valueSpan.start + schemeAt, end: setting.occurrence.valueSpan.start + schemeAt + 'http://'.length };
        context.report({
          span,
          message: `${quoteToken(key)} uses plain \`http://\`: sign-in tokens, authorization codes and keys travel unencrypted and can be read or replaced in transit. Production needs \`https://\`.`,
          fixes: [{ title: 'Switch to https://', isPreferred: true, edits: [{ span, newText: 'https://' }] }],
        });
      }
    }
  },
});
