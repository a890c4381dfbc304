// The SCIM 2.0 dialect (RFC 7643/7644): the wire form is the canonical form, so reading is validating.
import { errorBody20 } from '../../../protocol/error-body.js';
import { ScimError } from '../../../protocol/errors.js';
import { isJsonObject } from '../../../protocol/json-value.js';
import { parsePatchRequest } from '../../../protocol/patch/request.js';
import { URN } from '../../../protocol/resource.js';
import { validateResourceWithPauses } from '../../../protocol/validate-resource.js';
import { slicer } from '../../next-turn.js';
import type { DialectDefinition, DialectSetup, ListPage, DialectAdapter } from '../../dialect.js';
import { DISCOVERY_20 } from './discovery.js';
import {
  projectionOfQuery,
  LIST_PARAM_NAMES,
  clamp20,
  listParamsOfQuery,
  readListQuery,
  type PagingRules,
  type RawListParams,
} from '../../list-params.js';

export const SCIM_20_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** A SearchRequest body (RFC 7644 §3.4.3): its fields read case-insensitively, like query parameters. */
function searchParams(body: unknown): RawListParams {
  if (!isJsonObject(body)) {
    throw new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: 'a search request must be a JSON object' });
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = LIST_PARAM_NAMES.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field !== undefined) params[field] = value;
  }
  return params;
}

function createDialect20(setup: DialectSetup): DialectAdapter {
  const paging: PagingRules = { maxResults: setup.maxResults, clamp: clamp20 };
  return {
    version: '2.0',
    contentType: SCIM_20_CONTENT_TYPE,
    requestContentTypes: ['application/scim+json', 'application/json'],
    search: true,
    discovery: DISCOVERY_20,
    readResource: (body, schema) => validateResourceWithPauses(body, schema, slicer().pause),
    readPatch: (body) => parsePatchRequest(body),
    readListQuery: (query) => readListQuery(listParamsOfQuery(query), paging),
    readSearchRequest: (body) => readListQuery(searchParams(body), paging),
    readProjection: (query) => projectionOfQuery(query),
    writeResource: (resource) => resource,
    writeList: (page: ListPage) => ({
      schemas: [URN.listResponse],
      totalResults: page.totalResults,
      startIndex: page.startIndex,
      itemsPerPage: page.resources.length,
      Resources: page.resources,
    }),
    writeError: (err) => errorBody20(err),
  };
}

/** SCIM 2.0, served at /scim/v2 by default. */
export const DIALECT_20: DialectDefinition = {
  version: '2.0',
  defaultBasePath: '/scim/v2',
  create: createDialect20,
};
