import { defineRule, type RuleContext } from '../rule';
import { nginxFilesOf } from './support/includes';
import { sourcesOf, thirdPartyModuleOf, type ThirdPartyModule } from './support/thirdParty';
import { isTemplated, visitDirectives } from './support/visit';
import { quoteToken } from '../../quote';

/**
 * A directive of a module nginx does not build in (`more_set_headers`, `*_by_lua_block`,
 * `brotli`, njs's `js_*`): reported once per module and file, as information naming the module,
 * since the configuration only starts where that module is loaded (nginx-extras, OpenResty, a
 * `load_module`). Nothing is reported for a module the project declares
 * (`EngineOptions.nginxModules`) or that a `load_module` of the workspace loads.
 */
const LOAD_MODULE = /^\s*load_module\s+["']?([^;"'\s]+)/gm;

export const thirdPartyModule = defineRule({
  meta: {
    id: 'nginx/third-party-module',
    kinds: ['nginx'],
    defaultSeverity: 'info',
    description: 'A directive from a module nginx does not build in (headers-more, Lua, njs, brotli, …): it needs that module loaded.',
    fixable: false,
  },
  check(context) {
    const reported = new Set<ThirdPartyModule>();
    let loaded: ReadonlySet<string> | undefined;
    visitDirectives(context, (directive, where) => {
      if (where.kind !== 'directives' || directive.placeholder || isTemplated(directive.name)) return;
      const module = thirdPartyModuleOf(directive.name);
      if (!module || reported.has(module)) return;
      reported.add(module);
      if (context.nginxModules?.includes(module.id)) return;
      loaded ??= loadedObjects(context);
      if (module.objects.some((object) => loaded!.has(object))) return;
      context.report({
        span: directive.nameSpan,
        message:
          `\`${quoteToken(directive.name)}\` comes from the module ${module.project}${sourcesOf(module)}, which nginx does not build in: ` +
          `nginx starts only where it is loaded. Declare it as \`${module.id}\` among the project's nginx modules to silence this.`,
      });
    });
  },
});

/** The module files (`ngx_http_lua_module.so`) that `load_module` lines of the workspace's nginx files load. */
function loadedObjects(context: RuleContext<'nginx'>): ReadonlySet<string> {
  const found = new Set<string>();
  const texts = [context.document.text];
  for (const uri of nginxFilesOf(context.workspace)) if (uri !== context.document.uri) texts.push(context.workspace.readText(uri) ?? '');
  for (const text of texts) {
    if (!text.includes('load_module')) continue;
    for (const match of text.matchAll(LOAD_MODULE)) found.add(match[1]!.split('/').pop()!);
  }
  return found;
}
