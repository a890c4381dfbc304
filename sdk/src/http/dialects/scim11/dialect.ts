// The SCIM 1.1 dialect of the Okta Provisioning Agent: 1.1 URNs, Java SDK paging, errors with `errors` and `detail`.
import { createAliasTable, type AliasTable } from '../../../protocol/alias-table.js';
import { errorBody11 } from '../../../protocol/error-body.js';
import { ScimError } from '../../../protocol/errors.js';
import { isJsonObject } from '../../../protocol/json-value.js';
import type { ResourceSchema } from '../../../protocol/schema-types.js';
import type { ScimResource } from '../../../protocol/resource.js';
import { validateResourceWithPauses } from '../../../protocol/validate-resource.js';
import { slicer } from '../../next-turn.js';
import type { DialectDefinition, DialectSetup, ListPage, DialectAdapter } from '../../dialect.js';
import { discoveryRoutes11, LIST_SCHEMAS_11 } from './discovery.js';
import { projectionOfQuery, queryParam } from '../../list-params.js';
import { attributeNameTo20, readListQuery11 } from './list-params.js';
import { readPatch11 } from './patch.js';

/** The agent (a Java client) expects plain JSON; SCIM 1.1 predates application/scim+json. */
export const SCIM_11_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A 1.1 body as a canonical resource: URNs translated by the alias table, then validated as 2.0. */
function readResource11(body: unknown, schema: ResourceSchema, alias: AliasTable): Promise<ScimResource> {
  if (!isJsonObject(body))
    throw new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: 'the resource must be a JSON object' });
  const schemas = Object.entries(body).find(([key]) => key.toLowerCase() === 'schemas')?.[1];
  // The alias table drops a malformed `schemas` silently; the client must hear of it, as in 2.0.
  if (
    schemas !== undefined &&
    schemas !== null &&
    (!Array.isArray(schemas) || !schemas.every((urn) => typeof urn === 'string'))
  ) {
    throw new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: '"schemas" must be an array of schema URNs' });
  }
  return validateResourceWithPauses(alias.resourceTo20(body, schema.resourceType), schema, slicer().pause);
}

function createDialect11(setup: DialectSetup): DialectAdapter {
  const { appName, userSchemaName, userExtensionUrn, groupExtensionUrn } = setup.okta;
  const alias = createAliasTable({
    oktaAppName: appName,
    oktaUserSchemaName: userSchemaName,
    userExtensionUrn,
    groupExtensionUrn,
  });
  return {
    version: '1.1',
    contentType: SCIM_11_CONTENT_TYPE,
    search: false,
    discovery: discoveryRoutes11({ alias, patch: true }),
    // The Java SDK pages only when both are given, and so does the agent.
    isPaged: (query) =>
      queryParam(query, 'startIndex') !== undefined && queryParam(query, 'count') !== undefined,
    readResource: (body, schema) => readResource11(body, schema, alias),
    readPatch: (body, schema) => readPatch11(body, schema, alias),
    readListQuery(query, schema) {
      return readListQuery11(query, schema?.resourceType ?? 'User', alias, setup.maxResults);
    },
    readSearchRequest() {
      // SCIM 1.1 has no .search; with `search: false` the engine routes none here.
      throw new ScimError('SCIM_ERR_ROUTE_NOT_FOUND', { method: 'POST', url: '.search' });
    },
    readProjection: (query, schema) =>
      projectionOfQuery(query, (name) => attributeNameTo20(name, alias, schema.resourceType)),
    writeResource: (resource) => alias.resourceTo11(resource),
    writeList(page: ListPage) {
      // Keys added in turn: a key after a spread of a conditional object takes V8's slow path.
      const list: Record<string, unknown> = {
        schemas: [...LIST_SCHEMAS_11],
        totalResults: page.totalResults,
      };
      if (page.paged) {
        list['startIndex'] = page.startIndex;
        list['itemsPerPage'] = page.resources.length;
      }
      list['Resources'] = page.resources;
      return list;
    },
    writeError: (err) => errorBody11(err),
  };
}

/** SCIM 1.1 for the Okta Provisioning Agent, served at /scim/v1 by default. */
export const DIALECT_11: DialectDefinition = {
  version: '1.1',
  defaultBasePath: '/scim/v1',
  create: createDialect11,
};
