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

/** One value of a multi-valued attribute such as emails or members (RFC 7643 §2.4). */
export interface ScimMultiValue {
  value?: string;
  display?: string;
  type?: string;
  primary?: boolean;
  [subAttribute: string]: unknown;
}

/** A User as the service sees it: the core attributes a connector reads most, typed; every other one `unknown`. */
export interface ScimUser extends ScimResource {
  userName?: string;
  displayName?: string;
  active?: boolean;
  name?: { givenName?: string; familyName?: string; formatted?: string; [subAttribute: string]: unknown };
  emails?: ScimMultiValue[];
}

/** A Group as the service sees it: displayName and members typed; every other attribute `unknown`. */
export interface ScimGroup extends ScimResource {
  displayName?: string;
  members?: ScimMultiValue[];
}

/**
 * A User type carrying the connector's extension attributes under their schema URN, e.g.
 * `ScimUserWith<'urn:ietf:params:scim:schemas:extension:acme:2.0:User', { isAdmin?: boolean }>`.
 * A misspelt attribute then fails to compile where the connector reads or writes it.
 */
export type ScimUserWith<Urn extends string, Extension extends object> = ScimUser & {
  [K in Urn]?: Extension;
};

/** Like ScimUserWith, for a Group type with the connector's group extension attributes. */
export type ScimGroupWith<Urn extends string, Extension extends object> = ScimGroup & {
  [K in Urn]?: Extension;
};

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
