import type { Node } from 'yaml';
import { spanOf } from '../../parsers/compose/nodes';
import { composePath, projectEnvOf, type ProjectEnv } from '../../parsers/compose/projectEnv';
import { valueInterpolations } from '../../parsers/compose/valueInterpolations';
import type { NginxDirective } from '../../parsers/nginx/ast';
import { quoteToken } from '../../quote';
import { resolveSibling } from '../../uri';
import { envFileEntries } from '../compose/envFileEntries';
import { includeEntries } from '../compose/includeEntries';
import { needsValue } from '../compose/unsetReferences';
import { isStandardInclude, isUnderConfigRoot, resolveInclude } from '../nginx/support/includes';
import { defineRule, type RuleContext } from '../rule';

/*
 * A reference whose target the host refused to read (its real path leaves the checked tree, see
 * docs/security.md). Only the host can tell, through `refusal`; a target that is absent is the
 * business of compose/env-file-missing and the nginx include rules. Messages name the reference
 * as written, never anything of the target.
 */

const GLOB = /[*?[]/;
const NO_VALUES: ReadonlyMap<string, string> = new Map();

export default defineRule({
  meta: {
    id: 'reference/outside-tree',
    kinds: ['compose', 'nginx'],
    defaultSeverity: 'warning',
    description: 'A compose `include:` or `env_file:`, the `.env` beside a compose file, or an nginx `include` that leads outside the checked tree: it is not read, so what it holds is not checked.',
    fixable: false,
  },
  check(ctx) {
    if (ctx.document.kind === 'nginx') checkNginx(ctx as RuleContext<'nginx'>);
    else checkCompose(ctx as RuleContext<'compose'>);
  },
});

function checkCompose(ctx: RuleContext<'compose'>): void {
  const file = ctx.document.ast;
  const env = projectEnvOf(ctx.document.uri, ctx.workspace);
  const envRefused = isRefused(ctx, env.uri);
  for (const entry of includeEntries(file)) {
    if (leadsOut(ctx, env, envRefused, entry.path)) {
      report(ctx, entry.node, `The \`include\` \`${quoteToken(entry.path)}\` leads outside the checked tree: it is not read, so what it declares is not checked.`);
    }
  }
  const seen = new Set<number>();
  for (const entry of envFileEntries(file)) {
    const start = spanOf(entry.node)?.start;
    if (start === undefined || seen.has(start)) continue;
    seen.add(start);
    if (leadsOut(ctx, env, envRefused, entry.path)) {
      report(ctx, entry.node, `The \`env_file\` \`${quoteToken(entry.path)}\` of service \`${quoteToken(entry.service)}\` leads outside the checked tree: it is not read, so its variables are not checked.`);
    }
  }
  if (envRefused) reportRefusedEnv(ctx);
}

/** Once, at the first `${VAR}` the refused `.env` would have to set: compose/undefined-variable is silent then. */
function reportRefusedEnv(ctx: RuleContext<'compose'>): void {
  const references = valueInterpolations(ctx.document.ast).references;
  for (const reference of references) {
    if (!needsValue(reference, references, NO_VALUES)) continue;
    ctx.report({
      span: reference.span,
      message: `The \`.env\` beside this compose file leads outside the checked tree: it is not read, so whether it sets \`${quoteToken(reference.name)}\` (or the file's other variables) is not checked.`,
    });
    return;
  }
}

/** Whether a compose path, `${VAR}`s interpolated from the project `.env`, names a refused file. */
function leadsOut(ctx: RuleContext<'compose'>, env: ProjectEnv, envRefused: boolean, written: string): boolean {
  const path = composePath(written, env, envRefused);
  return path !== undefined && isRefused(ctx, resolveSibling(ctx.document.uri, path));
}

function report(ctx: RuleContext<'compose'>, node: Node, message: string): void {
  const span = spanOf(node);
  if (span) ctx.report({ span, message });
}

function checkNginx(ctx: RuleContext<'nginx'>): void {
  const pending: (readonly NginxDirective[])[] = [ctx.document.ast.directives];
  for (let list = pending.pop(); list; list = pending.pop()) {
    for (const directive of list) {
      if (directive.block && !directive.block.raw) pending.push(directive.block.children);
      if (directive.name === 'include' && directive.args.length === 1) checkNginxInclude(ctx, directive);
    }
  }
}

/**
 * A literal path only: a glob's matches outside the tree are not listed by any host. A path in
 * nginx's own folders (`/etc/nginx/…`) names the deployed configuration, which the workspace
 * stands for, not a file of the machine running the check.
 */
function checkNginxInclude(ctx: RuleContext<'nginx'>, directive: NginxDirective): void {
  const arg = directive.args[0]!;
  const pattern = arg.value;
  if (arg.templated || pattern === '' || GLOB.test(pattern) || isStandardInclude(pattern) || isUnderConfigRoot(pattern)) return;
  const uri = ctx.document.uri;
  if (resolveInclude(pattern, uri, ctx.workspace).length > 0) return;
  // A relative path is read against the configuration folder: the file's folder or its parent.
  const candidates = pattern.startsWith('/') ? [resolveSibling(uri, pattern)] : [resolveSibling(uri, pattern), resolveSibling(uri, `../${pattern}`)];
  if (!candidates.some((candidate) => isRefused(ctx, candidate))) return;
  ctx.report({
    span: arg.span,
    message: `The \`include\` \`${quoteToken(arg.raw)}\` leads outside the checked tree: it is not read, so the directives it holds are not checked.`,
  });
}

function isRefused(ctx: RuleContext, uri: string): boolean {
  return ctx.workspace.refusal?.(uri) !== undefined;
}
