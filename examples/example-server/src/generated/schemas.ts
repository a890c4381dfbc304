// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's custom SCIM schemas, its Okta names, and the user and group types with the custom attributes.
import type { OktaOptions, SchemaDefinition, SchemaOptions, ScimGroup, ScimUser } from 'scim-connector-sdk';

/** Okta's names: the SCIM 1.1 dialect maps `urn:okta:onprem_app:1.0:user:custom` to the user extension. */
export const OKTA: OktaOptions = {
  appName: 'onprem_app',
  userSchemaName: 'custom',
  userExtensionUrn: 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User',
  groupExtensionUrn: 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:Group',
};

/** The custom user attributes, served at /Schemas. */
export const USER_EXTENSION: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User',
  name: 'OnpremAppUser',
  description: "Okta's sample on-premises app: custom user attributes",
  attributes: [
    {
      name: 'isAdmin',
      type: 'boolean',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    },
    {
      name: 'isOkta',
      type: 'boolean',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    },
    {
      name: 'departmentName',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    },
  ],
};

/** The custom user attributes as they sit under `urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User`. */
export type UserExtension = {
  isAdmin?: boolean;
  isOkta?: boolean;
  departmentName?: string;
};

/** The custom group attributes, served at /Schemas. */
export const GROUP_EXTENSION: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:Group',
  name: 'OnpremAppGroup',
  description: 'Okta custom group attributes',
  attributes: [
    {
      name: 'description',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    },
  ],
};

/** The custom group attributes as they sit under `urn:ietf:params:scim:schemas:extension:onprem_app:2.0:Group`. */
export type GroupExtension = {
  description?: string;
};

/** The extensions as the SDK's server and stores take them. */
export const SCHEMA_OPTIONS: SchemaOptions = {
  userExtensions: [USER_EXTENSION],
  groupExtensions: [GROUP_EXTENSION],
};

/** A user as the connector's methods see it: canonical SCIM 2.0, the custom attributes under their URN. */
export type ConnectorUser = ScimUser & {
  'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:User'?: UserExtension;
};

/** A group as the connector's methods see it: canonical SCIM 2.0, the custom attributes under their URN. */
export type ConnectorGroup = ScimGroup & {
  'urn:ietf:params:scim:schemas:extension:onprem_app:2.0:Group'?: GroupExtension;
};
