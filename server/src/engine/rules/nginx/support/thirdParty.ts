import { entriesOf } from '../../../parsers/nginx/reference';

/*
 * Common modules nginx does not build in, by the directives they add. No maintained data source
 * lists third-party directives (@nginx/reference-lib documents nginx.org's modules only), so this
 * table is written from each module's README; njs is nginx.org's own but ships as a separate
 * dynamic module. A name matches a module by exact name, by prefix (`lua_`: the name or `lua_…`),
 * or by a pattern. Official names always win, except for modules listed by reference module.
 */

export interface ThirdPartyModule {
  /** The name `EngineOptions.nginxModules` uses: `headers-more`, `lua`, `njs`. */
  readonly id: string;
  /** The module's project name, for messages. */
  readonly project: string;
  /** The Debian/Ubuntu package that provides it, when there is one. */
  readonly debian?: string;
  /** True when OpenResty bundles it. */
  readonly openresty: boolean;
  /** The file `load_module` names to load it (any one of them). */
  readonly objects: readonly string[];
  readonly names?: readonly string[];
  readonly prefixes?: readonly string[];
  readonly pattern?: RegExp;
  /** Modules of @nginx/reference-lib that this one is (njs): their directives belong to it. */
  readonly referenceModules?: readonly string[];
}

export const THIRD_PARTY_MODULES: readonly ThirdPartyModule[] = [
  {
    id: 'headers-more',
    project: 'headers-more-nginx-module',
    debian: 'libnginx-mod-http-headers-more-filter',
    openresty: true,
    objects: ['ngx_http_headers_more_filter_module.so'],
    names: ['more_set_headers', 'more_clear_headers', 'more_set_input_headers', 'more_clear_input_headers'],
  },
  {
    id: 'lua',
    project: 'lua-nginx-module',
    debian: 'libnginx-mod-http-lua',
    openresty: true,
    objects: ['ngx_http_lua_module.so', 'ngx_stream_lua_module.so'],
    prefixes: ['lua_'],
    pattern: /_by_lua(?:_block|_file|_no_postpone)?$/,
  },
  {
    id: 'njs',
    project: 'njs (ngx_http_js_module)',
    debian: 'libnginx-mod-http-js',
    openresty: false,
    objects: ['ngx_http_js_module.so', 'ngx_stream_js_module.so'],
    referenceModules: ['ngx_http_js_module', 'ngx_stream_js_module'],
  },
  { id: 'brotli', project: 'ngx_brotli', debian: 'libnginx-mod-http-brotli-filter', openresty: false, objects: ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'], prefixes: ['brotli'] },
  { id: 'vts', project: 'nginx-module-vts', openresty: false, objects: ['ngx_http_vhost_traffic_status_module.so'], prefixes: ['vhost_traffic_status'] },
  { id: 'geoip2', project: 'ngx_http_geoip2_module', debian: 'libnginx-mod-http-geoip2', openresty: false, objects: ['ngx_http_geoip2_module.so', 'ngx_stream_geoip2_module.so'], prefixes: ['geoip2'] },
  {
    id: 'modsecurity',
    project: 'ModSecurity-nginx',
    debian: 'libnginx-mod-http-modsecurity',
    openresty: false,
    objects: ['ngx_http_modsecurity_module.so'],
    prefixes: ['modsecurity'],
    names: ['ModSecurityEnabled', 'ModSecurityConfig'],
  },
  { id: 'pagespeed', project: 'ngx_pagespeed', openresty: false, objects: ['ngx_pagespeed.so'], names: ['pagespeed'] },
  { id: 'echo', project: 'echo-nginx-module', debian: 'libnginx-mod-http-echo', openresty: true, objects: ['ngx_http_echo_module.so'], prefixes: ['echo'] },
  {
    id: 'set-misc',
    project: 'set-misc-nginx-module',
    debian: 'libnginx-mod-http-set-misc',
    openresty: true,
    objects: ['ngx_http_set_misc_module.so'],
    names: ['set_if_empty', 'set_quote_sql_str', 'set_quote_pgsql_str', 'set_quote_json_str', 'set_unescape_uri', 'set_escape_uri', 'set_md5', 'set_sha1', 'set_hmac_sha1', 'set_hmac_sha256', 'set_random', 'set_secure_random_alphanum', 'set_secure_random_lcalpha', 'set_rotate', 'set_local_today', 'set_formatted_gmt_time', 'set_formatted_local_time', 'set_encode_base32', 'set_decode_base32', 'set_encode_base64', 'set_decode_base64', 'set_encode_base64url', 'set_decode_base64url', 'set_encode_hex', 'set_decode_hex'],
  },
  { id: 'srcache', project: 'srcache-nginx-module', debian: 'libnginx-mod-http-srcache-filter', openresty: true, objects: ['ngx_http_srcache_filter_module.so'], prefixes: ['srcache_'] },
  { id: 'memc', project: 'memc-nginx-module', debian: 'libnginx-mod-http-memc', openresty: true, objects: ['ngx_http_memc_module.so'], prefixes: ['memc_'] },
  { id: 'fancyindex', project: 'ngx-fancyindex', debian: 'libnginx-mod-http-fancyindex', openresty: false, objects: ['ngx_http_fancyindex_module.so'], prefixes: ['fancyindex'] },
  { id: 'auth-pam', project: 'ngx_http_auth_pam_module', debian: 'libnginx-mod-http-auth-pam', openresty: false, objects: ['ngx_http_auth_pam_module.so'], prefixes: ['auth_pam'] },
  { id: 'dav-ext', project: 'nginx-dav-ext-module', debian: 'libnginx-mod-http-dav-ext', openresty: false, objects: ['ngx_http_dav_ext_module.so'], prefixes: ['dav_ext_'] },
  { id: 'subs-filter', project: 'ngx_http_substitutions_filter_module', debian: 'libnginx-mod-http-subs-filter', openresty: false, objects: ['ngx_http_subs_filter_module.so'], names: ['subs_filter', 'subs_filter_types'] },
  { id: 'nchan', project: 'nchan', debian: 'libnginx-mod-nchan', openresty: false, objects: ['ngx_nchan_module.so'], prefixes: ['nchan_'] },
  { id: 'rtmp', project: 'nginx-rtmp-module', debian: 'libnginx-mod-rtmp', openresty: false, objects: ['ngx_rtmp_module.so'], names: ['rtmp', 'rtmp_auto_push', 'rtmp_auto_push_reconnect', 'rtmp_socket_dir'] },
  { id: 'uploadprogress', project: 'nginx-upload-progress-module', debian: 'libnginx-mod-http-uploadprogress', openresty: false, objects: ['ngx_http_uploadprogress_module.so'], names: ['upload_progress', 'track_uploads', 'report_uploads', 'upload_progress_content_type', 'upload_progress_header', 'upload_progress_json_output', 'upload_progress_jsonp_output', 'upload_progress_jsonp_parameter'] },
];

const byName = new Map<string, ThirdPartyModule | null>();

/** The third-party module that defines `name`, or undefined for an official or unknown name. */
export function thirdPartyModuleOf(name: string): ThirdPartyModule | undefined {
  let found = byName.get(name);
  if (found === undefined) {
    found = lookUp(name) ?? null;
    if (byName.size < 10_000) byName.set(name, found);
  }
  return found ?? undefined;
}

function lookUp(name: string): ThirdPartyModule | undefined {
  const entries = entriesOf(name);
  if (entries.length > 0) {
    const module = entries[0]!.module;
    return THIRD_PARTY_MODULES.find((candidate) => candidate.referenceModules?.includes(module));
  }
  return THIRD_PARTY_MODULES.find(
    (candidate) =>
      candidate.names?.includes(name) ||
      candidate.prefixes?.some((prefix) => name === prefix || (name.startsWith(prefix) && (prefix.endsWith('_') || name[prefix.length] === '_'))) ||
      candidate.pattern?.test(name),
  );
}

/** Where to get a module, for messages: its Debian package and OpenResty. */
export function sourcesOf(module: ThirdPartyModule): string {
  const sources = [module.debian ? `Debian/Ubuntu \`${module.debian}\`` : undefined, module.openresty ? 'built into OpenResty' : undefined].filter((source) => source !== undefined);
  return sources.length > 0 ? ` (${sources.join('; ')})` : '';
}
