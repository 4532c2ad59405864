import { defineRule } from '../rule';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

const WEAK_PROTOCOL = /^(SSLv2|SSLv3|TLSv1|TLSv1\.1)$/;
/** Cipher-string words that enable broken suites (OpenSSL names; `DES-CBC3` is 3DES). */
const WEAK_CIPHER_WORD = /^(RC4|DES|3DES|CBC3|MD5|NULL|eNULL|aNULL|ADH|AECDH|EXP|EXPORT(40|56)?)$/;
const CATEGORY: Readonly<Record<string, string>> = { CBC3: '3DES', eNULL: 'NULL', ADH: 'aNULL', AECDH: 'aNULL', EXP: 'EXPORT', EXPORT40: 'EXPORT', EXPORT56: 'EXPORT' };
const ELEMENT = /[^:,\s]+/g;
const WORD_SEPARATOR = /[-+]/;

/**
 * Protocols and ciphers that are broken: `ssl_protocols` with SSLv2, SSLv3, TLSv1 or TLSv1.1, and
 * `ssl_ciphers` elements that add RC4, DES, 3DES, MD5, NULL, EXPORT or anonymous suites (unless
 * a `!` element removes that family for good, as OpenSSL does wherever it stands).
 */
export const weakTls = defineRule({
  meta: {
    id: 'nginx/weak-tls',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: '`ssl_protocols` enabling SSLv2/SSLv3/TLSv1/TLSv1.1, or `ssl_ciphers` enabling RC4, DES, 3DES, MD5, NULL, EXPORT or anonymous suites.',
    fixable: true,
  },
  check(context) {
    visitDirectives(context, (directive) => {
      if (directive.name === 'ssl_protocols' && directive.args.length > 0) {
        const first = directive.args[0]!;
        const last = directive.args[directive.args.length - 1]!;
        for (const arg of directive.args) {
          if (!WEAK_PROTOCOL.test(arg.value)) continue;
          context.report({
            span: arg.span,
            message: `\`${quoteToken(arg.value)}\` is a broken protocol version (RFC 8996 deprecates TLS 1.0 and 1.1; SSL is older still): allow only TLSv1.2 and TLSv1.3.`,
            fixes: [{ title: 'Use `ssl_protocols TLSv1.2 TLSv1.3`', isPreferred: true, edits: [{ span: { start: first.span.start, end: last.span.end }, newText: 'TLSv1.2 TLSv1.3' }] }],
          });
        }
      }
      if (directive.name === 'ssl_ciphers' && directive.args.length === 1) {
        const arg = directive.args[0]!;
        // Offsets into the value are exact only when the argument is written without escapes.
        const inner = arg.quote ? arg.raw.slice(1, -1) : arg.raw;
        if (inner !== arg.value) return;
        const base = arg.span.start + (arg.quote ? 1 : 0);
        const removed = new Set<string>();
        for (const match of arg.value.matchAll(ELEMENT)) {
          if (match[0].startsWith('!')) for (const category of categoriesOf(match[0].slice(1))) removed.add(category);
        }
        for (const match of arg.value.matchAll(ELEMENT)) {
          const element = match[0];
          if (/^[!\-+@]/.test(element)) continue;
          const enabled = categoriesOf(element).filter((category) => !removed.has(category));
          if (enabled.length === 0) continue;
          context.report({
            span: { start: base + match.index, end: base + match.index + element.length },
            message: `\`${quoteToken(element)}\` enables ${enabled.join(', ')} cipher suites, which are broken; remove it (or exclude the family with \`!${enabled[0]}\`).`,
          });
        }
      }
    });
  },
});

/** The weak families an OpenSSL cipher-string element names (`RC4-MD5` → RC4, MD5). */
function categoriesOf(element: string): string[] {
  const found: string[] = [];
  for (const word of element.split(WORD_SEPARATOR)) {
    if (!WEAK_CIPHER_WORD.test(word)) continue;
    const category = CATEGORY[word] ?? word;
    if (!found.includes(category)) found.push(category);
  }
  if (found.includes('3DES') && found.includes('DES')) found.splice(found.indexOf('DES'), 1);
  return found;
}
