// Entity tags from meta.version, and the If-Match / If-None-Match checks (RFC 9110 §13).
import type { ScimResource } from '../protocol/resource.js';

/** The entity tag of a resource, from `meta.version`; a bare version is quoted to make it one. */
export function etagOf(resource: ScimResource | undefined): string | undefined {
  const version = resource?.meta?.version;
  if (typeof version !== 'string' || version === '') return undefined;
  return /^(W\/)?"[^"]*"$/.test(version) ? version : `"${version.replace(/"/g, '')}"`;
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** The tags of an If-Match / If-None-Match header: `*` or a comma-separated list. */
function tagsOf(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * Whether a header's tags name the current one, by weak comparison (SCIM versions are weak tags).
 * `*` matches any existing resource. A resource without a version matches only `*`.
 */
export function tagMatches(header: string, current: string | undefined): boolean {
  const tags = tagsOf(header);
  if (tags.includes('*')) return true;
  if (current === undefined) return false;
  return tags.some((t) => opaque(t) === opaque(current));
}
