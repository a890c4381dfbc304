// A SCIM filter (the SDK's AST) as an RFC 4515 LDAP filter, every value escaped.
import type { AttrPath, CompareFilter, Filter, FilterValue } from '../protocol/filter/ast.js';
import { ScimError } from '../protocol/errors.js';
import { ldapText } from './entry-mapper.js';
import { escapeFilterValue } from './escape-filter-value.js';

/** Translates one comparison the plain attribute rules cannot (e.g. `active eq true`); undefined when not its own. */
export type CompareHook = (filter: CompareFilter) => string | undefined;

export interface LdapFilterContext {
  /** The LDAP attribute a SCIM path compares against; undefined when nothing maps it. */
  attributeFor(path: AttrPath): string | undefined;
  hook?: CompareHook;
}

function unsupported(reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_FILTER', { position: 0, reason });
}

function literal(value: FilterValue): string {
  if (value === null) throw unsupported('the directory cannot compare with null');
  return escapeFilterValue(ldapText(value));
}

function label(path: AttrPath): string {
  return `${path.uri === undefined ? '' : `${path.uri}:`}${path.name}${path.subAttr === undefined ? '' : `.${path.subAttr}`}`;
}

function attribute(path: AttrPath, context: LdapFilterContext): string {
  const found = context.attributeFor(path);
  if (found === undefined) throw unsupported(`${label(path)} is not mapped to a directory attribute`);
  return found;
}

function compare(filter: CompareFilter, context: LdapFilterContext): string {
  const hooked = context.hook?.(filter);
  if (hooked !== undefined) return hooked;
  const name = attribute(filter.path, context);
  const value = literal(filter.value);
  switch (filter.op) {
    case 'eq':
      return `(${name}=${value})`;
    case 'ne':
      return `(!(${name}=${value}))`;
    case 'co':
      return `(${name}=*${value}*)`;
    case 'sw':
      return `(${name}=${value}*)`;
    case 'ew':
      return `(${name}=*${value})`;
    case 'ge':
      return `(${name}>=${value})`;
    case 'le':
      return `(${name}<=${value})`;
    case 'gt':
      return `(&(${name}>=${value})(!(${name}=${value})))`;
    case 'lt':
      return `(&(${name}<=${value})(!(${name}=${value})))`;
  }
}

/** The LDAP filter for a SCIM filter; a path nothing maps is 400 invalidFilter. */
export function toLdapFilter(filter: Filter, context: LdapFilterContext): string {
  switch (filter.kind) {
    case 'compare':
      return compare(filter, context);
    case 'present':
      return `(${attribute(filter.path, context)}=*)`;
    case 'and':
      return `(&${toLdapFilter(filter.left, context)}${toLdapFilter(filter.right, context)})`;
    case 'or':
      return `(|${toLdapFilter(filter.left, context)}${toLdapFilter(filter.right, context)})`;
    case 'not':
      return `(!${toLdapFilter(filter.filter, context)})`;
    case 'valuePath': {
      // emails[value eq "x"] compares emails.value: the directory keeps one attribute per mapped value.
      const inner = filter.filter;
      if (inner.kind !== 'compare' && inner.kind !== 'present')
        throw unsupported(`${label(filter.path)}[…] is too complex for the directory`);
      const path: AttrPath = { ...filter.path, subAttr: inner.path.name };
      return toLdapFilter({ ...inner, path }, context);
    }
  }
}
