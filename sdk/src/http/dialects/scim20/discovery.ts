// The SCIM 2.0 discovery documents (RFC 7643 §5-7): ServiceProviderConfig, ResourceTypes, Schemas.
import { URN } from '../../../protocol/resource.js';
import type { ResourceSchema, SchemaDefinition } from '../../../protocol/schema-types.js';
import type { DiscoveryRoute } from '../../dialect.js';
import { OKTA_PROVIDER_CONFIG_SCHEMA } from '../../okta-provider-config-schema.js';
import {
  discoveryList,
  discoveryNotFound,
  resourceTypeDocument,
  type DiscoveryInfo,
} from '../../discovery.js';

function serviceProviderConfig20(info: DiscoveryInfo): unknown {
  return {
    schemas: [URN.serviceProviderConfig, URN.oktaProviderConfig],
    patch: { supported: info.features.patch },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: info.features.filter, maxResults: info.maxResults },
    changePassword: { supported: info.features.changePassword },
    sort: { supported: info.features.sort },
    etag: { supported: info.features.etag },
    authenticationSchemes: info.authenticationSchemes,
    [URN.oktaProviderConfig]: { userManagementCapabilities: info.capabilities },
    meta: { resourceType: 'ServiceProviderConfig', location: `${info.baseUrl}/ServiceProviderConfig` },
  };
}

function resourceType20(schema: ResourceSchema, info: DiscoveryInfo): unknown {
  return resourceTypeDocument(schema, info, {
    documentSchema: URN.resourceType,
    coreSchema: schema.core.id,
    extensionUrn: (id) => id,
    metaResourceType: 'ResourceType',
  });
}

function schema20(definition: SchemaDefinition, info: DiscoveryInfo): unknown {
  return {
    schemas: [URN.schema],
    id: definition.id,
    name: definition.name,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    attributes: definition.attributes,
    meta: { resourceType: 'Schema', location: `${info.baseUrl}/Schemas/${definition.id}` },
  };
}

/**
 * The schemas of the served resource types, each once: core first, then its extensions; then Okta's
 * ServiceProviderConfig extension, which the ServiceProviderConfig lists.
 */
function servedSchemas(info: DiscoveryInfo): SchemaDefinition[] {
  const byId = new Map<string, SchemaDefinition>();
  for (const type of info.resourceTypes) {
    for (const definition of [type.core, ...type.extensions]) byId.set(definition.id, definition);
  }
  return [...byId.values(), OKTA_PROVIDER_CONFIG_SCHEMA];
}

export const DISCOVERY_20: readonly DiscoveryRoute[] = [
  { path: '/ServiceProviderConfig', document: (info) => serviceProviderConfig20(info) },
  {
    path: '/ResourceTypes',
    document: (info) =>
      discoveryList(
        [URN.listResponse],
        info.resourceTypes.map((t) => resourceType20(t, info)),
      ),
  },
  {
    path: '/ResourceTypes/:id',
    document(info, id = '') {
      const type = info.resourceTypes.find((t) => t.resourceType.toLowerCase() === id.toLowerCase());
      if (type === undefined) throw discoveryNotFound('ResourceType', id);
      return resourceType20(type, info);
    },
  },
  {
    path: '/Schemas',
    document: (info) =>
      discoveryList(
        [URN.listResponse],
        servedSchemas(info).map((s) => schema20(s, info)),
      ),
  },
  {
    path: '/Schemas/:id',
    document(info, id = '') {
      const definition = servedSchemas(info).find((s) => s.id.toLowerCase() === id.toLowerCase());
      if (definition === undefined) throw discoveryNotFound('Schema', id);
      return schema20(definition, info);
    },
  },
];
