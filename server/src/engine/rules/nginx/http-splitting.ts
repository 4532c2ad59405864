import type { NginxArgument, NginxDirective } from '../../parsers/nginx/ast';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { CR } from './support/regexGroups';
import { describeLineBreaks, innerText, requestVariablesOf, variablesIn, type Taint } from './support/requestVariables';
import { visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const ABSOLUTE = /^(?:https?:\/\/|\$scheme)/;
const DIGITS = /^[0-9]$/;
/** A group that is only "any characters": `.*`, `.+` and their lazy forms. */
const DOT_RUN = /^\.[*+]\??$/;

/**
 * `add_header X-Path $uri;`: `$uri` is decoded, so `%0d%0a` in a request becomes a line break in
 * the response header, and the client writes headers (or a body) of its own.
 */
export const httpSplitting = defineRule({
  meta: {
    id: 'nginx/http-splitting',
    kinds: ['nginx'],
    defaultSeverity: 'warning',
    description: 'A header value (`add_header`, `proxy_set_header`, a redirect) built from a variable that can hold CR or LF: header injection and response splitting.',
    fixable: true,
  },
  check(context) {
    const variables = requestVariablesOf(context.document.ast);
    const text = context.document.text;
    visitDirectives(context, (directive, _where, parents) => {
      const checked = headerValues(directive);
      if (!checked) return;
      for (const value of checked.values) {
        for (const use of variablesIn(value)) {
          // nginx escapes `$1`… in a redirecting `rewrite` (control characters become %0D, %0A).
          if (checked.escapesCaptures && DIGITS.test(use.name)) continue;
          const taint = variables.taintOf(use, { directive, parents });
          if (!taint || taint.lineBreaks === 0) continue;
          const written = text.slice(use.span.start, use.span.end);
          context.report({
            span: use.span,
            message: `\`${quoteToken(written)}\` is ${taint.origin} and can hold ${describeLineBreaks(taint.lineBreaks)} (\`%0d%0a\` in the request): used in ${checked.what}, it lets a client add headers of its own or split the ${directive.name === 'proxy_set_header' ? 'request to the upstream' : 'response'}.`,
            fixes: narrowingFix(taint),
          });
        }
      }
    });
  },
});

/** The arguments of a directive that end up in a header, and what that header is. */
function headerValues(directive: NginxDirective): { values: NginxArgument[]; what: string; escapesCaptures?: boolean } | undefined {
  const args = directive.args;
  switch (directive.name) {
    case 'add_header':
      return args.length >= 2 ? { values: [args[1]!], what: `the \`${quoteToken(args[0]!.value)}\` response header` } : undefined;
    case 'proxy_set_header':
      return args.length >= 2 ? { values: [args[1]!], what: `the \`${quoteToken(args[0]!.value)}\` header sent upstream` } : undefined;
    case 'return':
      if (args.length === 2 && REDIRECT_CODES.has(args[0]!.value)) return { values: [args[1]!], what: 'the `Location` of the redirect' };
      if (args.length === 1 && ABSOLUTE.test(args[0]!.value)) return { values: [args[0]!], what: 'the `Location` of the redirect' };
      return undefined;
    case 'rewrite': {
      if (args.length < 2) return undefined;
      const flag = args[2]?.value;
      if (flag !== 'redirect' && flag !== 'permanent' && !ABSOLUTE.test(args[1]!.value)) return undefined;
      return { values: [args[1]!], what: 'the `Location` of the redirect', escapesCaptures: true };
    }
  }
  return undefined;
}

/**
 * A capture `(.*)` can hold a CR only because `.` matches it; `[^\r\n]*` matches the same but CR
 * (and LF, which `.` never matches). Offered when the regex is written without escapes, so its
 * offsets are the file's.
 */
function narrowingFix(taint: Taint): Fix[] {
  const capture = taint.capture;
  if (!capture || taint.lineBreaks !== CR) return [];
  const { pattern, group } = capture;
  if (innerText(pattern) !== pattern.value) return [];
  const body = pattern.value.slice(group.start, group.end);
  if (!DOT_RUN.test(body)) return [];
  const start = pattern.span.start + (pattern.quote ? 1 : 0) + group.start;
  return [{ title: `Narrow the capture \`(${quoteToken(body)})\` to \`[^\\r\\n]${quoteToken(body.slice(1))}\` so it cannot hold a CR`, isPreferred: false, safety: 'choice', edits: [{ span: { start, end: start + 1 }, newText: '[^\\r\\n]' }] }];
}
