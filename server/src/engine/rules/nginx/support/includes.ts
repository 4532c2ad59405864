import { globToRegExp } from '../../../detect/glob';
import { detectKind } from '../../../detect/kind';
import type { NginxDirective } from '../../../parsers/nginx/ast';
import type { RuleWorkspace } from '../../rule';
import { uriPath } from '../../../uri';

/*
 * `include` as nginx resolves it, mapped onto the workspace. nginx reads a relative path against
 * its configuration folder (where `nginx.conf` is) and an absolute one as is; in a repository the
 * configuration folder is the including file's folder or its parent (`conf.d/x.conf` including
 * `proxy.conf`), and absolute paths under `/etc/nginx/` map onto the same folders. Docker's nginx
 * image renders `templates/x.conf.template` to `conf.d/x.conf`, so templates match their output.
 */

const CONFIG_ROOTS = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/homebrew/etc/nginx/', '/usr/local/openresty/nginx/conf/'];

/** True for an absolute path in nginx's own folders (`/etc/nginx/…`), which map onto the workspace. */
export function isUnderConfigRoot(pattern: string): boolean {
  return CONFIG_ROOTS.some((root) => pattern.startsWith(root));
}

/**
 * Files every nginx installation ships, which set no directive the deployment rules look for
 * (MIME types, FastCGI/uwsgi/SCGI parameters, charset maps): an `include` of one is not unknown.
 */
const STANDARD_INCLUDES = /(^|\/)(mime\.types|fastcgi_params|fastcgi\.conf|uwsgi_params|scgi_params|koi-utf|koi-win|win-utf|fastcgi-php\.conf|proxy_params|modules-enabled\/\*\.conf)$/;

/** True for a well-known file of the nginx distribution (`mime.types`, `proxy_params`…). */
export function isStandardInclude(pattern: string): boolean {
  return STANDARD_INCLUDES.test(pattern);
}

/**
 * Compiled include patterns by the including file's folder and the pattern, which are all they
 * depend on: include contexts and scopes ask for the same ones in every check. Bounded, since
 * patterns are whatever the files say.
 */
const compiledIncludes = new Map<string, readonly RegExp[]>();
const COMPILED_INCLUDES_SIZE = 2_000;

/** Regular expressions matching the workspace paths an `include` pattern can name. */
export function includeMatchers(pattern: string, includerPath: string): readonly RegExp[] {
  const folder = dirname(includerPath);
  const key = `${folder}\n${pattern}`;
  let matchers = compiledIncludes.get(key);
  if (!matchers) {
    if (compiledIncludes.size >= COMPILED_INCLUDES_SIZE) compiledIncludes.clear();
    compiledIncludes.set(key, (matchers = compileInclude(pattern, folder)));
  }
  return matchers;
}

function compileInclude(pattern: string, folder: string): RegExp[] {
  const bases = [...new Set([folder, dirname(folder)])].filter((base) => base !== '');
  let relative: string;
  if (pattern.startsWith('/')) {
    const root = CONFIG_ROOTS.find((prefix) => pattern.startsWith(prefix));
    if (!root) {
      // An absolute path outside nginx's folders: the same path, or the same last two segments.
      const tail = pattern.split('/').slice(-2).join('/');
      return [globToRegExp(normalize(pattern)), globToRegExp(`**/${tail}`)];
    }
    relative = pattern.slice(root.length);
  } else {
    relative = pattern;
  }
  return bases.map((base) => globToRegExp(normalize(`${base}/${relative}`)));
}

/** The paths a workspace file has once deployed: itself, and a template's rendered output. */
export function deployedPaths(path: string): string[] {
  const paths = [path];
  if (/\.template$/.test(path)) {
    const rendered = path.replace(/\.template$/, '');
    paths.push(rendered, rendered.replace(/\/templates\//, '/conf.d/'));
  }
  return paths;
}

const resolved = new WeakMap<RuleWorkspace, Map<string, readonly string[]>>();

/** Workspace nginx files an `include` in `includerUri` names; resolved once per check. */
export function resolveInclude(pattern: string, includerUri: string, workspace: RuleWorkspace): readonly string[] {
  let byInclude = resolved.get(workspace);
  if (!byInclude) resolved.set(workspace, (byInclude = new Map()));
  const key = `${includerUri}\n${pattern}`;
  let targets = byInclude.get(key);
  if (!targets) {
    const matchers = includeMatchers(pattern, uriPath(includerUri));
    targets = nginxFilesOf(workspace).filter((uri) => uri !== includerUri && deployedPaths(uriPath(uri)).some((path) => matchers.some((matcher) => matcher.test(path))));
    byInclude.set(key, targets);
  }
  return targets;
}

/** The `include` patterns of a file's directive list, with the directive. */
export function includesIn(directives: readonly NginxDirective[]): NginxDirective[] {
  return directives.filter((directive) => directive.name === 'include' && directive.args.length === 1 && !directive.args[0]!.templated);
}

const nginxFiles = new WeakMap<RuleWorkspace, string[]>();

/** Workspace files that are nginx configuration by name (so no file is read to decide); listed once per check. */
export function nginxFilesOf(workspace: RuleWorkspace): string[] {
  let files = nginxFiles.get(workspace);
  if (!files) {
    files = workspace.files().filter((uri) => detectKind(uri, undefined) === 'nginx' || /\.(conf|template|nginx)$/i.test(uriPath(uri)));
    nginxFiles.set(workspace, files);
  }
  return files;
}

function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '' : path.slice(0, index);
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
