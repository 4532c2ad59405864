/**
 * Minimal glob matching for file-kind and product settings: `*` (within a segment), `**`
 * (any number of segments), `?`, and `{a,b}`. A pattern without `/` matches the file name at
 * any depth, as in `files.associations`.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      inBraces = true;
      source += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (c === ',' && inBraces) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const anchor = (body: string) => (glob.includes('/') ? `^${glob.startsWith('/') || glob.startsWith('**') ? '' : '(?:.*/)?'}${body}$` : `(?:^|/)${body}$`);
  try {
    return new RegExp(anchor(source));
  } catch {
    // Unbalanced braces (a typo in a setting, an nginx `include ${…`): the glob matches itself literally.
    return new RegExp(anchor(glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
}

export function matchesGlob(path: string, glob: string): boolean {
  return globToRegExp(glob).test(path);
}
