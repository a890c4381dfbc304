// Whether a folder is one of the root package.json's npm workspaces (globs such as `examples/*`).

function segmentPattern(segment: string): RegExp {
  const escaped = segment.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

function matchSegments(path: readonly string[], glob: readonly string[]): boolean {
  const [head, ...rest] = glob;
  if (head === undefined) return path.length === 0;
  if (head === '**')
    return path.some((_, i) => matchSegments(path.slice(i), rest)) || matchSegments([], rest);
  const [first, ...others] = path;
  return first !== undefined && segmentPattern(head).test(first) && matchSegments(others, rest);
}

/** `relative` uses `/` separators and is relative to the root; globs are npm's `workspaces` entries. */
export function isWorkspace(relative: string, globs: readonly string[]): boolean {
  const path = relative.split('/').filter((s) => s !== '' && s !== '.');
  return globs.some((glob) =>
    matchSegments(
      path,
      glob.split('/').filter((s) => s !== '' && s !== '.'),
    ),
  );
}
