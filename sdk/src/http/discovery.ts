// What discovery documents say about this server: served resource types, features, limits, auth, capabilities.
import { ScimError } from '../protocol/errors.js';
import type { ResourceTypeName } from '../protocol/resource.js';
import type { SchemaRegistry } from '../protocol/resource-schema.js';
import type { ResourceSchema } from '../protocol/schema-types.js';
import type { Capability } from '../service/capabilities.js';
import type { ScimService } from '../service/scim-service.js';
import { authenticationSchemes, type AuthenticationScheme } from './auth.js';
import { operationsFor } from './method-gate.js';
import type { AuthOptions } from './server-options.js';

/** Features as ServiceProviderConfig reports them: true only when the server really serves them. */
export interface ServedFeatures {
  /** PATCH works on some resource type (the service's patchX, or getX + updateX). */
  patch: boolean;
  /** Lists (and so filters) are served. */
  filter: boolean;
  /** sortBy is handed to the service with every list. */
  sort: boolean;
  /** A password can be set by PUT or PATCH. */
  changePassword: boolean;
  /** ETag headers and If-Match / If-None-Match, whenever the service versions its resources. */
  etag: boolean;
}

/** Everything a dialect needs to write its discovery documents. */
export interface DiscoveryInfo {
  /** Absolute URL of the dialect's base (`https://host/scim/v2`), for meta.location. */
  baseUrl: string;
  schemas: SchemaRegistry;
  /** The resource types the service has any method for, in the order User, Group. */
  resourceTypes: readonly ResourceSchema[];
  features: ServedFeatures;
  maxResults: number;
  authenticationSchemes: readonly AuthenticationScheme[];
  capabilities: readonly Capability[];
}

/** The part of DiscoveryInfo that does not depend on the request. */
export type StaticDiscoveryInfo = Omit<DiscoveryInfo, 'baseUrl'>;

/** Works out what the server serves from the service's methods and the options. */
export function discoveryInfo(
  service: ScimService,
  schemas: SchemaRegistry,
  options: { auth: AuthOptions | 'none'; maxResults: number; capabilities: readonly Capability[] },
): StaticDiscoveryInfo {
  const types: ResourceTypeName[] = ['User', 'Group'];
  const ops = types.map((type) => ({ type, ops: operationsFor(service, type) }));
  const served = ops.filter(({ ops: o }) => Object.values(o).some((f) => f !== undefined));
  return {
    schemas,
    resourceTypes: served.map(({ type }) => schemas.forType(type)),
    features: {
      patch: ops.some(
        ({ ops: o }) => o.patch !== undefined || (o.get !== undefined && o.update !== undefined),
      ),
      filter: ops.some(({ ops: o }) => o.list !== undefined),
      sort: ops.some(({ ops: o }) => o.list !== undefined),
      changePassword: typeof service.updateUser === 'function' || typeof service.patchUser === 'function',
      etag: true,
    },
    maxResults: options.maxResults,
    authenticationSchemes: authenticationSchemes(options.auth),
    capabilities: options.capabilities,
  };
}

/** A discovery list (/ResourceTypes, /Schemas): every entry on one page, under the dialect's list schemas. */
export function discoveryList(schemas: readonly string[], resources: unknown[]): unknown {
  return {
    schemas: [...schemas],
    totalResults: resources.length,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** The 404 of a discovery document asked for by an unknown id. */
export function discoveryNotFound(resourceType: 'ResourceType' | 'Schema', id: string): ScimError {
  return new ScimError('SCIM_ERR_NOT_FOUND', { resourceType, id });
}

/** How a dialect names the schemas in a ResourceType document. */
export interface ResourceTypeNames {
  /** The document's own schema URN. */
  documentSchema: string;
  /** The URN of the type's core schema. */
  coreSchema: string;
  /** The dialect's URN for an extension's (canonical) id. */
  extensionUrn(id: string): string;
  /** `meta.resourceType`, where the dialect carries one. */
  metaResourceType?: string;
}

/** The ResourceType document of one resource type (RFC 7643 §6), in a dialect's names. */
export function resourceTypeDocument(
  type: ResourceSchema,
  info: DiscoveryInfo,
  names: ResourceTypeNames,
): unknown {
  return {
    schemas: [names.documentSchema],
    id: type.resourceType,
    name: type.resourceType,
    endpoint: type.endpoint,
    description: type.core.description ?? type.resourceType,
    schema: names.coreSchema,
    schemaExtensions: type.extensions.map((extension) => ({
      schema: names.extensionUrn(extension.id),
      required: false,
    })),
    meta: {
      ...(names.metaResourceType === undefined ? {} : { resourceType: names.metaResourceType }),
      location: `${info.baseUrl}/ResourceTypes/${type.resourceType}`,
    },
  };
}
