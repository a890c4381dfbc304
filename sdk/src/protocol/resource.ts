// The canonical resource model: SCIM 2.0 JSON objects, extension attributes nested under their schema URN.

/** A SCIM 2.0 resource as JSON: core attributes at the top, extension attributes under their URN key. */
export interface ScimResource {
  schemas: string[];
  id?: string;
  externalId?: string;
  meta?: ScimMeta;
  [attribute: string]: unknown;
}

export interface ScimMeta {
  resourceType?: string;
  created?: string;
  lastModified?: string;
  location?: string;
  version?: string;
}

export type ScimUser = ScimResource;
export type ScimGroup = ScimResource;

export type ResourceTypeName = 'User' | 'Group';

/** Well-known schema URNs of both dialects. */
export const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  searchRequest: 'urn:ietf:params:scim:api:messages:2.0:SearchRequest',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
  core11: 'urn:scim:schemas:core:1.0',
  listResponse11: 'urn:scim:schemas:core:1.0:ListResponse',
  enterpriseUser11: 'urn:scim:schemas:extension:enterprise:1.0',
  oktaGroup11: 'urn:okta:custom:group:1.0',
  oktaProviderConfig: 'urn:okta:schemas:scim:providerconfig:1.0',
} as const;
