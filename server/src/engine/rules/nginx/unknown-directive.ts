import { namesAllowedIn } from '../../parsers/nginx/context';
import { entriesOf, nginxReference } from '../../parsers/nginx/reference';
import { quotedDirectiveName } from '../../parsers/nginx/names';
import { defineRule } from '../rule';
import { closestName } from './support/closest';
import { thirdPartyModuleOf } from './support/thirdParty';
import { nginxFilesOf } from './support/includes';
import { isTemplated, visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/**
 * A directive no official nginx module defines (the names come from `@nginx/reference-lib`).
 * nginx refuses to start on one. Directives of common third-party modules (`more_set_headers`,
 * `*_by_lua`) are nginx/third-party-module's. Other names are unknown too unless loaded: when the
 * file or another nginx file of the workspace has a `load_module`, unknown names are warnings,
 * since they may come from that module.
 */
export const unknownDirective = defineRule({
  meta: {
    id: 'nginx/unknown-directive',
    kinds: ['nginx'],
    defaultSeverity: 'error',
    description: 'A directive name that no official nginx module defines (a typo, or `@name {` without `location`).',
    fixable: true,
  },
  check(context) {
    let modulesLoaded: boolean | undefined;
    const loadsModules = () =>
      (modulesLoaded ??=
        /\bload_module\b/.test(context.document.text) ||
        nginxFilesOf(context.workspace).some((uri) => uri !== context.document.uri && /^\s*load_module\s/m.test(context.workspace.readText(uri) ?? '')));

    visitDirectives(context, (directive, where) => {
      if (where.kind !== 'directives' || directive.placeholder || isTemplated(directive.name)) return;
      if (entriesOf(directive.name).length > 0 || thirdPartyModuleOf(directive.name)) return;
      const name = directive.name;
      if (name.startsWith('@') && directive.block) {
        context.report({
          span: directive.nameSpan,
          message: `Unknown directive \`${quoteToken(name)}\`: a named location is written \`location ${quoteToken(name)} {\`.`,
          fixes: [{ title: `Write \`location ${quoteToken(name)} {\``, isPreferred: true, edits: [{ span: { start: directive.nameSpan.start, end: directive.nameSpan.start }, newText: 'location ' }] }],
        });
        return;
      }
      // Directive names are lower-case words; anything else may be a pasted secret: never echo it.
      const shownName = quotedDirectiveName(name, 'on this line');
      const fitting = namesAllowedIn(where);
      const suggestion = closestName(name, fitting) ?? closestName(name, nginxReference().names);
      const thirdParty = loadsModules();
      context.report({
        span: directive.nameSpan,
        message:
          `Unknown directive ${shownName}${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}` +
          (thirdParty ? ' No official module defines it; it may come from a module this configuration loads with load_module.' : ' nginx refuses to start with it.'),
        ...(thirdParty ? { severity: 'warning' as const } : {}),
        ...(suggestion ? { fixes: [{ title: `Change to \`${suggestion}\``, isPreferred: true, safety: 'choice', edits: [{ span: directive.nameSpan, newText: suggestion }] }] } : {}),
      });
    });
  },
});
