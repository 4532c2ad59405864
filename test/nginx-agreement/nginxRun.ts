import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseNginx } from '../../server/src/engine/parsers/nginx/parse';
import type { NginxDirective } from '../../server/src/engine/parsers/nginx/ast';
import { entriesOf, nginxReference } from '../../server/src/engine/parsers/nginx/reference';
import { thirdPartyModuleOf } from '../../server/src/engine/rules/nginx/support/thirdParty';
import { LineIndex } from '../../server/src/engine/text';
import { applyEdits, blank, walk, type Paths } from './prepare';

/** What `nginx -t` said: accepted, or its first error with the line (1-based) it names. */
export type Verdict = { readonly accepted: true } | { readonly accepted: false; readonly line: number; readonly message: string };

export interface Judged {
  readonly verdict: Verdict;
  /** The text nginx judged, after the test removed what only this machine lacks. */
  readonly text: string;
  /** What was removed or replaced, and why (for the report). */
  readonly adjustments: readonly string[];
}

const MAX_ADJUSTMENTS = 20;

export function findNginx(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx', '/usr/local/nginx/sbin/nginx'].find((candidate) => existsSync(candidate));
}

/**
 * Runs `nginx -t` on the text in `folder`. Errors that only say this machine lacks something —
 * a file to include or read, a host name, a user, a module Debian builds separately or a
 * third-party module's directive (support/thirdParty.ts), a
 * directive newer than this nginx that the reference documents, a certificate — are removed
 * (their statement blanked, line breaks kept) and nginx runs again, so the verdict is about the
 * configuration itself.
 */
export async function judge(nginx: string, folder: string, initial: string, paths: Paths): Promise<Judged> {
  let text = initial;
  const adjustments: string[] = [];
  for (let round = 0; ; round++) {
    const verdict = await runNginx(nginx, folder, text);
    if (verdict.accepted || round >= MAX_ADJUSTMENTS) return { verdict, text, adjustments };
    const adjusted = adjust(text, verdict, paths);
    if (!adjusted) return { verdict, text, adjustments };
    adjustments.push(`${verdict.line}: ${verdict.message}`);
    text = adjusted;
  }
}

function runNginx(nginx: string, folder: string, text: string): Promise<Verdict> {
  const conf = path.join(folder, 'nginx.conf');
  writeFileSync(conf, text);
  return new Promise((resolve) => {
    execFile(nginx, ['-t', '-q', '-p', `${folder}/`, '-c', conf, '-g', 'error_log stderr;'], { timeout: 20000 }, (error, _stdout, stderr) => {
      if (!error) return resolve({ accepted: true });
      const emerg = stderr.split('\n').find((line) => line.includes('[emerg]')) ?? stderr.trim();
      const match = /\[emerg\] (?:\d+#\d+: )?(.*?)(?: in (\S+):(\d+))?\s*$/.exec(emerg);
      const inOurFile = match?.[2] === undefined || match[2] === conf;
      resolve({ accepted: false, line: match?.[3] && inOurFile ? Number(match[3]) : 0, message: match?.[1] ?? emerg });
    });
  });
}

/** The text with what made nginx fail on this machine removed, or undefined when the error is the configuration's own. */
function adjust(text: string, verdict: Extract<Verdict, { accepted: false }>, paths: Paths): string | undefined {
  const message = verdict.message;
  const unknown = /^unknown directive "([^"]+)"/.exec(message);
  if (unknown) return nginxReference().entries.has(unknown[1]!) || thirdPartyModuleOf(unknown[1]!) ? blankStatementAt(text, verdict.line) : undefined;
  const host = /^host not found in upstream "([^"/:]+)/.exec(message);
  if (host) {
    const name = host[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return text.replace(new RegExp(`(?<=[\\s/])${name}(?=[:/;\\s])`, 'g'), '127.0.0.1');
  }
  const parameter = /^invalid parameter "([^"]+)"/.exec(message);
  if (parameter) return withoutNewerParameter(text, verdict.line, parameter[1]!);
  if (/^no "ssl_certificate" is defined/.test(message) && paths.certificate && paths.key) return withCertificate(text, verdict.line, paths);
  if (/^open\(\) ".*" failed|getpwnam|getgrnam|BIO_new_file|PEM_read|cannot load|SSL_CTX_|mkdir\(\) .* failed|no such file/i.test(message)) {
    return blankStatementAt(text, verdict.line, message);
  }
  return undefined;
}

/**
 * A parameter the reference documents but this nginx predates (`server app:9000 resolve;` before
 * 1.27.3): blank just that word. Undocumented parameters stay: those are the configuration's errors.
 */
function withoutNewerParameter(text: string, line: number, value: string): string | undefined {
  const target = statementEndingAt(text, line);
  const arg = target?.args.find((candidate) => candidate.value === value);
  if (!target || !arg) return undefined;
  const key = value.includes('=') ? value.slice(0, value.indexOf('=')) : value;
  const documented = entriesOf(target.name).some((entry) => entry.shapes.some((shape) => shape.options?.keywords.has(key) || shape.options?.keys.has(key)));
  return documented ? applyEdits(text, [{ ...arg.span, text: blank(arg.raw) }]) : undefined;
}

/**
 * Blanks the statement nginx reported at `line`: the innermost directive whose `;` or `{` is
 * there. Errors found after reading the file (a certificate nginx loads at start) name no line:
 * then the statement is the one whose argument is the path the message quotes.
 */
function blankStatementAt(text: string, line: number, message = ''): string | undefined {
  const target = line > 0 ? statementEndingAt(text, line) : statementNaming(text, message);
  if (!target) return undefined;
  return applyEdits(text, [{ ...target.span, text: blank(text.slice(target.span.start, target.span.end)) }]);
}

function statementNaming(text: string, message: string): NginxDirective | undefined {
  const quoted = [...message.matchAll(/"([^"]+)"|\((\/[^,)]+)/g)].map((match) => match[1] ?? match[2]!);
  let found: NginxDirective | undefined;
  walk(parseNginx(text).directives, (directive) => {
    if (!directive.block && directive.args.some((arg) => quoted.includes(arg.value))) found ??= directive;
  });
  return found;
}

export function statementEndingAt(text: string, line: number): NginxDirective | undefined {
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  let found: NginxDirective | undefined;
  walk(parseNginx(text).directives, (directive) => {
    const end = directive.semicolon ?? directive.block?.open ?? directive.args[directive.args.length - 1]?.span ?? directive.nameSpan;
    if (lineOf(end.start) === line) found = directive;
  });
  return found;
}

/** Gives the server whose `{` is on `line` the generated certificate, on that same line. */
function withCertificate(text: string, line: number, paths: Paths): string | undefined {
  const server = statementEndingAt(text, line);
  if (!server?.block) return undefined;
  const at = server.block.open.end;
  return applyEdits(text, [{ start: at, end: at, text: ` ssl_certificate ${paths.certificate}; ssl_certificate_key ${paths.key};` }]);
}
