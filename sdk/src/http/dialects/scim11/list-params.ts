// SCIM 1.1 list parameters read as the Okta Java SDK read them, then translated into canonical paths.
import type { AliasTable } from '../../../protocol/alias-table.js';
import { ScimError } from '../../../protocol/errors.js';
import type { ResourceTypeName } from '../../../protocol/resource.js';
import type { ListQuery } from '../../../service/scim-service.js';
import { listParamsOfQuery, readListQuery, type PagingRules, type QueryParams } from '../../list-params.js';

function negative(parameter: 'startIndex' | 'count', value: number): ScimError {
  return new ScimError('SCIM_ERR_INVALID_PAGING', { parameter, value, reason: 'must not be negative' });
}

/**
 * The Java SDK's paging: a negative value is a 400 (SCIM 2.0 would clamp it), and a page exists
 * only when both startIndex and count are given; otherwise the list starts at 1 and the engine caps
 * it at maxResults. startIndex 0 is read as 1, as the agent's first page is 1.
 */
function clamp11(
  startIndex: number | undefined,
  count: number | undefined,
): { startIndex: number; count: number | undefined } {
  if (startIndex !== undefined && startIndex < 0) throw negative('startIndex', startIndex);
  if (count !== undefined && count < 0) throw negative('count', count);
  if (startIndex === undefined || count === undefined) return { startIndex: 1, count: undefined };
  return { startIndex: Math.max(1, startIndex), count };
}

/**
 * An attribute name of an `attributes` list or `sortBy` in canonical terms: a 1.1 schema URN, alone
 * (a whole extension) or in front of an attribute name, becomes its 2.0 URN.
 */
export function attributeNameTo20(name: string, alias: AliasTable, resourceType: ResourceTypeName): string {
  const whole = alias.urnTo20(name, resourceType);
  if (whole !== name || !name.toLowerCase().startsWith('urn:')) return whole;
  const colon = name.lastIndexOf(':');
  const urn = alias.urnTo20(name.slice(0, colon), resourceType);
  return `${urn}${name.slice(colon)}`;
}

/** The ListQuery of a 1.1 query string: the filter, sortBy and attribute names translated to 2.0. */
export function readListQuery11(
  query: QueryParams,
  resourceType: ResourceTypeName,
  alias: AliasTable,
  maxResults: number,
): ListQuery {
  const rules: PagingRules = { maxResults, clamp: clamp11 };
  const read = readListQuery(listParamsOfQuery(query), rules);
  const names = (list: string[]) => list.map((name) => attributeNameTo20(name, alias, resourceType));
  return {
    ...read,
    ...(read.filter === undefined ? {} : { filter: alias.filterTo20(read.filter, resourceType) }),
    ...(read.sortBy === undefined ? {} : { sortBy: alias.attrPathTo20(read.sortBy, resourceType) }),
    ...(read.attributes === undefined ? {} : { attributes: names(read.attributes) }),
    ...(read.excludedAttributes === undefined ? {} : { excludedAttributes: names(read.excludedAttributes) }),
  };
}
