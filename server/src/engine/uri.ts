import { fileURLToPath, pathToFileURL } from 'node:url';

/** `file:` URI of an absolute path, encoded the way VS Code encodes it. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Absolute path of a `file:` URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The last path segment of a URI, decoded. */
export function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The URI path, decoded, for glob matching (`/work/app/nginx/site.conf`). */
export function uriPath(uri: string): string {
  const path = uriToPath(uri);
  if (path !== undefined) return path.replace(/\\/g, '/');
  const withoutScheme = uri.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, '').replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(withoutScheme);
  } catch {
    return withoutScheme;
  }
}

/** Resolves `relative` (a path as written in a config file) against the folder of `base`. */
export function resolveSibling(base: string, relative: string): string {
  // encodeURIComponent throws on a lone UTF-16 half (a path mistyped or decoded from invalid UTF-8):
  // such a half becomes U+FFFD, as a file system would show it.
  const wellFormed = relative.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return new URL(wellFormed.split('/').map(encodeURIComponent).join('/').replace(/^%2E/, '.'), base).href;
}
