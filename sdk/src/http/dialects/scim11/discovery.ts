// The SCIM 1.1 discovery documents: ServiceProviderConfigs (with Okta's capabilities), ResourceTypes, Schemas.
import type { AliasTable } from '../../../protocol/alias-table.js';
import { URN } from '../../../protocol/resource.js';
import type {
  AttributeDefinition,
  ResourceSchema,
  SchemaDefinition,
} from '../../../protocol/schema-types.js';
import type { DiscoveryRoute } from '../../dialect.js';
import { OKTA_PROVIDER_CONFIG_SCHEMA } from '../../okta-provider-config-schema.js';
import {
  discoveryList,
  discoveryNotFound,
  resourceTypeDocument,
  type DiscoveryInfo,
} from '../../discovery.js';

/** Okta's checks look for one list URN on some routes and the other on others: carry both. */
export const LIST_SCHEMAS_11 = [URN.core11, URN.listResponse11] as const;

/** What the 1.1 dialect serves beyond the shared discovery facts. */
export interface Discovery11Options {
  alias: AliasTable;
  /** Whether the dialect reads SCIM 1.1 PATCH bodies. */
  patch: boolean;
}

function serviceProviderConfig11(info: DiscoveryInfo, options: Discovery11Options): unknown {
  return {
    schemas: [URN.core11, URN.oktaProviderConfig],
    patch: { supported: options.patch && info.features.patch },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: info.features.filter, maxResults: info.maxResults },
    changePassword: { supported: info.features.changePassword },
    sort: { supported: info.features.sort },
    etag: { supported: info.features.etag },
    xmlDataFormat: { supported: false },
    // SCIM 1.1 names the link `specUrl` where 2.0 says `specUri`.
    authenticationSchemes: info.authenticationSchemes.map(({ specUri, ...scheme }) => ({
      ...scheme,
      ...(specUri === undefined ? {} : { specUrl: specUri }),
    })),
    [URN.oktaProviderConfig]: { userManagementCapabilities: info.capabilities },
    meta: { location: `${info.baseUrl}/ServiceProviderConfigs` },
  };
}

/** The 1.1 id of a schema: the core schemas share `urn:scim:schemas:core:1.0`, so theirs names the type. */
function schemaId11(
  definition: SchemaDefinition,
  type: ResourceSchema | undefined,
  alias: AliasTable,
): string {
  return definition === type?.core ? `${URN.core11}:${type.resourceType}` : alias.urnTo11(definition.id);
}

function resourceType11(type: ResourceSchema, info: DiscoveryInfo, alias: AliasTable): unknown {
  return resourceTypeDocument(type, info, {
    documentSchema: URN.core11,
    coreSchema: URN.core11,
    extensionUrn: (id) => alias.urnTo11(id),
  });
}

/** SCIM 1.1 attribute characteristics: `readOnly` instead of mutability, no `reference` type. */
function attribute11(attribute: AttributeDefinition, schema: string): Record<string, unknown> {
  return {
    name: attribute.name,
    type: attribute.type === 'reference' ? 'string' : attribute.type,
    multiValued: attribute.multiValued,
    ...(attribute.description === undefined ? {} : { description: attribute.description }),
    schema,
    readOnly: attribute.mutability === 'readOnly',
    required: attribute.required,
    caseExact: attribute.caseExact,
    ...(attribute.canonicalValues === undefined ? {} : { canonicalValues: attribute.canonicalValues }),
    ...(attribute.subAttributes === undefined
      ? {}
      : { subAttributes: attribute.subAttributes.map((sub) => attribute11(sub, schema)) }),
  };
}

interface ServedSchema11 {
  id: string;
  definition: SchemaDefinition;
  /** The resource type the schema belongs to; none for Okta's ServiceProviderConfig extension. */
  type?: ResourceSchema;
}

/**
 * Every schema of the served types once, with its 1.1 id: core first, then the type's extensions;
 * then Okta's ServiceProviderConfig extension, which the ServiceProviderConfigs document lists.
 */
function servedSchemas11(info: DiscoveryInfo, alias: AliasTable): ServedSchema11[] {
  const byId = new Map<string, ServedSchema11>();
  for (const type of info.resourceTypes) {
    for (const definition of [type.core, ...type.extensions]) {
      const id = schemaId11(definition, type, alias);
      if (!byId.has(id.toLowerCase())) byId.set(id.toLowerCase(), { id, definition, type });
    }
  }
  const okta = OKTA_PROVIDER_CONFIG_SCHEMA;
  return [...byId.values(), { id: schemaId11(okta, undefined, alias), definition: okta }];
}

function schema11({ id, definition, type }: ServedSchema11, info: DiscoveryInfo, alias: AliasTable): unknown {
  const core = type !== undefined && definition === type.core;
  const schema = core ? URN.core11 : alias.urnTo11(definition.id);
  return {
    schemas: [URN.core11],
    id,
    name: definition.name,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    schema,
    ...(core ? { endpoint: type.endpoint.slice(1) } : {}),
    attributes: definition.attributes.map((attribute) => attribute11(attribute, schema)),
    meta: { location: `${info.baseUrl}/Schemas/${encodeURIComponent(id)}` },
  };
}

/** The 1.1 discovery routes; `/ServiceProviderConfig` answers too, as some clients send the 2.0 name. */
export function discoveryRoutes11(options: Discovery11Options): DiscoveryRoute[] {
  const { alias } = options;
  const config: DiscoveryRoute['document'] = (info) => serviceProviderConfig11(info, options);
  return [
    { path: '/ServiceProviderConfigs', document: config },
    { path: '/ServiceProviderConfig', document: config },
    {
      path: '/ResourceTypes',
      document: (info) =>
        discoveryList(
          LIST_SCHEMAS_11,
          info.resourceTypes.map((t) => resourceType11(t, info, alias)),
        ),
    },
    {
      path: '/ResourceTypes/:id',
      document(info, id = '') {
        const type = info.resourceTypes.find((t) => t.resourceType.toLowerCase() === id.toLowerCase());
        if (type === undefined) throw discoveryNotFound('ResourceType', id);
        return resourceType11(type, info, alias);
      },
    },
    {
      path: '/Schemas',
      document: (info) =>
        discoveryList(
          LIST_SCHEMAS_11,
          servedSchemas11(info, alias).map((s) => schema11(s, info, alias)),
        ),
    },
    {
      // A schema by its 1.1 id, or by its endpoint name as in SCIM 1.1's `GET /Schemas/Users`.
      path: '/Schemas/:id',
      document(info, id = '') {
        const wanted = id.toLowerCase();
        const found = servedSchemas11(info, alias).find(
          (s) =>
            s.id.toLowerCase() === wanted ||
            (s.definition === s.type?.core && s.type.endpoint.slice(1).toLowerCase() === wanted),
        );
        if (found === undefined) throw discoveryNotFound('Schema', id);
        return schema11(found, info, alias);
      },
    },
  ];
}
