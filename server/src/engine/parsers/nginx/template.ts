/*
 * Templates that render to nginx configuration: the Docker nginx image's envsubst (`${VAR}` in
 * `/etc/nginx/templates/*.template`) and Go templates (`{{ .Env.X }}`, used by images built
 * with gomplate or tpl). Their expressions are replaced before nginx reads the file, so the
 * parser keeps them as opaque parts of words, and rules do not judge what they will become.
 */

/** True when the text uses Go template actions (`{{ if … }}`, `{{ .Env.X }}`, `{{ $x := … }}`). */
export function usesGoTemplates(text: string): boolean {
  return /\{\{-?\s*(?:[.$]|\/\*|(?:if|else|end|range|with|define|template|block)\b)/.test(text);
}

const MAX_ACTION_LENGTH = 500;

/** End offset (after `}}`) of the Go template action starting at `offset`, on the same line. */
export function templateActionEnd(text: string, offset: number): number | undefined {
  if (text.charCodeAt(offset) !== 123 || text.charCodeAt(offset + 1) !== 123) return undefined;
  const limit = Math.min(text.length, offset + MAX_ACTION_LENGTH);
  for (let at = offset + 2; at + 1 < limit; at++) {
    const ch = text.charCodeAt(at);
    if (ch === 10 || ch === 13) return undefined;
    if (ch === 125 && text.charCodeAt(at + 1) === 125) return at + 2;
  }
  return undefined;
}

/** True for an action that renders nothing itself: `if`, `else`, `end`, `range`, assignments, comments. */
export function isControlAction(action: string): boolean {
  const body = action.replace(/^\{\{-?\s*/, '').replace(/\s*-?\}\}$/, '');
  return /^(?:if|else|end|range|with|define|template|block|break|continue)\b/.test(body) || /^\$\w+\s*:?=/.test(body) || body.startsWith('/*');
}

/** `${VAR}` alone: an envsubst placeholder (nginx itself never accepts a variable as a directive). */
export function isEnvsubstPlaceholder(raw: string): boolean {
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(raw);
}

/**
 * True when the text references an envsubst variable. nginx variable names are lowercase by
 * convention (`${remote_addr}`); upper-case `${NGINX_PORT}` is a template's.
 */
export function hasEnvsubstReference(text: string): boolean {
  return /\$\{[A-Z_][A-Z0-9_]*\}/.test(text);
}
