// Filters, sorts and pages resources in memory, for a connector whose backend cannot (RFC 7644 §3.4.2).
import type { ScimResource } from '../protocol/resource.js';
import type { ResourceSchema, AttributeDefinition } from '../protocol/schema-types.js';
import type { AttrPath } from '../protocol/filter/ast.js';
import { compileFilter } from '../protocol/filter/evaluate.js';
import { compareAttributeValues, getAttributeValues, getOwn } from '../protocol/attribute-access.js';
import { findSubAttribute, isNeverReturned } from '../protocol/resource-schema.js';
import type { ListQuery, ListResult } from './scim-service.js';

/**
 * Applies a list query to every resource: keeps the ones the filter matches, sorts them by `sortBy`
 * (stable: ties keep their input order), and returns the page starting at `startIndex` (1-based) of at
 * most `count` resources, with the number of matches as `totalResults`. Pure: resources are not copied.
 */
export function applyListQuery<T extends ScimResource>(
  resources: Iterable<T>,
  query: ListQuery,
  schema: ResourceSchema,
): ListResult<T> {
  // Compiled once: paths are resolved and literals prepared once per list, not once per resource.
  const matches = query.filter === undefined ? undefined : compileFilter(query.filter, schema);
  let matched: T[] = [];
  for (const resource of resources) {
    if (matches === undefined || matches(resource)) matched.push(resource);
  }
  if (query.sortBy !== undefined) matched = sortResources(matched, query.sortBy, query.sortOrder, schema);
  const start = Math.max(1, query.startIndex) - 1;
  const end = query.count === undefined ? matched.length : start + Math.max(0, query.count);
  return { resources: matched.slice(start, end), totalResults: matched.length };
}

function sortResources<T extends ScimResource>(
  resources: T[],
  sortBy: AttrPath,
  order: 'ascending' | 'descending',
  schema: ResourceSchema,
): T[] {
  const resolved = schema.resolve(sortBy);
  const attribute = resolved?.attribute;
  const keyDefinition =
    attribute === undefined
      ? undefined
      : attribute.multiValued && attribute.type === 'complex'
        ? (resolved?.subAttribute ?? findSubAttribute(attribute, 'value'))
        : (resolved?.subAttribute ?? attribute);
  // An attribute the schema does not know, or a complex one with nothing to compare, has no order;
  // nor has one the client can never read: ordering by a password would reveal it bit by bit.
  if (attribute === undefined || keyDefinition === undefined) return resources;
  if (isNeverReturned(attribute) || isNeverReturned(keyDefinition)) return resources;
  const keyed = resources.map((resource, index) => ({
    resource,
    index,
    key: sortKey(resource, sortBy, attribute, keyDefinition, schema),
  }));
  const direction = order === 'descending' ? -1 : 1;
  keyed.sort((a, b) => {
    // RFC 7644 §3.4.2.3: resources without a value come last ascending and first descending.
    if (a.key === undefined || b.key === undefined) {
      const missing = (a.key === undefined ? 1 : 0) - (b.key === undefined ? 1 : 0);
      return missing * direction || a.index - b.index;
    }
    return direction * compareAttributeValues(a.key, b.key, keyDefinition) || a.index - b.index;
  });
  return keyed.map((entry) => entry.resource);
}

/**
 * The value a resource sorts by. A multi-valued attribute sorts by its primary value if any, else its
 * first (RFC 7644 §3.4.2.3); a multi-valued complex one by that element's sub-attribute (`value` when the
 * path names none). Empty strings count as no value.
 */
function sortKey(
  resource: ScimResource,
  path: AttrPath,
  attribute: AttributeDefinition,
  keyDefinition: AttributeDefinition,
  schema: ResourceSchema,
): unknown {
  let key: unknown;
  if (attribute.multiValued && attribute.type === 'complex') {
    const elements = getAttributeValues(
      resource,
      { ...(path.uri === undefined ? {} : { uri: path.uri }), name: path.name },
      schema,
    );
    const chosen = elements.find((element) => getOwn(element, 'primary') === true) ?? elements[0];
    key = getOwn(chosen, keyDefinition.name);
  } else {
    key = getAttributeValues(resource, path, schema)[0];
  }
  return key === null || key === '' ? undefined : key;
}
